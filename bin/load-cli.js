// How bin/iln.js finds the code to run (ADR 0011): the compiled copy of the sources in dist/ when
// it is up to date with them, else the sources through tsx. No dependencies are imported until
// one is needed: this runs at every start of `iln` and must cost a few milliseconds.
//
// dist/manifest.json (written last by scripts/build.js) names the build directory
// (dist/<build>/, the compiled src/ tree) and every file the build read (the sources `iln` can
// reach, tsconfig.json and the build scripts) with its size, modification time and SHA-256. The
// build is fresh while each of those files is still there with the same size and either the same
// modification time or, when only the time differs (a checkout or a `touch` that rewrote the same
// bytes), the same SHA-256. Files that no recorded file imports cannot change what runs.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Bumped whenever the manifest's shape or the layout of dist/ changes. */
export const MANIFEST_FORMAT = 1;

/** dist/ of the project at `root`. */
export const distDirOf = (root) => join(root, 'dist');

/**
 * @param {string} root the project's directory
 * @param {string} [distDir]
 * @returns {Promise<{ fresh: true, build: string, entry: string } | { fresh: false, reason: string }>}
 *   `entry` is the compiled src/cli/main.ts; `reason` says in a few words why there is no usable build.
 */
export async function checkBuild(root, distDir = distDirOf(root)) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8'));
  } catch {
    return { fresh: false, reason: 'the sources have not been compiled' };
  }
  if (manifest?.format !== MANIFEST_FORMAT || typeof manifest.build !== 'string' || !manifest.inputs) {
    return { fresh: false, reason: 'dist/ was made by another version of scripts/build.js' };
  }
  let createHash;
  for (const [path, recorded] of Object.entries(manifest.inputs)) {
    const file = join(root, path);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return { fresh: false, reason: `${path} is gone since the last build` };
    if (stat.size === recorded.size && stat.mtimeMs === recorded.mtimeMs) continue;
    if (stat.size === recorded.size) {
      createHash ??= (await import('node:crypto')).createHash;
      if (createHash('sha256').update(readFileSync(file)).digest('hex') === recorded.sha256) continue;
    }
    return { fresh: false, reason: `${path} has changed since the last build` };
  }
  const entry = join(distDir, manifest.build, 'cli', 'main.js');
  if (!statSync(entry, { throwIfNoEntry: false })) {
    return { fresh: false, reason: `dist/${manifest.build} is missing` };
  }
  return { fresh: true, build: manifest.build, entry };
}

/**
 * Imports src/cli/main.ts: compiled when `checkBuild` finds it fresh, else the source through tsx
 * with the project's tsconfig (so JSX compiles the same from any working directory). `fromSource`
 * skips the check. (The build has source maps; `serve` turns them on, src/cli/verbs.ts.)
 * @param {{ root: string, distDir?: string, fromSource?: boolean, onSource?: (reason: string) => void }} options
 * @returns {Promise<{ runCli: (argv: string[]) => Promise<number>, compiled: boolean }>}
 */
export async function loadCli({ root, distDir = distDirOf(root), fromSource = false, onSource = () => {} }) {
  const build = fromSource ? { fresh: false, reason: null } : await checkBuild(root, distDir);
  if (build.fresh) {
    const { runCli } = await import(pathToFileURL(build.entry).href);
    return { runCli, compiled: true };
  }
  if (build.reason) onSource(build.reason);
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: join(root, 'tsconfig.json') });
  const { runCli } = await import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
  return { runCli, compiled: false };
}
