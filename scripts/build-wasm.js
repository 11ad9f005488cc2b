// Compiles the matching engine's AssemblyScript solver to WebAssembly:
//   node scripts/build-wasm.js           writes src/core/matching/wasm/blossom.wasm
//   node scripts/build-wasm.js --check   exits 1 when the committed .wasm differs from a fresh build
// The .wasm is committed (docs/decisions/0009-matching-engine-in-webassembly.md); the unit test
// src/core/matching/wasm-build.test.ts runs --check, so it can never go stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'core', 'matching', 'wasm');
const source = join(dir, 'blossom.ts');
const target = join(dir, 'blossom.wasm');

// -O3: speed; --runtime stub and no managed objects: no garbage collector (the solver manages its
// linear memory itself); --noAssert and --use abort=: no assertion code and no imports at all.
export const ASC_ARGS = ['-O3', '--runtime', 'stub', '--noAssert', '--use', 'abort='];

/** Compiles blossom.ts in memory and returns the module's bytes. */
export async function compileBlossom() {
  let bytes;
  const stderr = [];
  const { error } = await asc.main([source, ...ASC_ARGS, '--outFile', 'blossom.wasm'], {
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
    throw new Error(`asc failed: ${error?.message ?? ''}\n${stderr.join('')}`);
  return bytes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bytes = await compileBlossom();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(target);
    if (!committed.equals(Buffer.from(bytes))) {
      console.error(`${target} is stale: run npm run build:wasm and commit the result`);
      process.exit(1);
    }
    console.log(`${target} matches its source (${bytes.length} bytes)`);
  } else {
    writeFileSync(target, bytes);
    console.log(`wrote ${target} (${bytes.length} bytes)`);
  }
}
