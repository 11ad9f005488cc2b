#!/usr/bin/env node
// The layer rules of src/ (docs/decisions/0012-layers-and-rules.md), checked: dependency-cruiser
// applies .dependency-cruiser.cjs (directions between layers, no circular imports), and this
// script adds what it cannot say in a rule: no two folders import each other, directly or
// around a longer loop. Exits 1 listing every problem. `npm run lint` and `.ci/run` call it.
//
//   node scripts/check-architecture.js [DIR]   (DIR: the project to check, default this one)
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const project = resolve(process.argv[2] ?? root);
const cruise = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
    'src',
    '--config',
    join(root, '.dependency-cruiser.cjs'),
    '--output-type',
    'json',
  ],
  { cwd: project, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
if (cruise.status !== 0 && !cruise.stdout) {
  console.error(cruise.stderr || 'dependency-cruiser failed to run');
  process.exit(2);
}
const result = JSON.parse(cruise.stdout);
const problems = result.summary.violations.map(
  (violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`,
);

// Folder graph: an edge from each module's folder to each folder it imports from. A folder and the
// folders inside it (src/db and src/db/repositories/rounds) are one unit, not peers: their imports
// of each other are left out; cycles between peers (layers, features) are what is refused.
const folderOf = (path) => dirname(path);
const isWithin = (inner, outer) => inner.startsWith(`${outer}/`);
const edges = new Map();
for (const module of result.modules) {
  if (!module.source.startsWith('src/')) continue;
  for (const dependency of module.dependencies) {
    if (!dependency.resolved.startsWith('src/')) continue;
    const from = folderOf(module.source);
    const to = folderOf(dependency.resolved);
    if (from === to || isWithin(from, to) || isWithin(to, from)) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from).add(to);
  }
}
// Tarjan's strongly connected components: every component of more than one folder is a cycle.
let index = 0;
const indexOf = new Map();
const lowOf = new Map();
const stack = [];
const onStack = new Set();
const visit = (folder) => {
  indexOf.set(folder, index);
  lowOf.set(folder, index);
  index++;
  stack.push(folder);
  onStack.add(folder);
  for (const next of edges.get(folder) ?? []) {
    if (!indexOf.has(next)) {
      visit(next);
      lowOf.set(folder, Math.min(lowOf.get(folder), lowOf.get(next)));
    } else if (onStack.has(next)) {
      lowOf.set(folder, Math.min(lowOf.get(folder), indexOf.get(next)));
    }
  }
  if (lowOf.get(folder) === indexOf.get(folder)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== folder);
    if (component.length > 1) problems.push(`folder-cycle: ${component.sort().join(' ⇄ ')}`);
  }
};
for (const folder of edges.keys()) if (!indexOf.has(folder)) visit(folder);

if (problems.length > 0) {
  console.error(`The architecture rules are broken in ${problems.length} place(s):`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(
  `Architecture: ${result.summary.totalCruised} modules, ${result.summary.totalDependenciesCruised} imports, no rule broken, no folder cycle.`,
);
