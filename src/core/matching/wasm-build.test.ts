import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The solver's .wasm is committed (docs/decisions/0009-matching-engine-in-webassembly.md): it must
// be exactly what its AssemblyScript source compiles to, so that it can never go stale.
describe('wasm/blossom.wasm', () => {
  it('is byte-for-byte what `npm run build:wasm` builds from wasm/blossom.ts', () => {
    const script = join(import.meta.dirname, '..', '..', '..', 'scripts', 'build-wasm.js');
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);
});
