import type { RoundFacts } from '../../core/messages/messages';
import { formatDeadlineFor } from '../../core/rounds';
import { formatCalendarDate } from '../../core/time/date-format';
import { getT } from '../../i18n';
import { renderEmail } from '../layout';

/**
 * The emails about one application. Each says which round, when applications close (in the
 * applicant's own zone, named) and when the round runs, and carries the private link.
 */
export interface ApplicationEmailInput {
  locale: string;
  name: string;
  round: RoundFacts;
  /** The applicant's zone, for the deadline. */
  timeZone: string;
  /** The private link `${baseUrl}/applications/<token>`. */
  url: string;
  /** The page that emails the private links again (`${baseUrl}/lost-link`). */
  lostLinkUrl: string;
}

export interface ApplicationEmail {
  subject: string;
  html: string;
  text: string;
}

/** "Applications close … The round runs from … to …" in the reader's language and zone. */
export const describeRoundDates = (input: Pick<ApplicationEmailInput, 'locale' | 'round' | 'timeZone'>) => {
  const t = getT(input.locale);
  return t('applications:email.dates', {
    deadline: formatDeadlineFor(new Date(input.round.applicationsCloseAt), input.timeZone, input.locale),
    start: formatCalendarDate(input.round.startsOn, input.locale),
    end: formatCalendarDate(input.round.endsOn, input.locale),
  });
};

/** Sent when an application is received; the country quota is settled later, when applications close. */
export const renderApplicationReceivedEmail = (input: ApplicationEmailInput): ApplicationEmail => {
  const t = getT(input.locale);
  const { html, text } = renderEmail({
    t,
    locale: input.locale,
    preheader: t('applications:email.received.preheader', { round: input.round.name }),
    heading: t('applications:email.received.heading'),
    paragraphs: [
      t('applications:email.greeting', { name: input.name }),
      t('applications:email.received.intro', { round: input.round.name }),
      describeRoundDates(input),
      ...(input.round.isQuotaEnabled ? [t('applications:email.received.quota')] : []),
      t('applications:email.received.next'),
      t('applications:email.privateLink'),
      t('applications:email.lostLink', { url: input.lostLinkUrl }),
    ],
    action: { label: t('applications:email.viewButton'), url: input.url },
  });
  return { subject: t('applications:email.received.subject', { round: input.round.name }), html, text };
};
