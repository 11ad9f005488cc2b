/**
 * Turns a flat, form-encoded body (what Hono's `parseBody({ all: true })` returns) into the shape
 * ApplicationAnswersSchema takes, so the web layer makes one call. It never throws and never
 * decides validity: anything it cannot read is passed on for the schema to report.
 *
 * Field names are dotted or bracketed paths: `languages.0.code`, `languages[0][level]`,
 * `availability.windows.2.startTime`; repeated fields (`interests`) become arrays. Rows of a
 * repeating group left entirely blank (a spare language or time row) are dropped.
 */
import { validateApplicationAnswers } from './application-answers';

type FormValue = string | string[] | unknown;
type Tree = { [key: string]: Tree | string | string[] };

const ARRAY_FIELDS = ['interests', 'partnerPreference.sectors', 'partnerPreference.careerStages'];
const ROW_FIELDS = ['languages', 'availability.windows'];
const CHECKBOX_FIELDS = [
  'partnerPreference.openToAnyone',
  'availability.emailOnly',
  'privacyConsent',
  'codeOfConductAccepted',
];
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);
const MAX_ROWS = 50;
const MAX_FIELDS = 1000;
const TRUE_WORDS = new Set(['on', 'true', 'yes', '1']);

export function normaliseApplicationForm(record: Record<string, FormValue>): Record<string, unknown> {
  const tree: Tree = Object.create(null);
  let count = 0;
  for (const [key, raw] of Object.entries(record ?? {})) {
    if (++count > MAX_FIELDS) break;
    const value = toStrings(raw);
    if (value === undefined) continue;
    const path = key.split(/[.[\]]+/).filter((segment) => segment !== '');
    if (path.length === 0 || path.length > 4 || path.some((segment) => FORBIDDEN_SEGMENTS.has(segment)))
      continue;
    setPath(tree, path, value);
  }

  const answers: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) answers[key] = toPlain(value);

  for (const field of ARRAY_FIELDS) updatePath(answers, field, toList);
  for (const field of ROW_FIELDS) updatePath(answers, field, toRows);
  for (const field of CHECKBOX_FIELDS) updatePath(answers, field, toBoolean);
  updatePath(answers, 'yearsInProfession', toWholeNumber);
  return answers;
}

/** `normaliseApplicationForm` then `validateApplicationAnswers`: the one call a form handler needs. */
export const validateApplicationForm = (record: Record<string, FormValue>) =>
  validateApplicationAnswers(normaliseApplicationForm(record));

function toStrings(raw: unknown): string | string[] | undefined {
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw)) {
    const strings = raw.filter((item): item is string => typeof item === 'string');
    return strings.length === 1 ? strings[0] : strings;
  }
  return undefined;
}

function setPath(tree: Tree, path: string[], value: string | string[]): void {
  let node = tree;
  for (const segment of path.slice(0, -1)) {
    const next = node[segment];
    if (next === undefined || typeof next === 'string' || Array.isArray(next)) {
      const child: Tree = Object.create(null);
      node[segment] = child;
      node = child;
    } else {
      node = next;
    }
  }
  const last = path[path.length - 1]!;
  const existing = node[last];
  if (existing !== undefined && (typeof existing === 'string' || Array.isArray(existing))) {
    node[last] = [...[existing].flat(), ...[value].flat()];
  } else if (existing === undefined) {
    node[last] = value;
  }
}

function toPlain(value: Tree | string | string[]): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) return value;
  const plain: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) plain[key] = toPlain(child);
  return plain;
}

function updatePath(
  target: Record<string, unknown>,
  dotted: string,
  update: (value: unknown) => unknown,
): void {
  const path = dotted.split('.');
  let node: Record<string, unknown> = target;
  for (const segment of path.slice(0, -1)) {
    const next = node[segment];
    if (next === undefined) {
      // Only create the parent when the update has something to say about a missing field.
      if (update(undefined) === undefined) return;
      node[segment] = {};
    } else if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      return;
    }
    node = node[segment] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  const updated = update(node[last]);
  if (updated === undefined) delete node[last];
  else node[last] = updated;
}

function toList(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item) => !(typeof item === 'string' && item.trim() === ''));
  return value;
}

/** Rows arrive as `{ "0": {...}, "2": {...} }`; keep their order, drop blank ones and holes. */
function toRows(value: unknown): unknown {
  if (value === undefined || typeof value !== 'object' || value === null || Array.isArray(value))
    return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (!entries.every(([key]) => /^\d{1,3}$/.test(key))) return value;
  return entries
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, row]) => row)
    .filter((row) => !isBlankRow(row))
    .slice(0, MAX_ROWS);
}

function isBlankRow(row: unknown): boolean {
  if (row === undefined) return true;
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return false;
  return Object.values(row).every((cell) => cell === undefined);
}

/** An unticked checkbox is simply absent from a form body, so absence means false. */
function toBoolean(value: unknown): unknown {
  if (value === undefined) return false;
  if (typeof value === 'string') return TRUE_WORDS.has(value.trim().toLowerCase());
  if (Array.isArray(value))
    return value.some((item) => typeof item === 'string' && TRUE_WORDS.has(item.toLowerCase()));
  return value;
}

function toWholeNumber(value: unknown): unknown {
  if (typeof value === 'string' && /^\s*\d{1,3}\s*$/.test(value)) return Number(value);
  return value;
}
