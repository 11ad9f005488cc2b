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
 * Built in flat typed arrays (no map or token object per document or word): it runs once per
 * match run, mostly before V8 has compiled it, where every allocation and call counts.
 */
import { tokenizeText } from './tokenize';

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
  const n = documents.length;
  const vocabulary: VocabularyTerm[] = [];
  const counted = countTerms(documents, vocabulary);
  const df = counted.df;
  for (let t = 0; t < vocabulary.length; t++) vocabulary[t]!.idf = Math.log(n / df[t]!);
  return weighDocuments(counted, vocabulary);
}

/**
 * Term frequencies per document, as flat arrays: document d's distinct terms, in the order they
 * first appear in it (the order its norm is summed in), are ids[docStart[d] .. docStart[d + 1])
 * with their counts; df is per term. One vocabulary map and no map per document.
 */
function countTerms(documents: readonly string[], vocabulary: VocabularyTerm[]) {
  const termIds = new Map<string, number>();
  const docStart = new Int32Array(documents.length + 1);
  let ids: Int32Array = new Int32Array(1024);
  let counts: Int32Array = new Int32Array(1024);
  let df: Int32Array = new Int32Array(256);
  /** Per term: where it sits in the current document's list, + 1 (0: not in it yet). */
  let slot: Int32Array = new Int32Array(256);
  let used = 0;
  for (let d = 0; d < documents.length; d++) {
    const first = used;
    const { terms, surfaces } = wordsOf(documents[d]!);
    for (let k = 0; k < terms.length; k++) {
      const term = terms[k]!;
      let id = termIds.get(term);
      if (id === undefined) {
        id = vocabulary.length;
        termIds.set(term, id);
        vocabulary.push({ term, surface: surfaces[k]!, idf: 0 });
        if (id === df.length) {
          df = grown(df);
          slot = grown(slot);
        }
      }
      const at = slot[id]!;
      if (at !== 0) {
        counts[at - 1]!++;
        continue;
      }
      if (used === ids.length) {
        ids = grown(ids);
        counts = grown(counts);
      }
      ids[used] = id;
      counts[used] = 1;
      slot[id] = ++used;
      df[id]!++;
    }
    for (let k = first; k < used; k++) slot[ids[k]!] = 0;
    docStart[d + 1] = used;
  }
  return { docStart, ids, counts, df };
}

const grown = (a: Int32Array): Int32Array => {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
};

/** An ASCII document's words of two or more letters or digits (what tokenizeText gives for it). */
const ASCII_TEXT = /^\p{ASCII}*$/u;
const ASCII_WORD = /[A-Za-z0-9]{2,}/g;

/**
 * A document's terms and their surface forms, in order. Most documents are ASCII: then the words
 * are the runs of letters and digits, two or more long, lower-cased (tokenize.ts, its ASCII case),
 * found by one native match over the text instead of one token object per word.
 */
function wordsOf(text: string): { terms: string[]; surfaces: string[] } {
  if (ASCII_TEXT.test(text)) {
    return { terms: text.toLowerCase().match(ASCII_WORD) ?? [], surfaces: text.match(ASCII_WORD) ?? [] };
  }
  const tokens = tokenizeText(text);
  return { terms: tokens.map((t) => t.term), surfaces: tokens.map((t) => t.surface) };
}

/** Sublinear tf · idf per term, L2-normalised over all terms, quantised; terms of one document left out. */
function weighDocuments(
  counted: ReturnType<typeof countTerms>,
  vocabulary: readonly VocabularyTerm[],
): TextVectors {
  const { docStart, ids, counts, df } = counted;
  const n = docStart.length - 1;
  const start = new Int32Array(n + 1);
  const term = new Int32Array(docStart[n]!);
  const weight = new Int32Array(docStart[n]!);
  const raw = new Float64Array(vocabulary.length);
  let out = 0;
  for (let d = 0; d < n; d++) {
    let norm = 0;
    const from = out;
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
      const id = ids[k]!;
      const w = (1 + Math.log(counts[k]!)) * vocabulary[id]!.idf;
      norm += w * w;
      if (df[id]! >= 2 && w > 0) {
        term[out++] = id;
        raw[id] = w;
      }
    }
    norm = Math.sqrt(norm);
    term.subarray(from, out).sort();
    let kept = from;
    for (let k = from; k < out; k++) {
      const id = term[k]!;
      const q = Math.round((raw[id]! / norm) * TEXT_SCALE);
      if (q === 0) continue;
      term[kept] = id;
      weight[kept++] = q;
    }
    out = kept;
    start[d + 1] = out;
  }
  return {
    vocabulary: vocabulary as VocabularyTerm[],
    start,
    term: term.slice(0, out),
    weight: weight.slice(0, out),
  };
}
