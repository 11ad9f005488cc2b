import type { DomainError } from '../core/errors';
import { getT } from '../i18n';
import { translateError, translateProblems } from '../i18n/problems';

/** A domain error as one line for the terminal, in English: the reason, then each field problem. */
export const describeDomainError = (error: DomainError): string => {
  const t = getT('en');
  const details = translateProblems(t, error.details).map((problem) =>
    problem.field ? `${problem.field}: ${problem.message}` : problem.message,
  );
  return details.length > 0 ? details.join('; ') : translateError(t, error);
};
