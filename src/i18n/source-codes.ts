import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * For the catalog tests only: the error reasons and field problem codes the source names, read
 * from its text. Reasons are the second argument of `new DomainError(…)`; codes are the `code:`
 * of field problems, and the zod messages of core and services (`error: '…'`, `message: '…'` in
 * refinements, and the keys the small schema helpers take).
 */
const srcDir = join(import.meta.dirname, '..');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });

const KEY = String.raw`([a-z][a-zA-Z]*(?:\.[a-zA-Z]+)+)`;
const matchAll = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]!);

export const listSourceCodes = (): { reasons: string[]; codes: string[] } => {
  const reasons = new Set<string>();
  const codes = new Set<string>();
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const reason of matchAll(
      text,
      new RegExp(String.raw`new DomainError\(\s*'[A-Z_]+',\s*'${KEY}'`, 'g'),
    ))
      reasons.add(reason);
    for (const code of matchAll(text, new RegExp(String.raw`\bcode: '${KEY}'`, 'g'))) codes.add(code);
    if (/\/(core|services)\//.test(file)) {
      for (const pattern of [
        String.raw`\berror: '${KEY}'`,
        String.raw`\bmessage: '${KEY}'`,
        String.raw`(?:Text|Number)\(\s*(?:\d+,\s*)?'${KEY}'`,
        String.raw`(?:Text|Number)\(\s*\d+,\s*'[\w.]+',\s*'${KEY}'`,
      ]) {
        for (const code of matchAll(text, new RegExp(pattern, 'g'))) codes.add(code);
      }
    }
  }
  return { reasons: [...reasons].sort(), codes: [...codes].sort() };
};
