// Compiles the AssemblyScript modules of src/core to WebAssembly:
//   - src/core/matching/wasm/blossom.ts   → blossom.wasm   (the matching engine's solver)
//   - src/core/scoring/wasm/pair-fits.ts  → pair-fits.wasm (the fit of every pair of a round)
//   node scripts/build-wasm.js           writes both .wasm files
//   node scripts/build-wasm.js --check   exits 1 when a committed .wasm differs from a fresh build
// The .wasm files are committed (docs/decisions/0009-matching-engine-in-webassembly.md, 0010); the
// unit test src/core/matching/wasm-build.test.ts runs --check, so they can never go stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const core = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'core');
export const MODULES = [
  {
    source: join(core, 'matching', 'wasm', 'blossom.ts'),
    target: join(core, 'matching', 'wasm', 'blossom.wasm'),
  },
  {
    source: join(core, 'scoring', 'wasm', 'pair-fits.ts'),
    target: join(core, 'scoring', 'wasm', 'pair-fits.wasm'),
  },
];

// -O3: speed; --runtime stub and no managed objects: no garbage collector (each module manages its
// linear memory itself); --noAssert and --use abort=: no assertion code and no imports at all.
export const ASC_ARGS = ['-O3', '--runtime', 'stub', '--noAssert', '--use', 'abort='];

/** Compiles one AssemblyScript source in memory and returns the module's bytes. */
export async function compileModule(source) {
  let bytes;
  const stderr = [];
  const { error } = await asc.main([source, ...ASC_ARGS, '--outFile', 'module.wasm'], {
    writeFile(name, contents) {
      if (name.endsWith('.wasm')) bytes = contents;
    },
    stdout: { write: () => true },
    stderr: {
      write: (s) => {
        stderr.push(String(s));
        return true;
      },
    },
  });
  if (error || bytes === undefined)
    throw new Error(`asc failed on ${source}: ${error?.message ?? ''}\n${stderr.join('')}`);
  return bytes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let stale = false;
  for (const { source, target } of MODULES) {
    const bytes = await compileModule(source);
    if (process.argv.includes('--check')) {
      const committed = readFileSync(target);
      if (!committed.equals(Buffer.from(bytes))) {
        console.error(`${target} is stale: run npm run build:wasm and commit the result`);
        stale = true;
      } else console.log(`${target} matches its source (${bytes.length} bytes)`);
    } else {
      writeFileSync(target, bytes);
      console.log(`wrote ${target} (${bytes.length} bytes)`);
    }
  }
  if (stale) process.exit(1);
}
