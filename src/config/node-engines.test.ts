import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { expect, test } from 'vitest';

// The package says which Node versions it runs on (`engines`); every package it runs with must
// say the same or more. A dependency updated to a release that needs a newer Node (sanitize-html
// 2.17.6 and later need 22.12) would still pass the suite on this machine's Node 20 while
// telling npm users it is unsupported, so the check is on the declarations themselves.

const root = join(import.meta.dirname, '..', '..');
const ownRange = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }
).engines.node;

/** Every package in node_modules (nested ones too) whose own `engines.node` excludes `version`. */
const packagesExcluding = (version: string): string[] => {
  const excluding: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (name.startsWith('@')) {
        walk(path);
        continue;
      }
      const manifest = join(path, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name: string;
        version: string;
        engines?: { node?: string };
      };
      const range = pkg.engines?.node;
      if (range && semver.validRange(range) && !semver.satisfies(version, range)) {
        excluding.push(`${pkg.name}@${pkg.version} needs Node ${range}`);
      }
      if (existsSync(join(path, 'node_modules'))) walk(join(path, 'node_modules'));
    }
  };
  walk(join(root, 'node_modules'));
  return excluding;
};

test('every installed package runs on the oldest Node the package promises', () => {
  const oldest = semver.minVersion(ownRange);
  expect(oldest?.version).toBe('20.19.0');
  expect(packagesExcluding(oldest!.version)).toEqual([]);
});

test('the check finds a package that needs a newer Node', () => {
  expect(packagesExcluding('0.10.0').length).toBeGreaterThan(0);
});
