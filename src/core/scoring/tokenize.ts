/**
 * Words of free text as comparable terms, for any script.
 *
 * 1. NFKD, so compatibility forms fold (full-width letters, ligatures such as "ﬁ") and accents
 *    come apart from their letters; lower case (locale-independent).
 * 2. Accents are dropped from Latin, Greek and Cyrillic letters ("bibliothèque" = "bibliotheque"),
 *    plus a few letters NFKD does not split (ß, ø, æ, œ, ł, đ, ı). Marks are kept in other scripts,
 *    where they are vowels and part of the word.
 * 3. Words are runs of letters, digits and marks (Unicode properties, not ASCII classes).
 * 4. Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar) are cut
 *    into overlapping character bigrams ("图书馆" → "图书", "书馆"), the usual index unit when no
 *    dictionary is at hand; a lone character stays a unigram. Other words of one character are
 *    dropped.
 *
 * Each term keeps the first surface form it came from, so an explanation can show "bibliothèque"
 * rather than its folded key. Linear in the length of the text.
 */

export interface Token {
  /** Folded form, the key terms are compared by. */
  term: string;
  /** The text as written (NFC), for showing. */
  surface: string;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const ASCII = /^[\p{ASCII}]*$/u;
const UNSPACED =
  '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}ー々';
const SCRIPT_RUN = new RegExp(`[${UNSPACED}\\p{M}]+|[^${UNSPACED}]+`, 'gu');
const IS_UNSPACED = new RegExp(`^[${UNSPACED}]`, 'u');
const ACCENTED = /([\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}])\p{M}+/gu;
const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ı: 'i',
  ſ: 's',
};
const EXTRA_FOLD = /[ßøæœłđıſ]/g;

export function tokenizeText(text: string): Token[] {
  const tokens: Token[] = [];
  for (const [word] of text.normalize('NFC').matchAll(WORD)) {
    if (ASCII.test(word)) {
      // Most words: nothing to fold but case.
      if (word.length >= 2) tokens.push({ term: word.toLowerCase(), surface: word });
      continue;
    }
    for (const [run] of word.matchAll(SCRIPT_RUN)) {
      if (IS_UNSPACED.test(run)) pushBigrams(run, tokens);
      else pushWord(run, tokens);
    }
  }
  return tokens;
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(ACCENTED, '$1')
    .replace(EXTRA_FOLD, (c) => EXTRA_FOLDS[c]!)
    .normalize('NFC');
}

function pushWord(word: string, tokens: Token[]): void {
  const term = fold(word);
  if ([...term].length < 2) return;
  tokens.push({ term, surface: word });
}

function pushBigrams(run: string, tokens: Token[]): void {
  // Grapheme-ish units: a base character with the marks that follow it.
  const units = run.match(/\P{M}\p{M}*/gu) ?? [];
  if (units.length === 1) {
    tokens.push({ term: fold(units[0]!), surface: units[0]! });
    return;
  }
  for (let k = 0; k + 1 < units.length; k++) {
    const surface = units[k]! + units[k + 1]!;
    tokens.push({ term: fold(surface), surface });
  }
}
