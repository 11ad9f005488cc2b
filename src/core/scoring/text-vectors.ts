/**
 * TF-IDF vectors of free text over one round, as sparse integer vectors (Salton & Buckley, "Term-
 * weighting approaches in automatic text retrieval", 1988: sublinear tf, idf = ln(N / df), cosine).
 *
 * weight(t, d) = (1 + ln tf(t, d)) · ln(N / df(t)); a term every document has weighs 0. Vectors
 * are L2-normalised over all their terms and then quantised to integers (× 2^15), so a dot
 * product is an exact integer sum: the same for (a, b) and (b, a) in any summation order, and
 * cosine = dot / 2^30. Terms found in one document only are kept out of the stored vectors (they
 * can never be shared) but still count towards the norm. Building: O(total tokens); the vocabulary
 * is numbered in first-seen order over documents in the order given, so it is deterministic.
 */
import { type Token, tokenizeText } from './tokenize';

export const TEXT_SCALE = 1 << 15;
export const TEXT_SCALE_SQUARED = TEXT_SCALE * TEXT_SCALE;

export interface VocabularyTerm {
  term: string;
  /** First surface form met, for showing. */
  surface: string;
  idf: number;
}

export interface TextVectors {
  vocabulary: VocabularyTerm[];
  /** Document d's terms are term[start[d] .. start[d + 1]), ascending term id, with their weights. */
  start: Int32Array;
  term: Int32Array;
  weight: Int32Array;
}

export function buildTextVectors(documents: readonly string[]): TextVectors {
  const ids = new Map<string, number>();
  const vocabulary: VocabularyTerm[] = [];
  const df: number[] = [];
  const counts: Map<number, number>[] = documents.map((text) => {
    const tf = new Map<number, number>();
    for (const token of tokenizeText(text)) {
      const id = termId(token, ids, vocabulary, df);
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    for (const id of tf.keys()) df[id]!++;
    return tf;
  });
  const n = documents.length;
  for (let t = 0; t < vocabulary.length; t++) vocabulary[t]!.idf = Math.log(n / df[t]!);

  const start = new Int32Array(n + 1);
  const terms: number[] = [];
  const weights: number[] = [];
  counts.forEach((tf, d) => {
    let norm = 0;
    const raw: [number, number][] = [];
    for (const [id, count] of tf) {
      const w = (1 + Math.log(count)) * vocabulary[id]!.idf;
      norm += w * w;
      if (df[id]! >= 2 && w > 0) raw.push([id, w]);
    }
    norm = Math.sqrt(norm);
    raw.sort((x, y) => x[0] - y[0]);
    for (const [id, w] of raw) {
      const q = Math.round((w / norm) * TEXT_SCALE);
      if (q === 0) continue;
      terms.push(id);
      weights.push(q);
    }
    start[d + 1] = terms.length;
  });
  return { vocabulary, start, term: Int32Array.from(terms), weight: Int32Array.from(weights) };
}

function termId(token: Token, ids: Map<string, number>, vocabulary: VocabularyTerm[], df: number[]): number {
  let id = ids.get(token.term);
  if (id === undefined) {
    id = vocabulary.length;
    ids.set(token.term, id);
    vocabulary.push({ term: token.term, surface: token.surface, idf: 0 });
    df.push(0);
  }
  return id;
}
