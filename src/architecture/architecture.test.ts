import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * The layer rules fail on a wrong-way import (scripts/check-architecture.js over small trees built
 * here, shaped like src/): the same check `npm run lint` and CI run over the real tree.
 */
const script = join(import.meta.dirname, '../../scripts/check-architecture.js');
const trees: string[] = [];
afterAll(() => {
  for (const tree of trees) rmSync(tree, { recursive: true, force: true });
});

const check = (files: Record<string, string>) => {
  const tree = mkdtempSync(join(tmpdir(), 'iln-architecture-'));
  trees.push(tree);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
  const run = spawnSync(process.execPath, [script, tree], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
};

const layered = {
  'src/core/rounds/round.ts': 'export const ROUND = 1;\n',
  'src/services/rounds/create-round.ts':
    "import { ROUND } from '../../core/rounds/round';\nexport const create = () => ROUND;\n",
  'src/db/repositories/rounds.ts':
    "import { create } from '../../services/rounds/create-round';\nexport const repo = create;\n",
  'src/web/routes/rounds.ts':
    "import { create } from '../../services/rounds/create-round';\nexport const route = create;\n",
};

describe('the architecture check', () => {
  test('passes a tree whose imports point inward', { timeout: 60_000 }, () => {
    const { status, output } = check(layered);
    expect(output).toContain('no rule broken, no folder cycle');
    expect(status).toBe(0);
  });

  test('fails when core imports db, or web imports db', { timeout: 60_000 }, () => {
    const { status, output } = check({
      ...layered,
      'src/core/rounds/round.ts':
        "import { repo } from '../../db/repositories/rounds';\nexport const ROUND = repo;\n",
      'src/web/routes/rounds.ts':
        "import { repo } from '../../db/repositories/rounds';\nexport const route = repo;\n",
    });
    expect(status).toBe(1);
    expect(output).toContain('core-is-pure: src/core/rounds/round.ts → src/db/repositories/rounds.ts');
    expect(output).toContain(
      'adapters-never-touch-db: src/web/routes/rounds.ts → src/db/repositories/rounds.ts',
    );
  });

  test('fails when two feature folders import each other', { timeout: 60_000 }, () => {
    const { status, output } = check({
      'src/services/review/a.ts': "import { b } from '../rounds/b';\nexport const a = () => b;\n",
      'src/services/rounds/b.ts': "import { c } from '../review/c';\nexport const b = c;\n",
      'src/services/review/c.ts': 'export const c = 1;\n',
    });
    expect(status).toBe(1);
    expect(output).toContain('folder-cycle: src/services/review ⇄ src/services/rounds');
  });
});
