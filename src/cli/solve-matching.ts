import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { type Edge, MatchingInputError, maxWeightMatching, verifyOptimality } from '../core/matching/index';
import type { CliCommand, CliIo } from './command';
import { parseArgs } from './parse-args';

/**
 * `iln solve-matching [FILE|-]`: solves a maximum-weight matching given as JSON and prints the
 * matching, its weight, the verifier's verdict and the solve time. A debugging and benchmarking
 * aid for the matching engine; coordinators never need it.
 */

const USAGE = `Usage: iln solve-matching [FILE|-]

Reads a graph as JSON from FILE (or standard input when FILE is "-" or omitted):
  {"edges": [[u, v, w], ...], "maxCardinality": false}
u and v are non-negative integer vertex ids, w a finite number; each pair at most once
(self-loops are ignored).
Prints one JSON object:
  {"weight": W, "pairs": [[u, v], ...], "optimal": true, "seconds": S}
where "seconds" is the solve time (without parsing) and "optimal" is the verdict of the
independent optimality check. Exit 0 when optimal, 1 when the check fails, 2 on bad input.`;

interface InputDocument {
  edges: [number, number, number][];
  maxCardinality?: boolean | undefined;
}

/**
 * The input's schema, and the reference for what is valid: it explains every rejection. zod is
 * imported only when `isValidInput` refuses a document, since importing it is about half of this
 * verb's start-up and checking a valid document by hand is cheaper than zod's own check
 * (ADR 0011).
 */
export const loadInputSchema = async () => {
  const { z } = await import('zod');
  const vertexId = z.int('vertex ids must be integers').nonnegative('vertex ids must be non-negative');
  const weight = z.number('weights must be finite numbers');
  return z.object({
    edges: z.array(z.tuple([vertexId, vertexId, weight])),
    maxCardinality: z.boolean().optional(),
  });
};

/**
 * Accepts only documents the schema accepts (solve-matching.test.ts checks it on generated
 * documents); whatever it refuses goes to the schema, which says why or, should this check be
 * stricter than the schema somewhere, accepts it after all.
 */
export function isValidInput(document: unknown): document is InputDocument {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return false;
  const { edges, maxCardinality } = document as Record<string, unknown>;
  if (maxCardinality !== undefined && typeof maxCardinality !== 'boolean') return false;
  if (!Array.isArray(edges)) return false;
  for (const edge of edges) {
    if (!Array.isArray(edge) || edge.length !== 3) return false;
    const [u, v, w] = edge as unknown[];
    if (!Number.isSafeInteger(u) || (u as number) < 0) return false;
    if (!Number.isSafeInteger(v) || (v as number) < 0) return false;
    if (typeof w !== 'number' || !Number.isFinite(w)) return false;
  }
  return true;
}

class InputError extends Error {}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(top level)';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function readInput(source: string, io: CliIo): Promise<string> {
  if (source === '-') return io.readStdin();
  try {
    return await readFile(source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : oneLine((error as Error).message);
    throw new InputError(`cannot read ${source}: ${why}`);
  }
}

interface ParsedInput {
  edges: Edge[];
  /** Compact vertex index → original id. */
  ids: number[];
  maxCardinality: boolean;
}

async function validate(document: unknown): Promise<InputDocument> {
  if (isValidInput(document)) return document;
  const parsed = (await loadInputSchema()).safeParse(document);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues[0]!;
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw new InputError(`invalid input at ${formatPath(first.path)}: ${oneLine(first.message)}${more}`);
  }
  return parsed.data;
}

/** Validates the document and renumbers vertices 0..k-1 so sparse ids cost no memory. */
async function parseInput(text: string, source: string): Promise<ParsedInput> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new InputError(`malformed JSON in ${source}: ${oneLine((error as Error).message)}`);
  }
  const data = await validate(document);
  const index = new Map<number, number>();
  const ids: number[] = [];
  const compact = (id: number): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  const seen = new Set<number>();
  const edges: Edge[] = [];
  data.edges.forEach(([u, v, w], position) => {
    const a = compact(u);
    const b = compact(v);
    // Compact indices are < 2^26 for any input that fits in memory, so the key is exact.
    const key = a < b ? a * 67_108_864 + b : b * 67_108_864 + a;
    if (seen.has(key)) throw new InputError(`duplicate edge at edges[${position}]: ${u}-${v} appears twice`);
    seen.add(key);
    edges.push([a, b, w]);
  });
  return { edges, ids, maxCardinality: data.maxCardinality ?? false };
}

function sourceOf(args: string[]): string {
  return parseArgs(args, { maxPositionals: 1 }).positionals[0] ?? '-';
}

async function run(args: string[], io: CliIo): Promise<number> {
  const source = sourceOf(args);
  const label = source === '-' ? 'standard input' : source;
  let input: ParsedInput;
  try {
    input = await parseInput(await readInput(source, io), label);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`solve-matching: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const options = { maxCardinality: input.maxCardinality };
  let result: ReturnType<typeof maxWeightMatching>;
  let seconds: number;
  try {
    const start = performance.now();
    result = maxWeightMatching(input.edges, options);
    seconds = (performance.now() - start) / 1000;
  } catch (error) {
    if (error instanceof MatchingInputError) {
      io.stderr(`solve-matching: invalid input: ${oneLine(error.message)}\n`);
      return 2;
    }
    throw error;
  }
  const verdict = verifyOptimality(input.edges, result, options);
  const pairs = result.pairs
    .map(([a, b]): [number, number] => {
      const u = input.ids[a]!;
      const v = input.ids[b]!;
      return u < v ? [u, v] : [v, u];
    })
    .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  io.stdout(`${JSON.stringify({ weight: result.weight, pairs, optimal: verdict.ok, seconds })}\n`);
  if (!verdict.ok) {
    io.stderr(`solve-matching: the optimality check failed: ${oneLine(verdict.reasons.join('; '))}\n`);
    return 1;
  }
  return 0;
}

export const solveMatchingCommand: CliCommand = {
  name: 'solve-matching',
  summary: 'Solve a maximum-weight matching given as JSON edges and check that it is optimal',
  usage: USAGE,
  run,
};
