import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from './command';
import { isValidInput, loadInputSchema, solveMatchingCommand } from './solve-matching';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function runVerb(args: string[], stdin = ''): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await solveMatchingCommand.run(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => stdin,
  });
  return { code, stdout, stderr };
}

interface Output {
  weight: number;
  pairs: [number, number][];
  optimal: boolean;
  seconds: number;
}

function output(captured: Captured): Output {
  expect(captured.stderr).toBe('');
  expect(captured.code).toBe(0);
  expect(captured.stdout.endsWith('\n')).toBe(true);
  expect(captured.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(captured.stdout) as Output;
}

/** A bad-input run: exit 2, nothing on stdout, exactly one line on stderr and no stack trace. */
function expectInputError(captured: Captured, pattern: RegExp): void {
  expect(captured.code).toBe(2);
  expect(captured.stdout).toBe('');
  expect(captured.stderr.endsWith('\n')).toBe(true);
  const lines = captured.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^solve-matching: /);
  expect(lines[0]).not.toMatch(/\bat .*:\d+:\d+/);
  expect(lines[0]).toMatch(pattern);
}

const json = (value: unknown): string => JSON.stringify(value);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'iln-solve-matching-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('iln solve-matching', () => {
  it('declares its name, summary and usage', () => {
    expect(solveMatchingCommand.name).toBe('solve-matching');
    expect(solveMatchingCommand.summary.length).toBeGreaterThan(0);
    expect(solveMatchingCommand.usage).toContain('solve-matching [FILE|-]');
  });

  it('solves a path from standard input with "-"', async () => {
    // Path 0-1-2-3: the outer edges (5 + 5) beat the middle one (8).
    const result = output(
      await runVerb(
        ['-'],
        json({
          edges: [
            [0, 1, 5],
            [1, 2, 8],
            [2, 3, 5],
          ],
        }),
      ),
    );
    expect(result.weight).toBe(10);
    expect(result.pairs).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(result.optimal).toBe(true);
    expect(typeof result.seconds).toBe('number');
    expect(result.seconds).toBeGreaterThanOrEqual(0);
  });

  it('reads standard input when no FILE is given', async () => {
    const result = output(await runVerb([], json({ edges: [[3, 7, 2.5]] })));
    expect(result).toMatchObject({ weight: 2.5, pairs: [[3, 7]], optimal: true });
  });

  it('reads a file, keeps the original (sparse) vertex ids and orders each pair', async () => {
    const file = join(dir, 'graph.json');
    await writeFile(
      file,
      json({
        edges: [
          [1_000_000, 5, 4],
          [5, 42, 9],
          [42, 7, 4],
        ],
        maxCardinality: false,
      }),
    );
    const result = output(await runVerb([file]));
    expect(result).toMatchObject({ weight: 9, pairs: [[5, 42]], optimal: true });
  });

  it('honours maxCardinality', async () => {
    const edges = [
      [0, 1, 5],
      [1, 2, 8],
      [2, 3, 2],
    ];
    expect(output(await runVerb(['-'], json({ edges }))).weight).toBe(8);
    const result = output(await runVerb(['-'], json({ edges, maxCardinality: true })));
    expect(result.weight).toBe(7);
    expect(result.pairs).toHaveLength(2);
  });

  it('finds the optimum through a blossom', async () => {
    // NetworkX test_s_blossom: the odd cycle 1-2-3 must be shrunk to find 1-2 + 3-4.
    const result = output(
      await runVerb(
        ['-'],
        json({
          edges: [
            [1, 2, 8],
            [1, 3, 9],
            [2, 3, 10],
            [3, 4, 7],
          ],
        }),
      ),
    );
    expect(result.weight).toBe(15);
    expect(result.pairs).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(result.optimal).toBe(true);
  });

  it('accepts an empty graph', async () => {
    expect(output(await runVerb(['-'], json({ edges: [] })))).toMatchObject({
      weight: 0,
      pairs: [],
      optimal: true,
    });
  });

  it('rejects malformed JSON', async () => {
    expectInputError(await runVerb(['-'], '{"edges": [[0, 1, 2]'), /malformed JSON in standard input/);
    expectInputError(await runVerb(['-'], ''), /malformed JSON/);
  });

  it('rejects a missing file', async () => {
    expectInputError(await runVerb([join(dir, 'nope.json')]), /cannot read .*nope\.json: no such file/);
  });

  it('rejects a document without edges', async () => {
    expectInputError(await runVerb(['-'], json({ maxCardinality: true })), /at edges:/);
    expectInputError(await runVerb(['-'], json([[0, 1, 2]])), /invalid input at \(top level\)/);
  });

  it('rejects non-integer and negative vertex ids', async () => {
    expectInputError(await runVerb(['-'], json({ edges: [[0.5, 1, 2]] })), /edges\[0\]\[0\].*integer/);
    expectInputError(
      await runVerb(
        ['-'],
        json({
          edges: [
            [0, 1, 2],
            [2, -3, 2],
          ],
        }),
      ),
      /edges\[1\]\[1\].*non-negative/,
    );
    expectInputError(await runVerb(['-'], json({ edges: [['0', 1, 2]] })), /edges\[0\]\[0\]/);
  });

  it('rejects weights that are not finite numbers', async () => {
    expectInputError(await runVerb(['-'], json({ edges: [[0, 1, null]] })), /edges\[0\]\[2\].*finite/);
    expectInputError(await runVerb(['-'], json({ edges: [[0, 1, '7']] })), /edges\[0\]\[2\]/);
    // JSON cannot spell NaN or Infinity, but 1e999 parses to Infinity.
    expectInputError(await runVerb(['-'], '{"edges": [[0, 1, 1e999]]}'), /edges\[0\]\[2\]/);
    expectInputError(await runVerb(['-'], '{"edges": [[0, 1, NaN]]}'), /malformed JSON/);
  });

  it('rejects edges of the wrong shape and a non-boolean maxCardinality', async () => {
    expectInputError(await runVerb(['-'], json({ edges: [[0, 1]] })), /edges\[0\]/);
    expectInputError(await runVerb(['-'], json({ edges: [[0, 1, 2, 3]] })), /edges\[0\]/);
    expectInputError(await runVerb(['-'], json({ edges: [], maxCardinality: 'yes' })), /maxCardinality/);
  });

  it('counts the remaining problems in the message', async () => {
    expectInputError(
      await runVerb(
        ['-'],
        json({
          edges: [
            [-1, 1, 2],
            [0, 1, null],
            [0.5, 1, 1],
          ],
        }),
      ),
      /and 2 more problems/,
    );
  });

  it('rejects duplicate edges, in either orientation', async () => {
    expectInputError(
      await runVerb(
        ['-'],
        json({
          edges: [
            [0, 1, 2],
            [1, 2, 3],
            [2, 1, 4],
          ],
        }),
      ),
      /duplicate edge at edges\[2\]: 2-1/,
    );
    expectInputError(
      await runVerb(
        ['-'],
        json({
          edges: [
            [4, 9, 2],
            [4, 9, 2],
          ],
        }),
      ),
      /duplicate edge/,
    );
  });

  it('reports usage errors through UsageError', async () => {
    await expect(runVerb(['--fast'])).rejects.toBeInstanceOf(UsageError);
    await expect(runVerb(['a.json', 'b.json'])).rejects.toBeInstanceOf(UsageError);
  });
});

describe('the check that spares a valid document the import of zod (ADR 0011)', () => {
  // Near-misses of every rule: ids that are negative, fractional, unsafe, strings or -0; weights
  // that are not numbers; tuples of the wrong length; a maxCardinality of the wrong type; extra
  // keys; documents that are arrays or null.
  const id = fc.oneof(
    fc.nat(),
    fc.integer({ min: -3, max: -1 }),
    fc.constantFrom(-0, 0.5, 2 ** 53, Number.MAX_SAFE_INTEGER, '1', null, true),
  );
  const weight = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom('7', null, true, []),
  );
  const edge = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(id, id, weight) },
    { weight: 1, arbitrary: fc.array(id, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
  );
  const document = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record(
        {
          edges: fc.oneof(
            { weight: 6, arbitrary: fc.array(edge, { maxLength: 6 }) },
            fc.jsonValue({ maxDepth: 1 }),
          ),
          maxCardinality: fc.oneof(fc.boolean(), fc.constantFrom('yes', 0, null)),
          other: fc.jsonValue({ maxDepth: 1 }),
        },
        { requiredKeys: [] },
      ),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  );

  it('accepts exactly what the schema accepts', async () => {
    const schema = await loadInputSchema();
    fc.assert(
      fc.property(document, (candidate) => {
        expect(isValidInput(candidate)).toBe(schema.safeParse(candidate).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts the valid documents a solve usually gets', () => {
    const valid = fc.record({
      edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ noNaN: true, noDefaultInfinity: true }))),
      maxCardinality: fc.boolean(),
    });
    fc.assert(fc.property(valid, (candidate) => isValidInput(candidate)));
  });
});
