import type { TFunction } from 'i18next';
import type { DomainError, FieldProblem } from '../core/errors';
import type { TransitionRefusal } from '../core/rounds';
import { formatInstant } from '../core/time/date-format';

/**
 * The one place where what core and services say (error reasons, field problem codes, refusals) is
 * put into words, in the request's language. Reasons are keys of the `problems` namespace, field
 * problems keys of `validation`.
 */
export interface ShownProblem {
  field: string;
  message: string;
}

export const translateProblem = (t: TFunction, problem: FieldProblem): string =>
  t(`validation:${problem.code}`, { ...problem.params });

export const translateProblems = (t: TFunction, problems: readonly FieldProblem[]): ShownProblem[] =>
  problems.map((problem) => ({ field: problem.field, message: translateProblem(t, problem) }));

/** What a domain error says to the person who caused it. */
export const translateError = (t: TFunction, error: DomainError): string =>
  t(`problems:${error.reason}`, { ...error.params });

/** A failed action's problems as a page shows them: its field problems, or the error itself. */
export const shownProblemsOf = (t: TFunction, error: DomainError, field = ''): ShownProblem[] =>
  error.details.length > 0
    ? translateProblems(t, error.details)
    : [{ field, message: translateError(t, error) }];

/** A refusal to move a round, in words: "a draft round can only become open". */
export const describeRefusal = (t: TFunction, locale: string, refusal: TransitionRefusal): string => {
  const stage = (status: string) => t(`review:roundStatus.${status}`);
  switch (refusal.kind) {
    case 'already':
      return t('problems:transition.already', { status: stage(refusal.status) });
    case 'final':
      return t('problems:transition.final', { status: stage(refusal.status) });
    case 'not-allowed':
      return t('problems:transition.notAllowed', {
        status: stage(refusal.status),
        allowed: new Intl.ListFormat(locale, { type: 'disjunction' }).format(
          refusal.allowed.map((status) => `“${stage(status)}”`),
        ),
      });
    case 'applications-closed':
      return t('problems:transition.applicationsClosed', {
        closedAt: formatInstant(refusal.closedAt, locale, refusal.timeZone, { zoneName: true }),
      });
    case 'not-ended':
      return t('problems:transition.notEnded', { endsOn: refusal.endsOn, timeZone: refusal.timeZone });
  }
};
