/**
 * Hostile input, thousands of requests: the harness of the test suite
 * (tests/support/hostile-input.ts; a 300-request sample runs in `npm test`) over every route of
 * the app, on SQLite and on a throwaway PostgreSQL cluster (fsync on), each over the whole trust
 * fixture (tests/support/trust-fixture.ts). Records how many requests per second of hostile input
 * the app answers, what it answered, every problem found (5xx, leaked error text, an unescaped
 * script, a refusal without a message, something stored by a refused request) and whether the home
 * page is still served afterwards.
 *
 *   node bench/run.js hostile-input [--inputs 5000] [--seed 1] [--db sqlite,postgres]
 *                                   [--name latest] [--no-write]
 *
 * The app runs in this process (Hono's app.request: no sockets), as in the tests; the rate is
 * given twice: for the whole run (the harness also reads every row of the database after each
 * request, to tell whether a refused request stored anything) and for the app's own work only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startPostgresCluster } from '../../scripts/pg-cluster.js';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    inputs: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    db: { type: 'string', default: 'sqlite,postgres' },
    name: { type: 'string', default: 'latest' },
    write: { type: 'boolean', default: true },
    help: { type: 'boolean', default: false },
  },
  allowNegative: true,
});
if (values.help) {
  console.log(
    'Usage: node bench/run.js hostile-input [--inputs 5000] [--seed 1] [--db sqlite,postgres] [--name latest] [--no-write]\n\nSends N generated hostile requests over every route of the app on each database and records\nthe rate, the answers and every problem in bench/hostile-input/results/NAME.{json,md}.',
  );
  process.exit(0);
}
const inputs = Number(values.inputs);
const seed = Number(values.seed);
const databases = values.db.split(',').map((name) => name.trim());
if (!Number.isInteger(inputs) || inputs < 1 || !Number.isInteger(seed)) {
  console.error('hostile-input: --inputs must be a whole number from 1, --seed a whole number');
  process.exit(2);
}
if (databases.some((name) => name !== 'sqlite' && name !== 'postgres')) {
  console.error('hostile-input: --db takes sqlite, postgres or both (sqlite,postgres)');
  process.exit(2);
}

// The test helpers read the dialect from the environment when they are imported and called.
const { createRecordingLogger, runHostileInput } = await import('../../tests/support/hostile-input');
const { createTestApp } = await import('../../tests/support/test-app');
const { seedTrustFixture, TRUST_NOW } = await import('../../tests/support/trust-fixture');

interface Row {
  database: string;
  requests: number;
  seconds: number;
  serverSeconds: number;
  requestsPerSecond: number;
  serverRequestsPerSecond: number;
  routesHit: number;
  refusalsChecked: number;
  csrfRefusals: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  problems: { label: string; problem: string }[];
  homePageAfterwards: boolean;
  peakRssMb: number;
}

const runOn = async (database: 'sqlite' | 'postgres'): Promise<Row> => {
  process.env.ILN_TEST_DB = database;
  const cluster = database === 'postgres' ? await startPostgresCluster({ durable: true }) : undefined;
  if (cluster) process.env.ILN_TEST_PG_URL = cluster.url;
  const logger = createRecordingLogger();
  const t = await createTestApp({ now: TRUST_NOW, logger });
  let peakRss = 0;
  try {
    const f = await seedTrustFixture(t);
    const run = await runHostileInput(t, f, {
      seed,
      numRuns: inputs,
      logger,
      onRequest: (progress) => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        if (progress.requests % 500 === 0) {
          console.log(
            `${database}: ${progress.requests}/${inputs} requests, ${progress.problems.length} problems`,
          );
        }
      },
    });
    return {
      database,
      requests: run.requests,
      seconds: run.seconds,
      serverSeconds: run.serverSeconds,
      requestsPerSecond: run.requests / run.seconds,
      serverRequestsPerSecond: run.requests / run.serverSeconds,
      routesHit: run.routesHit,
      refusalsChecked: run.refusalsChecked,
      csrfRefusals: run.csrfRefusals,
      byStatus: run.byStatus,
      byKind: run.byKind,
      problems: run.problems,
      // The harness adds a problem labelled "GET / afterwards" when the home page is not served.
      homePageAfterwards: !run.problems.some(({ label }) => label.includes('GET / afterwards')),
      peakRssMb: Math.round(peakRss / 1e6),
    };
  } finally {
    await t.dispose();
    cluster?.stop();
  }
};

// The commit measured, taken before the run (the tree may change while it runs).
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();

const startLoad = loadavg();
const rows: Row[] = [];
for (const database of databases as ('sqlite' | 'postgres')[]) rows.push(await runOn(database));
const endLoad = loadavg();

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const statuses = (byStatus: Record<string, number>) =>
  Object.entries(byStatus)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
const lines = [
  `# hostile-input: ${inputs} generated requests per database, seed ${seed}`,
  '',
  `${new Date().toISOString()}, commit ${commit}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; load average ${startLoad.map((l) => fixed(l, 2)).join(' ')} at the start, ${endLoad.map((l) => fixed(l, 2)).join(' ')} at the end.`,
  '',
  '| database | requests | routes hit | whole run s | requests/s (whole run) | app s | requests/s (app only) | refusals checked | problems | home page afterwards | peak RSS MB |',
  '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --- | --: |',
  ...rows.map(
    (row) =>
      `| ${row.database} | ${row.requests} | ${row.routesHit} | ${fixed(row.seconds)} | ${fixed(row.requestsPerSecond)} | ${fixed(row.serverSeconds)} | ${fixed(row.serverRequestsPerSecond)} | ${row.refusalsChecked} | ${row.problems.length} | ${row.homePageAfterwards ? 'served' : 'NOT served'} | ${row.peakRssMb} |`,
  ),
  '',
  ...rows.flatMap((row) => [
    `## ${row.database}`,
    '',
    `Answers: ${statuses(row.byStatus)}. Refused by the CSRF check (tested little beyond it): ${row.csrfRefusals}.`,
    '',
    `Kinds of request: ${Object.entries(row.byKind)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(', ')}.`,
    '',
    row.problems.length === 0
      ? 'Problems: none.'
      : `Problems (${row.problems.length}):\n\n${row.problems
          .slice(0, 50)
          .map(({ label, problem }) => `- \`${label.slice(0, 200)}\`: ${problem.slice(0, 300)}`)
          .join('\n')}`,
    '',
  ]),
];
const markdown = lines.join('\n');
console.log(markdown);
if (values.write) {
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${values.name}.json`),
    `${JSON.stringify({ date: new Date().toISOString(), commit, node: process.version, inputs, seed, load: { start: startLoad, end: endLoad }, rows }, null, 2)}\n`,
  );
  writeFileSync(join(dir, `${values.name}.md`), `${markdown}\n`);
}
process.exit(rows.some((row) => row.problems.length > 0) ? 1 : 0);
