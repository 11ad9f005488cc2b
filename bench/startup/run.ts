/**
 * Start-up: what one `iln` command costs as a whole process, next to a bare `node -e ''`
 * (issue 9, item 11; ADR 0011). Every command is a fresh process, timed from spawn to exit:
 *
 *   node -e ''                      the floor: Node itself
 *   iln --help                      the dispatcher alone
 *   iln solve-matching ONE-EDGE     a tiny solve (the matching engine, zod, no database)
 *   iln migrate                     a short database verb, on an up-to-date SQLite database
 *   iln serve                       until it prints that it is listening
 *
 * each compiled (dist/, what `iln` runs after `npm install`) and, with --source (default), from
 * the sources through tsx (what it runs when dist/ is missing or stale).
 *
 *   node bench/run.js startup [--runs 9] [--warmup 1] [--no-source] [--no-serve]
 *                             [--root DIR] [--name NAME] [--note TEXT] [--no-write]
 *
 * The commands run in turn, round after round (A B C … A B C …), so a drift in the machine's
 * speed reaches every row alike, and each ratio to `node -e ''` is taken within a round and its
 * median reported. Wall time, CPU (user + system) and peak RSS of each finished child come from
 * wait4 (a few lines of Python, /usr/bin/python3, spawn the child and wait for it: Node has no
 * wait4). For `serve` they are read from /proc at the moment it says it is listening (CPU in clock
 * ticks). --root measures
 * another checkout's bin/iln.js (an older commit, say), its node_modules installed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../../tests/support/free-port';

const benchRoot = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    warmup: { type: 'string', default: '1' },
    source: { type: 'boolean', default: true },
    serve: { type: 'boolean', default: true },
    root: { type: 'string' },
    name: { type: 'string', default: 'latest' },
    note: { type: 'string' },
    write: { type: 'boolean', default: true },
    help: { type: 'boolean', default: false },
  },
  allowNegative: true,
});
if (values.help) {
  console.log(
    "Usage: node bench/run.js startup [--runs 9] [--warmup 1] [--no-source] [--no-serve] [--root DIR] [--name NAME] [--note TEXT] [--no-write]\n\nTimes node -e '', iln --help, a one-edge iln solve-matching, iln migrate on an up-to-date\nSQLite database and iln serve until listening, each a fresh process; results in\nbench/startup/results/NAME.{json,md}.",
  );
  process.exit(0);
}
const runs = Number(values.runs);
const warmup = Number(values.warmup);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(warmup) || warmup < 0) {
  console.error('startup: --runs must be a whole number from 1, --warmup from 0');
  process.exit(2);
}
const root = resolve(values.root ?? benchRoot);
const bin = join(root, 'bin', 'iln.js');
const canCompile = existsSync(join(root, 'scripts', 'build.js'));

const firstLine = (command: string, args: string[], cwd = root): string =>
  spawnSync(command, args, { cwd, encoding: 'utf8' }).stdout?.split('\n')[0]?.trim() ?? '';

// The kernel's accounting of each finished child (wait4's rusage: CPU to the microsecond, peak
// RSS), read by a few lines of Python around the spawn; Node has no wait4.
const METER = `
import json, os, sys, time
out, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
code = os.waitstatus_to_exitcode(status)
with open(out, "w") as f:
    json.dump({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peakKb": usage.ru_maxrss, "code": code}, f)
sys.exit(code if code >= 0 else 1)
`;
const PYTHON = '/usr/bin/python3';
const haveMeter =
  spawnSync(PYTHON, ['-c', 'import os; os.wait4; os.posix_spawn'], { stdio: 'ignore' }).status === 0;
if (!haveMeter) console.error(`startup: ${PYTHON} is missing (apt-get install python3): wall times only`);
const clockTicks = Number(firstLine('getconf', ['CLK_TCK'], benchRoot)) || 100;

// The compiled rows must run the build, not the sources.
if (canCompile) {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.js'), '--if-stale'], {
    cwd: root,
    encoding: 'utf8',
  });
  const { checkBuild } = (await import(join(root, 'bin', 'load-cli.js'))) as {
    checkBuild: (root: string) => Promise<{ fresh: boolean; reason?: string }>;
  };
  const state = await checkBuild(root);
  if (!state.fresh) {
    console.error(`startup: no fresh build of ${root} (${state.reason}):\n${built.stderr}`);
    process.exit(1);
  }
}

// An up-to-date SQLite database and a one-edge graph, in a scratch directory.
const work = mkdtempSync(join(tmpdir(), 'iln-bench-startup-'));
const graph = join(work, 'one-edge.json');
writeFileSync(graph, JSON.stringify({ edges: [[0, 1, 1]] }));
const baseEnv: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  DATA_DIR: join(work, 'data'),
  NODE_ENV: 'production',
  AUTH_SECRET: 'startup-bench-secret-0123456789abcdef',
  BASE_URL: 'http://127.0.0.1:3000',
};
const created = spawnSync(process.execPath, [bin, 'migrate'], { cwd: work, env: baseEnv, encoding: 'utf8' });
if (created.status !== 0) {
  console.error(`startup: could not create the database:\n${created.stderr}`);
  process.exit(1);
}

type Kind = 'exit' | 'listen';
interface Command {
  label: string;
  argv: string[];
  env: NodeJS.ProcessEnv;
  kind: Kind;
  mode: 'node' | 'compiled' | 'source' | 'as is';
}
const commands: Command[] = [
  { label: "node -e ''", argv: ['-e', ''], env: baseEnv, kind: 'exit', mode: 'node' },
];
const modes: Command['mode'][] = canCompile
  ? values.source
    ? ['compiled', 'source']
    : ['compiled']
  : ['as is'];
for (const mode of modes) {
  const env = mode === 'source' ? { ...baseEnv, ILN_FROM_SOURCE: '1' } : baseEnv;
  const suffix = mode === 'compiled' || mode === 'as is' ? '' : ' (sources via tsx)';
  commands.push(
    { label: `iln --help${suffix}`, argv: [bin, '--help'], env, kind: 'exit', mode },
    {
      label: `iln solve-matching one-edge.json${suffix}`,
      argv: [bin, 'solve-matching', graph],
      env,
      kind: 'exit',
      mode,
    },
    { label: `iln migrate (up to date)${suffix}`, argv: [bin, 'migrate'], env, kind: 'exit', mode },
  );
  if (values.serve) {
    commands.push({
      label: `iln serve, to listening${suffix}`,
      argv: [bin, 'serve'],
      env,
      kind: 'listen',
      mode,
    });
  }
}

interface Sample {
  wall: number;
  cpu: number | null;
  peakMb: number | null;
}

/** One run of a command that exits by itself. */
const runToExit = (command: Command): Sample => {
  const meterFile = join(work, 'meter.json');
  const [file, args] = haveMeter
    ? [PYTHON, ['-c', METER, meterFile, process.execPath, ...command.argv]]
    : [process.execPath, command.argv];
  const start = performance.now();
  const child = spawnSync(file, args, { cwd: work, env: command.env, encoding: 'utf8', timeout: 120_000 });
  const outside = (performance.now() - start) / 1000;
  if (child.status !== 0) {
    throw new Error(`${command.label} exited with ${child.status ?? child.signal}:\n${child.stderr}`);
  }
  if (!haveMeter) return { wall: outside, cpu: null, peakMb: null };
  const meter = JSON.parse(readFileSync(meterFile, 'utf8')) as { wall: number; cpu: number; peakKb: number };
  return { wall: meter.wall, cpu: meter.cpu, peakMb: meter.peakKb / 1024 };
};

/** One run of `iln serve`, until it says it is listening; then it is stopped with SIGTERM. */
const runToListening = async (command: Command): Promise<Sample> => {
  const port = await freePort();
  const env = { ...command.env, PORT: String(port), BASE_URL: `http://127.0.0.1:${port}` };
  const start = performance.now();
  const child = spawn(process.execPath, command.argv, { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const sample = await new Promise<Sample>((resolveSample, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${command.label}: not listening after 60 s:\n${output}`)),
      60_000,
    );
    child.on('exit', (code) => reject(new Error(`${command.label} exited with ${code}:\n${output}`)));
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('ILN is running at')) return;
      const wall = (performance.now() - start) / 1000;
      clearTimeout(timer);
      try {
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const cpu = (Number(fields[11]) + Number(fields[12])) / clockTicks; // utime, stime
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        resolveSample({ wall, cpu, peakMb: hwm ? Number(hwm[1]) / 1024 : null });
      } catch {
        resolveSample({ wall, cpu: null, peakMb: null });
      }
    });
  });
  child.removeAllListeners('exit');
  await new Promise<void>((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
  return sample;
};

const loadAtStart = loadavg();
const samples = new Map<string, Sample[]>(commands.map((command) => [command.label, []]));
const ratios = new Map<string, { wall: number[]; cpu: number[] }>(
  commands.map((command) => [command.label, { wall: [], cpu: [] }]),
);
console.log(`startup: ${commands.length} commands, ${warmup} warm-up + ${runs} rounds, in ${root}`);
try {
  for (let round = 0; round < warmup + runs; round++) {
    const thisRound = new Map<string, Sample>();
    for (const command of commands) {
      thisRound.set(
        command.label,
        command.kind === 'exit' ? runToExit(command) : await runToListening(command),
      );
    }
    if (round < warmup) continue;
    const floor = thisRound.get(commands[0]!.label)!;
    for (const [label, sample] of thisRound) {
      samples.get(label)!.push(sample);
      ratios.get(label)!.wall.push(sample.wall / floor.wall);
      if (sample.cpu !== null && floor.cpu) ratios.get(label)!.cpu.push(sample.cpu / floor.cpu);
    }
    process.stdout.write(`  round ${round - warmup + 1}/${runs} done\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const loadAtEnd = loadavg();

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const of = (list: Sample[], key: keyof Sample) =>
  list.map((s) => s[key]).filter((x): x is number => x !== null);

const rows = commands.map((command) => {
  const list = samples.get(command.label)!;
  const wall = of(list, 'wall');
  return {
    command: command.label,
    mode: command.mode,
    wallS: { median: median(wall), min: Math.min(...wall), max: Math.max(...wall) },
    cpuS: median(of(list, 'cpu')),
    peakMb: median(of(list, 'peakMb')),
    wallVsNode: median(ratios.get(command.label)!.wall),
    cpuVsNode: median(ratios.get(command.label)!.cpu),
  };
});

// Targets (issue 9): --help and a tiny solve within 5x of a bare Node start (wall, whole
// process); a short database verb well under a second of CPU.
const row = (label: string) => rows.find((r) => r.command === label);
const targets = [
  { target: "iln --help within 5x of node -e '' (wall)", value: row('iln --help')?.wallVsNode, limit: 5 },
  {
    target: "tiny iln solve-matching within 5x of node -e '' (wall)",
    value: row('iln solve-matching one-edge.json')?.wallVsNode,
    limit: 5,
  },
  {
    target: 'iln migrate on an up-to-date database under 1 s of CPU',
    value: row('iln migrate (up to date)')?.cpuS,
    limit: 1,
  },
].map((t) => ({ ...t, met: t.value !== null && t.value !== undefined ? t.value < t.limit : null }));

const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
const dirty = firstLine('git', ['status', '--porcelain', 'src', 'bin', 'scripts', 'package.json']);
const commit = firstLine('git', ['rev-parse', '--short', 'HEAD']);
const report = {
  name: values.name,
  date: new Date().toISOString(),
  command: `node bench/run.js startup ${process.argv.slice(2).join(' ')}`.trim(),
  root,
  commit: commit ? `${commit}${dirty ? ' (with uncommitted changes)' : ''}` : 'not a git checkout',
  note: values.note ?? null,
  node: process.version,
  machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores (shared), ${(totalmem() / 2 ** 30).toFixed(0)} GB`,
  loadAverage: `1/5/15-minute load ${fmtLoad(loadAtStart)} at start, ${fmtLoad(loadAtEnd)} at end (${cpus().length} cores)`,
  runs,
  warmup,
  cpuAndPeak: haveMeter
    ? "wait4's rusage of the finished child; serve: /proc at listening (CPU in clock ticks)"
    : 'not measured',
  rows,
  targets,
};

const f = (x: number | null | undefined, digits = 3) =>
  x === null || x === undefined ? '—' : x.toFixed(digits);
const md = [
  `# Start-up benchmark: ${report.name}`,
  '',
  `- date: ${report.date}`,
  `- command: ${report.command}`,
  `- commit: ${report.commit}${values.root ? ` (measured: ${root})` : ''}`,
  ...(report.note ? [`- note: ${report.note}`] : []),
  `- node: ${report.node}`,
  `- machine: ${report.machine}`,
  `- load average: ${report.loadAverage}`,
  `- runs: ${runs} rounds after ${warmup} warm-up, the commands in turn within each round`,
  `- CPU and peak RSS: ${report.cpuAndPeak}`,
  '',
  'Whole process, medians; "× node" is the median over rounds of the ratio to that round\'s',
  "`node -e ''` (wall, and CPU = user + system). serve: until it prints that it is listening.",
  '',
  '| command | wall s (median) | wall min–max | CPU s | peak MB | wall × node | CPU × node |',
  '|---|--:|--:|--:|--:|--:|--:|',
  ...rows.map(
    (r) =>
      `| ${r.command} | ${f(r.wallS.median)} | ${f(r.wallS.min)}–${f(r.wallS.max)} | ${f(r.cpuS)} | ${f(r.peakMb, 0)} | ${f(r.wallVsNode, 2)} | ${f(r.cpuVsNode, 2)} |`,
  ),
  '',
  '| target | measured | met |',
  '|---|--:|---|',
  ...targets.map(
    (t) => `| ${t.target} | ${f(t.value, 2)} | ${t.met === null ? '—' : t.met ? 'MET' : 'MISS'} |`,
  ),
  '',
].join('\n');
console.log(`\n${md}`);
if (values.write) {
  const dir = join(benchRoot, 'bench', 'startup', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${values.name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, `${values.name}.md`), md);
  console.log(`startup: wrote bench/startup/results/${values.name}.{json,md}`);
}
