import { getT } from '../../i18n';
import { renderEmail } from '../layout';

/**
 * Emails a coordinator's decision sends to the applicant. The decline reason is for coordinators
 * only and is never in the email; the decline email says no kindly and invites a new application.
 */
export const REVIEW_EMAIL_KINDS = ['accepted', 'declined', 'waitlisted', 'carried-over'] as const;
export type ReviewEmailKind = (typeof REVIEW_EMAIL_KINDS)[number];

export interface ReviewEmailInput {
  kind: ReviewEmailKind;
  name: string;
  roundName: string;
  /** The round's first day, already formatted for the reader. */
  startsOn: string;
  locale: string;
  /** The page that emails the applicant's private links again. */
  lostLinkUrl: string;
}

export interface ReviewEmail {
  subject: string;
  html: string;
  text: string;
}

export const renderReviewEmail = (input: ReviewEmailInput): ReviewEmail => {
  const t = getT(input.locale);
  const values = { name: input.name, round: input.roundName, startsOn: input.startsOn };
  const key = (part: string) => `review:email.${input.kind}.${part}`;
  const paragraphs = [t('review:email.greeting', values)];
  const body: unknown = t(key('paragraphs'), { ...values, returnObjects: true });
  if (Array.isArray(body)) paragraphs.push(...body.map(String));
  // The private link (in the confirmation email) is how an applicant sees or withdraws their application.
  paragraphs.push(t('applications:email.reviewLink', { url: input.lostLinkUrl }));
  paragraphs.push(t('review:email.signOff'));
  const { html, text } = renderEmail({
    t,
    locale: input.locale,
    preheader: t(key('preheader'), values),
    heading: t(key('heading'), values),
    paragraphs,
    action: { label: t('applications:email.lostLinkButton'), url: input.lostLinkUrl },
  });
  return { subject: t(key('subject'), values), html, text };
};
