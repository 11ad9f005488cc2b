/**
 * Likely duplicate applications in one round: the same person applying twice, perhaps with the
 * name typed differently. Flagged for a coordinator to decide, never merged automatically.
 *
 * Names are compared after folding: Unicode NFKD with combining marks removed (José → jose),
 * letters without a decomposition mapped by hand (ø → o, ß → ss), punctuation dropped and tokens
 * sorted, so "García López, María" and "Maria Garcia Lopez" are the same name. Two names of the
 * same country are then "similar" when their Levenshtein distance is at most 1 (names up to 10
 * letters) or 2 (longer), or when one's tokens are all among the other's ("Ana Silva" and
 * "Ana Maria Silva"). The same email address is a duplicate whatever the country.
 *
 * Candidates are grouped by country first, so the work is O(Σ n_c² · L²) for n_c applications
 * per country and names of length L: well under a second for a round of thousands.
 *
 * One arriving application is checked against its country's earlier ones (findNameDuplicateOf):
 * the database keeps each name's folded form (`nameKey`), and a DuplicateProbe first sets aside,
 * with a few string tests, the names that cannot match, so the edit distance runs on few pairs.
 */

export interface DuplicateCandidate {
  id: string;
  name: string;
  email: string;
  countryOfResidence: string;
}

export type DuplicateReason = 'same-email' | 'same-name' | 'similar-name' | 'name-contained';

export interface LikelyDuplicate {
  /** The earlier of the two in input order. */
  firstId: string;
  secondId: string;
  reason: DuplicateReason;
}

const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  ı: 'i',
};

/** Lower-case, accents folded, punctuation removed, tokens sorted: the form names are compared in. */
export function normaliseName(name: string): string {
  return listNameTokens(name).sort().join(' ');
}

function listNameTokens(name: string): string[] {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßøđðþæœłı]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter);
  return folded
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
}

/** Levenshtein distance, stopping early once it is certain to exceed `limit`. */
export function measureEditDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Which stored names could possibly be a likely duplicate of `name`, as cheap tests on the stored
 * key:
 *
 * - similar (edit distance at most 2, the largest limit): the keys' lengths differ by at most 2,
 *   and, when the key has 3 letters or more, the other key contains one of `pieces`, the key cut
 *   into three parts. Two edits can touch at most two of three parts, so one part survives whole
 *   (the pigeonhole filter of approximate string matching);
 * - one name's tokens all among the other's: either the other's first (smallest) token is one of
 *   `tokens`, or the other key contains `tokens[0]` as a token.
 *
 * Every name compareNames would flag meets one of these, so filtering by the probe first changes
 * no result (a property test checks it); it only saves work.
 */
export interface DuplicateProbe {
  key: string;
  tokens: string[];
  minLength: number;
  maxLength: number;
  /** Empty when the key is shorter than 3: the length condition alone applies. */
  pieces: string[];
}

const MAX_EDIT_LIMIT = 2;

export function createDuplicateProbe(name: string): DuplicateProbe {
  const tokens = listNameTokens(name).sort();
  const key = tokens.join(' ');
  const third = Math.floor(key.length / 3);
  const pieces =
    key.length >= 3 ? [key.slice(0, third), key.slice(third, 2 * third), key.slice(2 * third)] : [];
  return {
    key,
    tokens,
    minLength: key.length - MAX_EDIT_LIMIT,
    maxLength: key.length + MAX_EDIT_LIMIT,
    pieces,
  };
}

/** The first (smallest) token of a stored key. */
export const firstTokenOf = (nameKey: string): string => nameKey.split(' ')[0] ?? '';

/**
 * Whether the probe admits a stored key: false means the two names cannot be flagged.
 *
 * Called for every pair of a newcomer and an earlier application of its country (hundreds of
 * thousands in a deadline rush's pass), so it allocates nothing: keys are tokens joined by single
 * spaces, and tokens are compared in place.
 */
export function isAdmittedByProbe(probe: DuplicateProbe, otherKey: string): boolean {
  if (probe.key === '' || otherKey === '') return false;
  if (otherKey.length >= probe.minLength && otherKey.length <= probe.maxLength) {
    if (probe.pieces.length === 0) return true;
    for (const piece of probe.pieces) if (otherKey.includes(piece)) return true;
  }
  // The other key's first token is one of the probe's tokens…
  const space = otherKey.indexOf(' ');
  const firstLength = space < 0 ? otherKey.length : space;
  for (const token of probe.tokens) {
    if (token.length === firstLength && otherKey.startsWith(token)) return true;
  }
  // …or the probe's first token is one of the other key's tokens.
  const first = probe.tokens[0];
  return first !== undefined && hasToken(otherKey, first);
}

/** Whether `key` (tokens joined by single spaces) holds `token` as a whole token. */
function hasToken(key: string, token: string): boolean {
  for (let at = key.indexOf(token); at >= 0; at = key.indexOf(token, at + 1)) {
    const end = at + token.length;
    const startsToken = at === 0 || key.charCodeAt(at - 1) === SPACE;
    if (startsToken && (end === key.length || key.charCodeAt(end) === SPACE)) return true;
  }
  return false;
}

const SPACE = 32;

function compareNames(a: string[], b: string[]): DuplicateReason | undefined {
  const left = a.join(' ');
  const right = b.join(' ');
  if (left === '' || right === '') return undefined;
  if (left === right) return 'same-name';
  const limit = Math.max(left.length, right.length) <= 10 ? 1 : 2;
  if (measureEditDistance(left, right, limit) <= limit) return 'similar-name';
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length >= 2 && shorter.every((token) => longer.includes(token))) return 'name-contained';
  return undefined;
}

const appendTo = (groups: Map<string, number[]>, key: string, index: number) => {
  const group = groups.get(key);
  if (group) group.push(index);
  else groups.set(key, [index]);
};

/** An earlier application of the same country, as the database keeps it for this check. */
export interface EarlierName {
  id: string;
  /** normaliseName of its name. */
  nameKey: string;
}

/**
 * The earliest of `sameCountryEarlier` (in submission order) whose name the arriving `name`
 * probably repeats, with the reason, or undefined: the name rules of listLikelyDuplicates for one
 * newcomer, O(k · L²) for k earlier names. Only names are compared: within a round, the same
 * address cannot apply twice (the database refuses it).
 */
export function findNameDuplicateOf(
  name: string,
  sameCountryEarlier: readonly EarlierName[],
): { firstId: string; reason: DuplicateReason } | undefined {
  const tokens = listNameTokens(name).sort();
  for (const other of sameCountryEarlier) {
    const reason = compareNames(
      other.nameKey.split(' ').filter((token) => token !== ''),
      tokens,
    );
    if (reason) return { firstId: other.id, reason };
  }
  return undefined;
}

/** Pairs of applications that are probably the same person, in input order, each pair once. */
export function listLikelyDuplicates(applications: readonly DuplicateCandidate[]): LikelyDuplicate[] {
  const found = new Map<string, LikelyDuplicate>();
  const record = (i: number, j: number, reason: DuplicateReason) => {
    const key = `${i}:${j}`;
    if (!found.has(key))
      found.set(key, { firstId: applications[i]!.id, secondId: applications[j]!.id, reason });
  };

  const byEmail = new Map<string, number[]>();
  const byCountry = new Map<string, number[]>();
  applications.forEach((application, index) => {
    const email = application.email.trim().toLowerCase();
    if (email !== '') appendTo(byEmail, email, index);
    appendTo(byCountry, application.countryOfResidence.toUpperCase(), index);
  });

  for (const indexes of byEmail.values()) {
    for (let a = 0; a < indexes.length; a++)
      for (let b = a + 1; b < indexes.length; b++) record(indexes[a]!, indexes[b]!, 'same-email');
  }
  const tokens = applications.map((application) => listNameTokens(application.name).sort());
  for (const indexes of byCountry.values()) {
    for (let a = 0; a < indexes.length; a++) {
      for (let b = a + 1; b < indexes.length; b++) {
        const reason = compareNames(tokens[indexes[a]!]!, tokens[indexes[b]!]!);
        if (reason) record(indexes[a]!, indexes[b]!, reason);
      }
    }
  }
  return [...found.entries()]
    .sort(([x], [y]) => {
      const [xi, xj] = x.split(':').map(Number);
      const [yi, yj] = y.split(':').map(Number);
      return xi! - yi! || xj! - yj!;
    })
    .map(([, pair]) => pair);
}
