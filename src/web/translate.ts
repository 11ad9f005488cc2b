import type { TFunction } from 'i18next';
import type { FieldProblem } from '../core/errors';

/**
 * The core's validation messages are English sentences; each is a key of the `validation`
 * namespace (no key or namespace separators, since the sentences contain dots and colons), and an
 * untranslated one is shown as it is.
 */
export const translateMessage = (t: TFunction, message: string): string =>
  t(message, { ns: 'validation', keySeparator: false, nsSeparator: false, defaultValue: message });

export const translateProblems = (t: TFunction, problems: readonly FieldProblem[]): FieldProblem[] =>
  problems.map((problem) => ({ field: problem.field, message: translateMessage(t, problem.message) }));
