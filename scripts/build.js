#!/usr/bin/env node
// `npm run build`: compiles the sources that `iln` can reach to plain JavaScript in dist/, so the
// command starts without registering tsx (ADR 0011). `npm install` and `npm ci` run it (the
// `prepare` script); `npm start` runs it with --if-stale first. bin/iln.js runs dist/ only while
// bin/load-cli.js finds it up to date with the sources, and the sources through tsx
// otherwise: a build that is missing, stale or failed costs start-up time, never correctness.
//
// One output file per source file, in the same tree (dist/<build>/cli/main.js for
// src/cli/main.ts), its relative imports renamed to the compiled files (`./command` becomes
// `./command.js`) and packages left as imports of node_modules: the modules Node loads, and the
// order it runs them in, are the same as under tsx. `import.meta.url` is rewritten to the source
// file's URL so files read beside the sources (public/, locales, the matching engine's .wasm)
// are found as before. Each build goes to a new directory, and dist/manifest.json is replaced
// last, so a process starting meanwhile sees the old build or the new one, never half of one.
//
//   node scripts/build.js             compile now
//   node scripts/build.js --if-stale  compile only when dist/ is missing or stale; a failure is
//                                     reported but exits 0 (bin/iln.js then runs the sources)
import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBuild, distDirOf, MANIFEST_FORMAT } from '../bin/load-cli.js';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Besides the sources, files whose change makes a build stale. */
const BUILD_INPUTS = ['tsconfig.json', 'scripts/build.js', 'bin/load-cli.js'];
const ENTRY = 'src/cli/main.ts';
/**
 * Worker threads' entry modules: started by URL (new Worker), so no import reaches them; each is
 * compiled too, and a compiled module finds its thread's compiled entry through
 * `import.meta.compiledUrl` (defined below; see src/workers/match-engine.ts).
 */
const THREAD_ENTRIES = /^src\/workers\/[^/]+-thread\.ts$/;
/** Builds left by a crashed or concurrent run are removed once they are this old. */
const ABANDONED_MS = 10 * 60_000;

const LOADERS = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.json': 'json',
};
const SOURCE = /\.(?:[mc]?ts|tsx)$/;

/** esbuild comes with tsx (ADR 0001); resolved from tsx's own folder, wherever npm put it. */
const loadEsbuild = () => {
  const require = createRequire(import.meta.url);
  return createRequire(require.resolve('tsx/package.json'))('esbuild');
};

const posix = (path) => path.split(sep).join('/');
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const dotted = (path) => (path.startsWith('.') ? path : `./${path}`);

/**
 * Compiles and publishes a new build of `root`'s sources in `distDir`.
 * @returns {Promise<{ build: string, files: number, seconds: number }>}
 */
export async function build({ root = projectRoot, distDir = distDirOf(root) } = {}) {
  const started = performance.now();
  const startedAt = Date.now();
  const esbuild = loadEsbuild();
  const srcDir = join(root, 'src');
  const common = {
    absWorkingDir: root,
    tsconfig: join(root, 'tsconfig.json'),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    bundle: true,
    logLevel: 'silent',
  };

  // 1. Which sources can `iln` and its threads reach (the verbs' dynamic imports included)?
  const graph = await esbuild.build({
    ...common,
    entryPoints: [
      join(root, ENTRY),
      ...(existsSync(join(root, 'src', 'workers')) ? readdirSync(join(root, 'src', 'workers')) : [])
        .map((name) => `src/workers/${name}`)
        .filter((path) => THREAD_ENTRIES.test(path))
        .map((path) => join(root, path)),
    ],
    write: false,
    outdir: join(distDir, 'graph'), // required with several entries; nothing is written
    metafile: true,
  });
  const entries = new Set(
    Object.keys(graph.metafile.inputs)
      .map((path) => join(root, path))
      .filter((path) => SOURCE.test(path)),
  );
  for (const path of entries) {
    if (!path.startsWith(srcDir + sep)) throw new Error(`${posix(relative(root, path))} is outside src/`);
  }

  // 2. Compile each of them to its own file.
  const id = `b${Date.now().toString(36)}${process.pid.toString(36)}`;
  const finalDir = join(distDir, id);
  const stagingDir = join(distDir, `${id}.partial`);
  const outputOf = (source) => join(finalDir, relative(srcDir, source)).replace(SOURCE, '.js');
  const inputs = {};
  const record = (path) => {
    // Stat before reading: a change made after the read then shows as a changed mtime.
    const stat = statSync(path);
    const bytes = readFileSync(path);
    inputs[posix(relative(root, path))] = { size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha256(bytes) };
    return bytes;
  };
  const oneFilePerSource = {
    name: 'iln-one-file-per-source',
    setup(context) {
      context.onResolve({ filter: /^\.\.?(?:\/|$)/ }, async (args) => {
        if (args.pluginData?.resolving) return undefined;
        const resolved = await context.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { resolving: true },
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        if (!SOURCE.test(resolved.path)) return { path: resolved.path }; // JSON and the like: inlined
        if (!entries.has(resolved.path)) {
          return { errors: [{ text: `${args.path} appeared while the build ran; run it again` }] };
        }
        const spec = posix(relative(dirname(outputOf(args.importer)), outputOf(resolved.path)));
        return { path: dotted(spec), external: true };
      });
      context.onLoad({ filter: /.*/ }, (args) => {
        if (!args.path.startsWith(srcDir + sep)) return undefined;
        const extension = args.path.slice(args.path.lastIndexOf('.'));
        const loader = LOADERS[extension];
        if (!loader) return undefined;
        let contents = record(args.path).toString('utf8');
        if (SOURCE.test(args.path) && contents.includes('import.meta.url')) {
          const source = dotted(posix(relative(dirname(outputOf(args.path)), args.path)));
          contents = contents.replaceAll(
            'import.meta.url',
            `new URL(${JSON.stringify(source)}, import.meta.url).href`,
          );
        }
        return { contents, loader };
      });
    },
  };
  await esbuild.build({
    ...common,
    entryPoints: [...entries],
    outbase: srcDir,
    outdir: stagingDir,
    plugins: [oneFilePerSource],
    // The compiled file's own URL, which the `import.meta.url` rewrite above hides: replaced after
    // that rewrite, so it stays the dist/ copy's. Under tsx it is undefined.
    define: { 'import.meta.compiledUrl': 'import.meta.url' },
    // `iln serve` turns source maps on (src/cli/verbs.ts): its logged stack traces name the .ts
    // files and lines; NODE_OPTIONS=--enable-source-maps does it for any verb.
    sourcemap: 'linked',
  });
  for (const path of BUILD_INPUTS) record(join(root, path));

  // 3. Publish: the directory first, then the manifest that names it.
  renameSync(stagingDir, finalDir);
  const manifestPath = join(distDir, 'manifest.json');
  const previous = readPreviousBuild(manifestPath);
  const manifest = { format: MANIFEST_FORMAT, build: id, esbuild: esbuild.version, entry: ENTRY, inputs };
  const temporary = `${manifestPath}.${id}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(manifest, null, 1)}\n`);
  renameSync(temporary, manifestPath);

  // 4. Remove older builds; the previous one stays for processes that started from it, and so
  // does anything written since this build began (another build running at the same time).
  // Unfinished ones are left until they are clearly abandoned.
  for (const entry of readdirSync(distDir, { withFileTypes: true })) {
    const name = entry.name;
    if (name === 'manifest.json' || name === id || name === previous) continue;
    const modified = statSync(join(distDir, name)).mtimeMs;
    if (modified >= startedAt) continue;
    const unfinished = name.endsWith('.partial') || name.endsWith('.tmp');
    if (unfinished && Date.now() - modified < ABANDONED_MS) continue;
    rmSync(join(distDir, name), { recursive: true, force: true });
  }
  return { build: id, files: entries.size, seconds: (performance.now() - started) / 1000 };
}

const readPreviousBuild = (manifestPath) => {
  try {
    return JSON.parse(readFileSync(manifestPath, 'utf8')).build;
  } catch {
    return undefined;
  }
};

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1]);
if (isMain) {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--if-stale');
  if (unknown.length > 0) {
    console.error(`build: unknown argument ${unknown[0]}\nUsage: node scripts/build.js [--if-stale]`);
    process.exit(2);
  }
  const ifStale = args.includes('--if-stale');
  if (ifStale && (await checkBuild(projectRoot)).fresh) process.exit(0);
  try {
    const { build: id, files, seconds } = await build();
    console.log(`Compiled ${files} source files to dist/${id}/ in ${seconds.toFixed(2)} s.`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`build: ${message}`);
    if (ifStale) {
      console.error('build: iln will run the sources through tsx instead (a slower start).');
    } else {
      process.exit(1);
    }
  }
}
