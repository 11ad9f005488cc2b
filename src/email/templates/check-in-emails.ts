import type { MessagePayloads } from '../../core/messages/messages';
import { getT } from '../../i18n';
import { renderEmail } from '../layout';
import { checkInChoices } from './check-in-choices';

export interface CheckInEmail {
  subject: string;
  html: string;
  text: string;
}

/** A list of names as the language joins them ("Ana and Kofi"). */
const joinNames = (locale: string, names: readonly string[]): string => {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
};

/** "Did you connect?" in a fortnight without a topic: the three one-click answers, and the area. */
export const renderCheckInPromptEmail = (input: {
  locale: string;
  payload: MessagePayloads['check-in-prompt'];
  urlOf: (path: string) => string;
  areaUrl: string;
}): CheckInEmail => {
  const t = getT(input.locale);
  const { name, roundName: round, checkIn } = input.payload;
  const { html, text } = renderEmail({
    t,
    locale: input.locale,
    preheader: t('checkins:email.prompt.preheader', { round }),
    heading: t('checkins:email.prompt.heading'),
    paragraphs: [
      t('checkins:email.greeting', { name }),
      t('checkins:email.prompt.intro', { round, fortnight: checkIn.fortnight }),
    ],
    choices: checkInChoices(t, checkIn, input.urlOf),
    action: { label: t('checkins:email.areaButton'), url: input.areaUrl },
  });
  return { subject: t('checkins:email.prompt.subject', { round }), html, text };
};

/**
 * The one friendly reminder to a silent partner: someone is waiting to hear from them (or nobody
 * in the partnership has checked in for weeks), a hello is enough, and leaving is fine too.
 */
export const renderSilentPartnerReminderEmail = (input: {
  locale: string;
  payload: MessagePayloads['silent-partner-reminder'];
  urlOf: (path: string) => string;
  areaUrl: string;
}): CheckInEmail => {
  const t = getT(input.locale);
  const { name, roundName: round, reason, checkIn } = input.payload;
  const partners = joinNames(input.locale, input.payload.partnerNames);
  const isReported = reason === 'reported-not-responding';
  const { html, text } = renderEmail({
    t,
    locale: input.locale,
    heading: isReported
      ? t('checkins:email.reminder.reportedHeading', { partners })
      : t('checkins:email.reminder.quietHeading'),
    paragraphs: [
      t('checkins:email.greeting', { name }),
      isReported
        ? t('checkins:email.reminder.reported', { partners, round })
        : t('checkins:email.reminder.quiet', { partners, round }),
      t('checkins:email.reminder.hello'),
      t('checkins:email.reminder.leaving', { partners }),
    ],
    choices: checkIn && checkInChoices(t, checkIn, input.urlOf),
    action: { label: t('checkins:email.areaButton'), url: input.areaUrl },
  });
  return {
    subject: isReported
      ? t('checkins:email.reminder.reportedSubject', { round })
      : t('checkins:email.reminder.quietSubject', { round }),
    html,
    text,
  };
};
