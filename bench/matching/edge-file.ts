import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { EdgeList } from './generate';

/**
 * The edge-file format every solver in the benchmark reads: a first line "n m", then m lines
 * "u v w" with 0-based vertex ids and integer weights. Plain text so the C++ and Python harnesses
 * need no JSON parser; written and read in chunks so 7M-edge graphs stay cheap.
 */
export function writeEdgeFile(path: string, graph: EdgeList): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `${graph.n} ${graph.m}\n`);
    let chunk = '';
    for (let i = 0; i < graph.m; i++) {
      const w = graph.w[i]!;
      if (!Number.isSafeInteger(w)) throw new Error(`edge ${i}: weight ${w} is not a safe integer`);
      chunk += `${graph.u[i]} ${graph.v[i]} ${w}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

export function readEdgeFile(path: string): EdgeList {
  const data = readFileSync(path);
  let at = 0;
  const next = (): number => {
    let c = data[at];
    while (c === 32 || c === 10 || c === 13 || c === 9) c = data[++at];
    let negative = false;
    if (c === 45) {
      negative = true;
      c = data[++at];
    }
    if (c === undefined || c < 48 || c > 57) throw new Error(`${path}: malformed edge file at byte ${at}`);
    let x = 0;
    while (c !== undefined && c >= 48 && c <= 57) {
      x = x * 10 + (c - 48);
      c = data[++at];
    }
    return negative ? -x : x;
  };
  const n = next();
  const m = next();
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  const w = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    u[i] = next();
    v[i] = next();
    w[i] = next();
  }
  return { n, m, u, v, w };
}
