#!/usr/bin/env node
// Benchmark dispatcher: `node bench/run.js [NAME] [options]` (or `npm run bench -- NAME [options]`)
// runs bench/NAME/run.ts (through tsx) or bench/NAME/run.js in a child process and passes the
// options on. Without NAME it runs every benchmark in turn. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));

function entryOf(name) {
  for (const file of ['run.ts', 'run.js']) {
    const path = join(benchDir, name, file);
    if (existsSync(path)) return path;
  }
  return null;
}

const available = readdirSync(benchDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('.') && entryOf(d.name))
  .map((d) => d.name)
  .sort();

const args = process.argv.slice(2);
if (args[0] === '--help' || args[0] === '-h') {
  console.log(`Usage: node bench/run.js [NAME] [options]\nBenchmarks: ${available.join(', ')}\n`);
  console.log('Options are passed to the benchmark; `node bench/run.js NAME --help` lists them.');
  process.exit(0);
}
const named = args[0] !== undefined && !args[0].startsWith('-');
const names = named ? [args[0]] : available;
const rest = named ? args.slice(1) : args;

let status = 0;
for (const name of names) {
  const entry = entryOf(name);
  if (!entry) {
    console.error(`bench: no benchmark "${name}"; available: ${available.join(', ') || 'none'}`);
    process.exit(2);
  }
  const nodeArgs = entry.endsWith('.ts') ? ['--import', 'tsx', entry, ...rest] : [entry, ...rest];
  const result = spawnSync(process.execPath, nodeArgs, { stdio: 'inherit' });
  const code = result.status ?? 1;
  if (code !== 0) {
    console.error(`bench: ${name} exited with ${result.signal ?? code}`);
    status = status || code;
  }
}
process.exit(status);
