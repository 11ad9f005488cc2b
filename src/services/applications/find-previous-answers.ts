import type { ApplicationAnswers } from '../../core/applications';
import { hashToken, isWellFormedToken } from '../../core/applications/application-token';
import type { UseCaseDeps } from '../ports/deps';

/**
 * The answers a previous-answers link opens the form with: the person's latest application, while
 * the link is unexpired and unused. Consent and the code of conduct are asked again each round, so
 * they are left out. Undefined for any link that does not work (the form then opens empty).
 */
export const findPreviousAnswers = async (
  deps: UseCaseDeps,
  token: string | undefined,
): Promise<Omit<ApplicationAnswers, 'privacyConsent' | 'codeOfConductAccepted'> | undefined> => {
  if (!isWellFormedToken(token)) return undefined;
  const link = await deps.store.applicantRecords.findPrefillLink(hashToken(token));
  if (!link || link.usedAt || link.expiresAt.getTime() <= deps.clock.now().getTime()) return undefined;
  const previous = await deps.store.applications.findLatestApplicationByEmail(link.email);
  if (!previous) return undefined;
  const { privacyConsent: _consent, codeOfConductAccepted: _conduct, ...answers } = previous.answers;
  return answers;
};
