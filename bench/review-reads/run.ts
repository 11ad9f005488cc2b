/**
 * Review reads: what a program coordinator reads over one round as the round grows (issue 9, item
 * 12). For each size and database it seeds a demo program with `iln seed-demo --applicants N` (an
 * open round of N applications and a round under way of N more), marks 1% of the open round as
 * likely duplicates, runs the real `iln serve`, signs in as the demo program coordinator and
 * times, over HTTP: the review list (page 1), a search (page 50), the counts page, the JSON API
 * list, and the CSV export (time to the last byte and bytes), while another client asks for the
 * public home page every 20 ms (its latency shows whether the export holds up everyone else).
 * Last, it closes the round (settling the country quota) with the same sampling.
 *
 *   node bench/run.js review-reads [--sizes 1000,10000,50000] [--db sqlite|postgres|both]
 *                                  [--repeat 5] [--checkout DIR] [--name NAME] [--no-write]
 *                                  [--no-vacuum]
 *
 * --checkout runs another checkout's `iln` (e.g. an export of the commit before the change, with
 * this checkout's node_modules linked in) through the same steps, to compare before and after;
 * --checkout-commit names the commit an exported checkout was made from, for the record.
 * Requests that take longer than --timeout seconds (default 300) are recorded as timeouts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { startPostgresCluster } from '../../scripts/pg-cluster.js';
import { ensureSystemPackages } from '../../scripts/system-deps.js';
import { openDatabase } from '../../src/db/connection';
import { startServerProcess } from '../../tests/support/server-process';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    db: { type: 'string', default: 'both' },
    repeat: { type: 'string', default: '5' },
    checkout: { type: 'string' },
    'checkout-commit': { type: 'string' },
    timeout: { type: 'string', default: '300' },
    name: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    'no-vacuum': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'Usage: node bench/run.js review-reads [--sizes 1000,10000,50000] [--db sqlite|postgres|both] [--repeat 5] [--checkout DIR [--checkout-commit SHA]] [--timeout 300] [--name NAME] [--no-write] [--no-vacuum]',
  );
  process.exit(0);
}
const sizes = values.sizes.split(',').map(Number);
const repeat = Number(values.repeat);
const timeoutMs = Number(values.timeout) * 1000;
const dialects = values.db === 'both' ? ['sqlite', 'postgres'] : [values.db];
const checkout = values.checkout ? resolve(values.checkout) : root;
const skipVacuum = values['no-vacuum'];
if (
  !sizes.every((n) => Number.isInteger(n) && n >= 2 && n <= 100_000) ||
  !(Number.isInteger(repeat) && repeat >= 1) ||
  !(timeoutMs > 0) ||
  dialects.some((d) => d !== 'sqlite' && d !== 'postgres')
) {
  console.error(
    'review-reads: --sizes are whole numbers from 2 to 100000, --repeat at least 1, --timeout positive; --db sqlite, postgres or both',
  );
  process.exit(2);
}

const PROGRAM_COORDINATOR = 'coordinator@demo.example.org';
const HOME_EVERY_MS = 20;

interface Timed {
  status: number;
  /** Milliseconds to the last byte (or to the timeout). */
  ms: number;
  /** Milliseconds to the response headers. */
  firstByteMs: number;
  bytes: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  timedOut: boolean;
}

/**
 * One request over a kept-alive agent; the body is kept only when asked (the export is megabytes).
 * A request sent on a kept-alive connection the server has just closed fails with ECONNRESET before
 * any answer: it is sent again once, on a new connection, as browsers do.
 */
const send = (
  agent: http.Agent,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; keepBody?: boolean } = {},
  isRetry = false,
): Promise<Timed> =>
  new Promise((done, fail) => {
    const started = performance.now();
    let settled = false;
    let answered = false;
    let firstByteMs = 0;
    let bytes = 0;
    const chunks: Buffer[] = [];
    const settle = (result: Timed | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (result instanceof Error) fail(result);
      else done(result);
    };
    const request = http.request(
      url,
      { method: options.method ?? 'GET', agent, headers: options.headers },
      (response) => {
        answered = true;
        firstByteMs = performance.now() - started;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (options.keepBody) chunks.push(chunk);
        });
        response.on('error', (error) => settle(error));
        response.on('end', () =>
          settle({
            status: response.statusCode ?? 0,
            ms: performance.now() - started,
            firstByteMs,
            bytes,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: response.headers,
            timedOut: false,
          }),
        );
      },
    );
    const timer = setTimeout(() => {
      settle({ status: 0, ms: timeoutMs, firstByteMs, bytes, body: '', headers: {}, timedOut: true });
      request.destroy();
    }, timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) return;
      if (!answered && !isRetry && request.reusedSocket && error.code === 'ECONNRESET') {
        settled = true;
        clearTimeout(timer);
        send(agent, url, options, true).then(done, fail);
        return;
      }
      settle(error);
    });
    request.end(options.body);
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round1 = (n: number) => Math.round(n * 10) / 10;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** Asks for the home page every HOME_EVERY_MS while `work` runs, on a connection of its own. */
const sampleHomeDuring = async <T>(baseUrl: string, work: Promise<T>) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let finished = false;
  const result = work.finally(() => {
    finished = true;
  });
  const latencies: Sample[] = [];
  while (!finished) {
    const home = await send(agent, `${baseUrl}/`);
    // Not 200: the server gave up on the request (a 408 when it could not even read it in time).
    latencies.push({ ms: home.ms, failed: home.timedOut || home.status !== 200 });
    await sleep(HOME_EVERY_MS);
  }
  agent.destroy();
  return { result: await result, homeLatencies: latencies };
};

interface Sample {
  ms: number;
  failed: boolean;
}

const homeStats = (samples: Sample[]) => {
  const latencies = samples.map((sample) => sample.ms);
  return {
    samples: samples.length,
    failed: samples.filter((sample) => sample.failed).length,
    p50: round1(percentile(latencies, 50)),
    p95: round1(percentile(latencies, 95)),
    max: round1(Math.max(0, ...latencies)),
  };
};

interface SizeResult {
  database: string;
  applications: number;
  seedSeconds: number;
  /** Median of --repeat requests, in milliseconds (null: timed out). */
  listPage1Ms: number | null;
  searchPage50Ms: number | null;
  countsMs: number | null;
  apiListMs: number | null;
  exportMs: number | null;
  exportFirstByteMs: number | null;
  exportBytes: number;
  exportRows: number;
  /** The home page while nothing else runs, and while the exports run (all samples together). */
  homeIdle: ReturnType<typeof homeStats>;
  homeDuringExport: ReturnType<typeof homeStats>;
  closeRoundMs: number | null;
  waitlistedAtClose: number | null;
  homeDuringClose: ReturnType<typeof homeStats>;
}

const databaseTarget = (dialect: string, dataDir: string, url: string | undefined) =>
  dialect === 'postgres'
    ? { dialect: 'postgres' as const, url: url! }
    : { dialect: 'sqlite' as const, path: join(dataDir, 'iln.sqlite') };

/** 1% of the open round become likely duplicates of the application just before them. */
const markLikelyDuplicates = async (target: ReturnType<typeof databaseTarget>, roundId: string) => {
  const handle = openDatabase(target);
  try {
    const ids = (
      await handle.db
        .selectFrom('applications')
        .select('id')
        .where('round_id', '=', roundId)
        .orderBy('submitted_at')
        .orderBy('id')
        .execute()
    ).map((row) => row.id);
    await handle.db.transaction().execute(async (trx) => {
      for (let i = 100; i < ids.length; i += 100) {
        await trx
          .updateTable('applications')
          .set({ duplicate_of: ids[i - 1]!, duplicate_reason: 'similar-name' })
          .where('id', '=', ids[i]!)
          .execute();
      }
    });
    // What autovacuum does within a minute or so of a bulk load, and what a round under review
    // for days has had: statistics (seconds after seeding, a round of 50,000 looks like a few
    // hundred rows to the planner, which then sorts instead of walking an index) and the
    // visibility map (without it no scan is index-only: the counts read the whole table).
    if (!skipVacuum && target.dialect === 'postgres') await sql`vacuum analyze`.execute(handle.db);
  } finally {
    await handle.close();
  }
};

const readOpenRoundId = async (target: ReturnType<typeof databaseTarget>) => {
  const handle = openDatabase(target);
  try {
    const row = await handle.db
      .selectFrom('rounds')
      .select('id')
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    return row.id;
  } finally {
    await handle.close();
  }
};

const readSignInLink = async (target: ReturnType<typeof databaseTarget>, email: string) => {
  const handle = openDatabase(target);
  try {
    const row = await handle.db
      .selectFrom('mail_messages')
      .select('text_body')
      .where('to_address', '=', email)
      .where('kind', '=', 'sign-in-link')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const link = /https?:\/\/[^/\s]+(\/sign-in\/verify\?\S+)/.exec(row.text_body)?.[1];
    if (!link) throw new Error('the sign-in email carried no link');
    return link;
  } finally {
    await handle.close();
  }
};

const cookiesOf = (headers: http.IncomingHttpHeaders, jar: Map<string, string>) => {
  for (const header of headers['set-cookie'] ?? []) {
    const [pair = ''] = header.split(';');
    const at = pair.indexOf('=');
    if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
};

const csrfTokenOf = (html: string) => {
  const token = /<meta name="csrf-token" content="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('the page carried no csrf-token');
  return token;
};

const runSize = async (dialect: string, size: number): Promise<SizeResult> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iln-review-reads-'));
  const cluster = dialect === 'postgres' ? await startPostgresCluster({ durable: true }) : undefined;
  const env: Record<string, string> = cluster ? { DATABASE_URL: cluster.url } : {};
  const target = databaseTarget(dialect, dataDir, cluster?.url);
  try {
    const seedStarted = performance.now();
    const seeded = spawnSync(
      process.execPath,
      [join(checkout, 'bin/iln.js'), 'seed-demo', '--applicants', String(size)],
      {
        cwd: checkout,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'development',
          LOG_LEVEL: 'warn',
          DATA_DIR: dataDir,
          ...env,
        },
        encoding: 'utf8',
      },
    );
    if (seeded.status !== 0) throw new Error(`seed-demo failed: ${seeded.stderr}`);
    const seedSeconds = round1((performance.now() - seedStarted) / 1000);
    const roundId = await readOpenRoundId(target);
    await markLikelyDuplicates(target, roundId);

    const server = await startServerProcess({ dataDir, env: { ...env, LOG_LEVEL: 'error' }, checkout });
    try {
      const base = server.baseUrl;
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const jar = new Map<string, string>();
      const signInPage = await send(agent, `${base}/sign-in`, { keepBody: true });
      let cookie = cookiesOf(signInPage.headers, jar);
      const form = (fields: Record<string, string>) => ({
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: base },
        body: new URLSearchParams(fields).toString(),
      });
      const asked = await send(
        agent,
        `${base}/sign-in`,
        form({ email: PROGRAM_COORDINATOR, _csrf: csrfTokenOf(signInPage.body) }),
      );
      if (asked.status !== 200) throw new Error(`POST /sign-in answered ${asked.status}`);
      const verified = await send(agent, `${base}${await readSignInLink(target, PROGRAM_COORDINATOR)}`, {
        headers: { cookie },
      });
      if (verified.status !== 303) throw new Error(`the sign-in link answered ${verified.status}`);
      cookie = cookiesOf(verified.headers, jar);

      const applications = `${base}/coordinator/rounds/${encodeURIComponent(roundId)}/applications`;
      const reads = {
        listPage1Ms: applications,
        searchPage50Ms: `${applications}?q=librarian&page=50`,
        countsMs: `${applications}/counts`,
        apiListMs: `${base}/api/rounds/${encodeURIComponent(roundId)}/applications`,
      };
      const get = (url: string, keepBody = false) => send(agent, url, { headers: { cookie }, keepBody });
      // Warm-up: a server that has run for a while has compiled these paths.
      for (const url of [...Object.values(reads), `${applications}/export.csv`]) {
        const warm = await get(url);
        if (!warm.timedOut && warm.status !== 200) throw new Error(`${url} answered ${warm.status}`);
      }
      const timings: Partial<Record<keyof typeof reads, number | null>> = {};
      for (const [key, url] of Object.entries(reads) as [keyof typeof reads, string][]) {
        const times: number[] = [];
        let timedOut = false;
        for (let i = 0; i < repeat && !timedOut; i++) {
          const response = await get(url);
          timedOut = response.timedOut;
          if (!timedOut && response.status !== 200) throw new Error(`${url} answered ${response.status}`);
          times.push(response.ms);
        }
        timings[key] = timedOut ? null : round1(median(times));
      }

      const homeIdleLatencies: Sample[] = [];
      const homeAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (let i = 0; i < 20; i++) {
        const home = await send(homeAgent, `${base}/`);
        homeIdleLatencies.push({ ms: home.ms, failed: home.timedOut || home.status !== 200 });
        await sleep(HOME_EVERY_MS);
      }
      homeAgent.destroy();

      const exportTimes: number[] = [];
      const firstBytes: number[] = [];
      const homeDuringExport: Sample[] = [];
      let exportBytes = 0;
      let exportTimedOut = false;
      let exportRows = 0;
      for (let i = 0; i < Math.min(repeat, 3) && !exportTimedOut; i++) {
        const { result, homeLatencies } = await sampleHomeDuring(
          base,
          get(`${applications}/export.csv`, i === 0),
        );
        if (!result.timedOut && result.status !== 200)
          throw new Error(`the export answered ${result.status}`);
        exportTimedOut = result.timedOut;
        exportTimes.push(result.ms);
        firstBytes.push(result.firstByteMs);
        exportBytes = result.bytes;
        if (i === 0 && !result.timedOut)
          exportRows = (parse(result.body, { bom: true }) as unknown[]).length - 1;
        homeDuringExport.push(...homeLatencies);
      }

      const token = csrfTokenOf(
        (await get(`${base}/coordinator/rounds/${encodeURIComponent(roundId)}`, true)).body,
      );
      const closing = sampleHomeDuring(
        base,
        send(
          agent,
          `${base}/coordinator/rounds/${encodeURIComponent(roundId)}/status`,
          form({ to: 'closed', _csrf: token }),
        ),
      );
      const closed = await closing;
      if (!closed.result.timedOut && closed.result.status !== 303) {
        throw new Error(`closing the round answered ${closed.result.status}`);
      }
      const waitlistedAtClose = await countWaitlisted(target, roundId);
      agent.destroy();
      return {
        database: dialect,
        applications: size,
        seedSeconds,
        listPage1Ms: timings.listPage1Ms ?? null,
        searchPage50Ms: timings.searchPage50Ms ?? null,
        countsMs: timings.countsMs ?? null,
        apiListMs: timings.apiListMs ?? null,
        exportMs: exportTimedOut ? null : round1(median(exportTimes)),
        exportFirstByteMs: exportTimedOut ? null : round1(median(firstBytes)),
        exportBytes,
        exportRows,
        homeIdle: homeStats(homeIdleLatencies),
        homeDuringExport: homeStats(homeDuringExport),
        closeRoundMs: closed.result.timedOut ? null : round1(closed.result.ms),
        waitlistedAtClose,
        homeDuringClose: homeStats(closed.homeLatencies),
      };
    } finally {
      await server.stop();
    }
  } finally {
    cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

const countWaitlisted = async (target: ReturnType<typeof databaseTarget>, roundId: string) => {
  const handle = openDatabase(target);
  try {
    const row = await handle.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', roundId)
      .where('status', '=', 'waitlisted')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await handle.close();
  }
};

const gitOf = (directory: string) => {
  const run = (args: string[]) =>
    spawnSync('git', args, { cwd: directory, encoding: 'utf8' }).stdout?.trim() || undefined;
  // An exported checkout (git archive) is not a repository: git would answer for the one around it.
  const top = run(['rev-parse', '--show-toplevel']);
  if (!top || resolve(top) !== resolve(directory)) {
    return { commit: values['checkout-commit'] ?? 'unknown (not a git checkout)', dirty: null };
  }
  const commit = run(['rev-parse', 'HEAD']);
  // Uncommitted changes to the code that ran (tests do not run in the benchmark).
  const changed = run(['status', '--porcelain', '--', 'src', ':!src/**/*.test.ts', ':!src/**/*.test.tsx']);
  return { commit: commit ?? 'unknown', dirty: commit ? changed !== undefined : null };
};

if (dialects.includes('postgres')) ensureSystemPackages({ chromium: false, postgres: true });
const startedAt = new Date();
const loadAtStart = loadavg().map(round1);
const results: SizeResult[] = [];
for (const dialect of dialects) {
  for (const size of sizes) {
    console.log(`review-reads: ${dialect}, ${size} applications … (load ${loadavg().map(round1).join(' ')})`);
    const result = await runSize(dialect, size);
    console.log(JSON.stringify(result));
    results.push(result);
  }
}
const loadAtEnd = loadavg().map(round1);

const ms = (value: number | null) => (value === null ? 'timeout' : String(value));
const seconds = (value: number | null) => (value === null ? 'timeout' : (value / 1000).toFixed(2));
const table = [
  '| database | applications | list p.1 ms | search p.50 ms | counts ms | API list ms | export s | export MB | rows | home idle p50 ms | home during export p50 / p95 / max ms (samples) | close s (waitlisted) | home during close max ms |',
  '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ...results.map(
    (r) =>
      `| ${r.database} | ${r.applications.toLocaleString('en')} | ${ms(r.listPage1Ms)} | ${ms(r.searchPage50Ms)} | ${ms(r.countsMs)} | ${ms(r.apiListMs)} | ${seconds(r.exportMs)} | ${(r.exportBytes / 1e6).toFixed(2)} | ${r.exportRows.toLocaleString('en')} | ${r.homeIdle.p50} | ${r.homeDuringExport.p50} / ${r.homeDuringExport.p95} / ${r.homeDuringExport.max} (${r.homeDuringExport.samples}${r.homeDuringExport.failed ? `, ${r.homeDuringExport.failed} failed` : ''}) | ${seconds(r.closeRoundMs)} (${r.waitlistedAtClose}) | ${r.homeDuringClose.max}${r.homeDuringClose.failed ? ` (${r.homeDuringClose.failed} failed)` : ''} |`,
  ),
].join('\n');

/** How each measure grows from one size to the next, against how the rows grow (linear: equal). */
const growth = (() => {
  const lines = [
    '| database | applications | × rows | list p.1 | search p.50 | counts | API list | export | close |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const dialect of dialects) {
    const rows = results.filter((r) => r.database === dialect);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      const ratio = (x: number | null, y: number | null) => (x && y ? `×${(y / x).toFixed(1)}` : '—');
      lines.push(
        `| ${dialect} | ${a.applications.toLocaleString('en')} → ${b.applications.toLocaleString('en')} | ×${(b.applications / a.applications).toFixed(1)} | ${ratio(a.listPage1Ms, b.listPage1Ms)} | ${ratio(a.searchPage50Ms, b.searchPage50Ms)} | ${ratio(a.countsMs, b.countsMs)} | ${ratio(a.apiListMs, b.apiListMs)} | ${ratio(a.exportMs, b.exportMs)} | ${ratio(a.closeRoundMs, b.closeRoundMs)} |`,
      );
    }
  }
  return lines.join('\n');
})();

const git = gitOf(checkout);
const record = {
  date: startedAt.toISOString(),
  commit: git.commit,
  uncommittedChangesInSrc: git.dirty,
  checkout: checkout === root ? '.' : checkout,
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  loadAverage: { start: loadAtStart, end: loadAtEnd },
  repeat,
  postgresVacuumedAfterSeeding: !skipVacuum,
  results,
};
console.log(`\n${table}\n\n${growth}`);
if (!values['no-write']) {
  const resultsDir = join(import.meta.dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = startedAt.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const name = values.name ? `${stamp}-${values.name}` : stamp;
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  writeFileSync(
    join(resultsDir, `${name}.md`),
    [
      `# Review reads, ${record.date}`,
      '',
      `Commit ${record.commit}${git.dirty ? ' (with uncommitted changes in src/)' : ''}${record.checkout === '.' ? '' : `, checkout ${record.checkout}`}; Node ${record.node}; ${record.cpus}; load average (1, 5, 15 min) ${loadAtStart.join(', ')} at the start and ${loadAtEnd.join(', ')} at the end. Times are medians of ${repeat} requests (exports: ${Math.min(repeat, 3)}), after one warm-up request each.${dialects.includes('postgres') ? (skipVacuum ? ' PostgreSQL was not vacuumed after seeding (--no-vacuum).' : ' PostgreSQL was vacuumed and analysed after seeding, as autovacuum would have been.') : ''}`,
      '',
      table,
      '',
      'Growth from one size to the next (linear: the times grow as the rows do):',
      '',
      growth,
      '',
    ].join('\n'),
  );
  console.log(`\nrecorded in bench/review-reads/results/${name}.{json,md}`);
}
