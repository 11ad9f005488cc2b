import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { checkBuild } from '../../bin/load-cli.js';
import { build } from '../../scripts/build.js';

/**
 * scripts/build.js and bin/load-cli.js (ADR 0011) on a small project laid out like this one: the
 * real bin/iln.js, bin/load-cli.js, scripts/build.js and tsconfig.json copied beside a src/cli
 * of a few files. It lives under .tmp/ of this project so that tsx is found in node_modules.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let project: string;

const MAIN = `import { greeting } from './greeting';
import { readFileSync } from 'node:fs';
import type { Options } from '../lib/index';

// import.meta.url must name this file, wherever the compiled copy is.
const note = readFileSync(new URL('./note.txt', import.meta.url), 'utf8').trim();
const options: Options = { exitCode: 3 };

export const runCli = async (argv: string[]): Promise<number> => {
  const { shout } = await import('../lib/index');
  process.stdout.write(JSON.stringify({
    greeting: shout(greeting),
    note,
    argv,
  }));
  return options.exitCode;
};
`;

const write = (path: string, text: string): void => {
  mkdirSync(dirname(join(project, path)), { recursive: true });
  writeFileSync(join(project, path), text);
};
const read = (path: string): string => readFileSync(join(project, path), 'utf8');

/** Builds, then marks the build's greeting, so output says which copy ran ("COMPILED!"). */
const buildAndMark = async (): Promise<string> => {
  const { build: id } = await build({ root: project });
  const greeting = `dist/${id}/cli/greeting.js`;
  write(greeting, read(greeting).replace('"hello"', '"compiled"'));
  return id;
};

/** Runs the project's bin/iln.js; returns what its runCli printed. */
const iln = (...argv: string[]) => {
  const child = spawnSync(process.execPath, [join(project, 'bin', 'iln.js'), ...argv], {
    encoding: 'utf8',
    env: {}, // nothing of vitest's
    timeout: 30_000,
  });
  expect(child.stderr).toBe('');
  return { status: child.status, output: JSON.parse(child.stdout) as Record<string, unknown> };
};

const runBuildScript = (...args: string[]) =>
  spawnSync(process.execPath, [join(project, 'scripts', 'build.js'), ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });

beforeAll(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  project = mkdtempSync(join(root, '.tmp', 'build-test-'));
  for (const file of ['bin/iln.js', 'bin/load-cli.js', 'scripts/build.js', 'tsconfig.json']) {
    mkdirSync(dirname(join(project, file)), { recursive: true });
    copyFileSync(join(root, file), join(project, file));
  }
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

beforeEach(() => {
  rmSync(join(project, 'dist'), { recursive: true, force: true });
  rmSync(join(project, 'src'), { recursive: true, force: true });
  write('src/cli/main.ts', MAIN);
  write('src/cli/greeting.ts', "export const greeting = 'hello';\n");
  write('src/cli/note.txt', 'read beside the source\n');
  write(
    'src/lib/index.ts',
    'export interface Options { exitCode: number }\nexport const shout = (text: string): string => text.toUpperCase() + "!";\n',
  );
});

describe('scripts/build.js', () => {
  test('compiles each reachable source to its own file, imports renamed, import.meta.url kept', async () => {
    write('src/unused.ts', 'export const unused = 1;\n');
    const { build: id, files } = await build({ root: project });
    expect(files).toBe(3);
    expect(readdirSync(join(project, 'dist', id, 'cli')).sort()).toEqual([
      'greeting.js',
      'greeting.js.map',
      'main.js',
      'main.js.map',
    ]);
    expect(existsSync(join(project, 'dist', id, 'unused.js'))).toBe(false);
    const main = read(`dist/${id}/cli/main.js`);
    expect(main).toContain('from "./greeting.js"');
    expect(main).toContain('import("../lib/index.js")');
    expect(main).not.toContain('shout = '); // the library stays in its own file
    const manifest = JSON.parse(read('dist/manifest.json'));
    expect(manifest.build).toBe(id);
    expect(Object.keys(manifest.inputs).sort()).toEqual([
      'bin/load-cli.js',
      'scripts/build.js',
      'src/cli/greeting.ts',
      'src/cli/main.ts',
      'src/lib/index.ts',
      'tsconfig.json',
    ]);
    const greeting = `dist/${id}/cli/greeting.js`;
    write(greeting, read(greeting).replace('"hello"', '"compiled"'));
    expect(iln('a', '--b')).toEqual({
      status: 3,
      output: { greeting: 'COMPILED!', note: 'read beside the source', argv: ['a', '--b'] },
    });
  });

  test('a new build replaces the manifest last and keeps the previous build, not older ones', async () => {
    const first = (await build({ root: project })).build;
    const second = (await build({ root: project })).build;
    expect(readdirSync(join(project, 'dist')).sort()).toEqual([first, second, 'manifest.json'].sort());
    const third = (await build({ root: project })).build;
    expect(readdirSync(join(project, 'dist')).sort()).toEqual([second, third, 'manifest.json'].sort());
    expect(JSON.parse(read('dist/manifest.json')).build).toBe(third);
  });

  test('a failed build leaves the last good one named in the manifest, and exits 1', async () => {
    const good = (await build({ root: project })).build;
    write('src/cli/greeting.ts', 'export const greeting = ;\n');
    const failed = runBuildScript();
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^build: Build failed[\s\S]*src\/cli\/greeting\.ts:1:\d+: ERROR/);
    expect(JSON.parse(read('dist/manifest.json')).build).toBe(good);
    expect(await checkBuild(project)).toEqual({
      fresh: false,
      reason: 'src/cli/greeting.ts has changed since the last build',
    });
  });

  test('--if-stale builds only when the build is missing or stale, and never fails', async () => {
    const made = runBuildScript('--if-stale');
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/^Compiled 3 source files to dist\/\w+\/ in [\d.]+ s\.$/m);
    const id = JSON.parse(read('dist/manifest.json')).build;
    expect(runBuildScript('--if-stale')).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(JSON.parse(read('dist/manifest.json')).build).toBe(id);
    write('src/cli/greeting.ts', 'export const greeting = ;\n');
    const failed = runBuildScript('--if-stale');
    expect(failed.status).toBe(0);
    expect(failed.stderr).toContain('iln will run the sources through tsx instead');
  });
});

describe('bin/iln.js and bin/load-cli.js', () => {
  test('without a build, the sources run through tsx', async () => {
    expect(await checkBuild(project)).toEqual({ fresh: false, reason: 'the sources have not been compiled' });
    expect(iln('x')).toEqual({
      status: 3,
      output: { greeting: 'HELLO!', note: 'read beside the source', argv: ['x'] },
    });
  });

  test('a changed source is never run from the old build', async () => {
    await buildAndMark();
    expect((await checkBuild(project)).fresh).toBe(true);
    expect(iln().output).toMatchObject({ greeting: 'COMPILED!' });
    write('src/lib/index.ts', read('src/lib/index.ts').replace('!', '?'));
    expect(await checkBuild(project)).toEqual({
      fresh: false,
      reason: 'src/lib/index.ts has changed since the last build',
    });
    expect(iln().output).toMatchObject({ greeting: 'HELLO?' });
  });

  test('the same bytes with a new modification time are still fresh; other bytes of the same size are not', async () => {
    await buildAndMark();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(project, 'src/cli/greeting.ts'), later, later);
    expect((await checkBuild(project)).fresh).toBe(true);
    expect(iln().output).toMatchObject({ greeting: 'COMPILED!' });
    write('src/cli/greeting.ts', read('src/cli/greeting.ts').replace('hello', 'howdy'));
    expect(await checkBuild(project)).toMatchObject({ fresh: false });
    expect(iln().output).toMatchObject({ greeting: 'HOWDY!' });
  });

  test('a deleted source, a changed tsconfig.json or build script, an old manifest or a missing build make it stale', async () => {
    await build({ root: project });
    rmSync(join(project, 'src/cli/greeting.ts'));
    expect(await checkBuild(project)).toEqual({
      fresh: false,
      reason: 'src/cli/greeting.ts is gone since the last build',
    });
    write('src/cli/greeting.ts', "export const greeting = 'hello';\n");
    await build({ root: project });
    write('tsconfig.json', `${read('tsconfig.json')}\n`);
    expect(await checkBuild(project)).toMatchObject({
      reason: 'tsconfig.json has changed since the last build',
    });
    await build({ root: project });
    write('scripts/build.js', `${read('scripts/build.js')}\n`);
    expect(await checkBuild(project)).toMatchObject({
      reason: 'scripts/build.js has changed since the last build',
    });
    await build({ root: project });
    write('dist/manifest.json', JSON.stringify({ ...JSON.parse(read('dist/manifest.json')), format: 0 }));
    expect(await checkBuild(project)).toMatchObject({
      fresh: false,
      reason: expect.stringContaining('another version'),
    });
    const { build: id } = await build({ root: project });
    rmSync(join(project, 'dist', id), { recursive: true });
    expect(await checkBuild(project)).toEqual({ fresh: false, reason: `dist/${id} is missing` });
    expect(iln().output).toMatchObject({ greeting: 'HELLO!' });
  });

  test('a file that nothing imports does not make the build stale', async () => {
    await buildAndMark();
    write('src/cli/new-verb.ts', 'export const x = 1;\n');
    expect((await checkBuild(project)).fresh).toBe(true);
    expect(iln().output).toMatchObject({ greeting: 'COMPILED!' });
  });

  test("a worker thread's entry is compiled, and a compiled module starts the compiled copy", async () => {
    // The shape of src/workers/match-engine.ts: nothing imports the thread's module; it is started
    // by URL, found through import.meta.compiledUrl when compiled and from the source otherwise.
    write('src/workers/echo-thread.ts', THREAD);
    write('src/workers/start-echo.ts', START_ECHO);
    write(
      'src/cli/main.ts',
      `import { startEcho } from '../workers/start-echo';
export const runCli = async (): Promise<number> => {
  process.stdout.write(JSON.stringify({ thread: await startEcho() }));
  return 0;
};
`,
    );
    const { build: id } = await build({ root: project });
    const compiledThread = `dist/${id}/workers/echo-thread.js`;
    write(compiledThread, read(compiledThread).replace('"source"', '"compiled"')); // which copy ran
    expect(iln().output).toEqual({ thread: 'compiled' });
    rmSync(join(project, 'dist'), { recursive: true, force: true });
    expect(iln().output).toEqual({ thread: 'source' });
  });
});

const THREAD = `import { parentPort } from 'node:worker_threads';
parentPort?.postMessage('source');
`;

const START_ECHO = `import { Worker } from 'node:worker_threads';
export const startEcho = (): Promise<string> => {
  const entry = import.meta.compiledUrl
    ? new URL('./echo-thread.js', import.meta.compiledUrl)
    : new URL('./echo-thread.ts', import.meta.url);
  // A thread does not inherit tsx: from the sources, register it first (src/workers/thread-boot.mjs).
  const boot = entry.href.endsWith('.ts')
    ? "await (await import('tsx/esm/api')).register(); await import(process.env.ILN_THREAD);"
    : "await import(process.env.ILN_THREAD);";
  const thread = new Worker(boot, { eval: true, env: { ...process.env, ILN_THREAD: entry.href } });
  return new Promise((resolve) => thread.once('message', (kind: string) => { void thread.terminate(); resolve(kind); }));
};
`;
