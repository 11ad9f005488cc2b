import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../scripts/build.js';

/**
 * What each verb imports, observed in a real `iln` process (ADR 0011): `iln --help` must load the
 * dispatcher and nothing else, a tiny solve the matching engine and no package (zod only to
 * explain an invalid document), and a short database verb no web, auth, mail or i18n package. A module hook
 * (module.register) records every module the process loads. Run both ways `iln` runs: the
 * sources through tsx (ILN_FROM_SOURCE=1) and a build of them made here. Times are measured in
 * bench/startup, not here.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** tsx and the esbuild inside it: what running the sources costs, whatever the verb. */
const TSX_RUNTIME = new Set(['tsx', 'esbuild', 'get-tsconfig', 'resolve-pkg-maps']);
/** Packages that only the web application, sign-in, mail and the interface need. */
const WEB_PACKAGES = [
  'hono',
  '@hono/node-server',
  'better-auth',
  'nodemailer',
  'i18next',
  'htmx.org',
  'csv-parse',
  'csv-stringify',
];

let work: string;
let buildDir: string;
let dataDir: string;
let graphFile: string;
let badGraphFile: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'iln-startup-test-'));
  // A build of the real sources, inside the project so its imports find node_modules.
  mkdirSync(join(root, '.tmp'), { recursive: true });
  buildDir = mkdtempSync(join(root, '.tmp', 'startup-test-dist-'));
  await build({ root, distDir: buildDir });
  // The hook runs on the loader's thread; it appends each URL to the file named at registration.
  writeFileSync(
    join(work, 'hooks.mjs'),
    [
      "import { appendFileSync } from 'node:fs';",
      'let log;',
      'export function initialize(data) { log = data.log; }',
      'export async function load(url, context, next) {',
      "  if (!url.startsWith('node:')) appendFileSync(log, url + '\\n');",
      '  return next(url, context);',
      '}',
    ].join('\n'),
  );
  writeFileSync(
    join(work, 'record-modules.mjs'),
    [
      "import { register } from 'node:module';",
      "register(new URL('./hooks.mjs', import.meta.url), { data: { log: process.env.ILN_MODULE_LOG } });",
    ].join('\n'),
  );
  // What bin/iln.js does, with the build made above in place of dist/.
  writeFileSync(
    join(work, 'run-build.mjs'),
    [
      `import { loadCli } from ${JSON.stringify(join(root, 'bin', 'load-cli.js'))};`,
      'const [distDir, ...argv] = process.argv.slice(2);',
      `const { runCli, compiled } = await loadCli({ root: ${JSON.stringify(root)}, distDir });`,
      "if (!compiled) throw new Error('the test build is not fresh');",
      'process.exitCode = await runCli(argv);',
    ].join('\n'),
  );
  dataDir = join(work, 'data');
  graphFile = join(work, 'one-edge.json');
  writeFileSync(graphFile, JSON.stringify({ edges: [[0, 1, 1]] }));
  badGraphFile = join(work, 'negative-id.json');
  writeFileSync(badGraphFile, JSON.stringify({ edges: [[-1, 1, 1]] }));
}, 60_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(buildDir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Project modules, by their path under src/ without extension ("cli/main"). */
  project: string[];
  /** Packages from node_modules, tsx's own left out. */
  packages: string[];
}

let runs = 0;
const iln = (mode: 'source' | 'compiled', args: string[]): Run => {
  const log = join(work, `modules-${++runs}.log`);
  writeFileSync(log, '');
  // Only what the command needs: vitest's own variables (BASE_URL="/") are not configuration.
  const env: NodeJS.ProcessEnv = {
    ILN_MODULE_LOG: log,
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
  };
  if (mode === 'source') env.ILN_FROM_SOURCE = '1';
  const script =
    mode === 'source'
      ? [join(root, 'bin', 'iln.js'), ...args]
      : [join(work, 'run-build.mjs'), buildDir, ...args];
  const child = spawnSync(process.execPath, ['--import', join(work, 'record-modules.mjs'), ...script], {
    cwd: work,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const project = new Set<string>();
  const packages = new Set<string>();
  for (const url of readFileSync(log, 'utf8').split('\n')) {
    if (!url.startsWith('file:')) continue;
    const path = fileURLToPath(url.replace(/\?.*$/, ''));
    const inPackage =
      /[/\\]node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+)[/\\](?!.*[/\\]node_modules[/\\])/.exec(path);
    if (inPackage) {
      const name = inPackage[1]!.replace('\\', '/');
      if (!TSX_RUNTIME.has(name)) packages.add(name);
      continue;
    }
    const under = [join(root, 'src'), buildDir].find((dir) => path.startsWith(dir + sep));
    if (!under) continue; // bin/, the hooks, the driver
    let module = relative(under, path).split(sep).join('/');
    if (under === buildDir) module = module.slice(module.indexOf('/') + 1); // dist/<build>/...
    project.add(module.replace(/\.[cm]?[jt]sx?$/, ''));
  }
  return {
    status: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
    project: [...project].sort(),
    packages: [...packages].sort(),
  };
};

describe.each(['compiled', 'source'] as const)('what `iln` loads, run %s', (mode) => {
  test('`iln --help` loads the dispatcher and the list of verbs only', () => {
    const run = iln(mode, ['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: iln <command>/);
    expect(run.project).toEqual(['cli/command', 'cli/main', 'cli/verbs']);
    expect(run.packages).toEqual([]);
  });

  test('an unknown verb loads no verb', () => {
    const run = iln(mode, ['frobnicate']);
    expect(run.status).toBe(2);
    expect(run.project).toEqual(['cli/command', 'cli/main', 'cli/verbs']);
    expect(run.packages).toEqual([]);
  });

  test('`iln solve-matching` loads the matching engine and no package at all', () => {
    const run = iln(mode, ['solve-matching', graphFile]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ weight: 1, pairs: [[0, 1]], optimal: true });
    expect(run.packages).toEqual([]);
    const allowed = /^(cli\/(main|command|verbs|parse-args|solve-matching)|core\/matching\/[\w-]+)$/;
    expect(run.project.filter((module) => !allowed.test(module))).toEqual([]);
  });

  test('`iln solve-matching` imports zod to explain an invalid document', () => {
    const run = iln(mode, ['solve-matching', badGraphFile]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'solve-matching: invalid input at edges[0][0]: vertex ids must be non-negative\n',
    );
    expect(run.packages).toEqual(['zod']);
  });

  test('`iln migrate` loads the database code, not the web application, sign-in, mail or i18n', () => {
    const first = iln(mode, ['migrate']); // creates the database when it is not there
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const run = iln(mode, ['migrate']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('The database is already up to date.\n');
    expect(run.status).toBe(0);
    expect(run.packages.filter((name) => WEB_PACKAGES.includes(name))).toEqual([]);
    expect(run.packages).toEqual(expect.arrayContaining(['better-sqlite3', 'kysely']));
    expect(run.project.filter((module) => /^(web|auth|email|jobs|i18n|services)\//.test(module))).toEqual([]);
    expect(run.project).not.toContain('cli/serve');
  });
});
