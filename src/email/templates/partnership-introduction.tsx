import { getCountryName } from '../../core/countries';
import type { IntroducedPartner, MessagePayloads } from '../../core/messages/messages';
import { formatCalendarDate } from '../../core/time/date-format';
import { getT } from '../../i18n';
import { labelFor } from '../../i18n/labels';
import {
  describeCallTimes,
  describeClockDifference,
  describeSharedInterests,
  languageLabels,
} from '../../i18n/partners';
import { renderEmail } from '../layout';

export interface PartnershipEmail {
  subject: string;
  html: string;
  text: string;
}

/** A bulleted list inside one paragraph (the layout keeps line breaks). */
const bulleted = (heading: string, items: unknown): string =>
  [heading, ...(Array.isArray(items) ? items.map((item) => `• ${String(item)}`) : [])].join('\n');

/** The paragraphs every introduction in a language shares: made once (a round sends thousands). */
const sharedParagraphs = new Map<string, string[]>();
const sharedParagraphsOf = (locale: string): string[] => {
  let paragraphs = sharedParagraphs.get(locale);
  if (!paragraphs) {
    const t = getT(locale);
    paragraphs = [
      bulleted(
        t('participant:guidelines.heading'),
        t('participant:guidelines.items', { returnObjects: true }),
      ),
      bulleted(
        t('participant:icebreakers.heading'),
        t('participant:icebreakers.items', { returnObjects: true }),
      ),
      t('participant:email.introduction.area'),
    ];
    if (sharedParagraphs.size < 100) sharedParagraphs.set(locale, paragraphs);
  }
  return paragraphs;
};

/**
 * Introduces partners to each other: who each partner is, how to reach them, how far apart their
 * clocks are (and how that changes with daylight saving during the round), what they share, then
 * the program's guidelines, a few questions to begin with and the link to the participants' area.
 */
export const renderPartnershipIntroductionEmail = (input: {
  locale: string;
  payload: MessagePayloads['partnership-introduction'];
  areaUrl: string;
}): PartnershipEmail => {
  const { locale, payload } = input;
  const t = getT(locale);
  const round = payload.round.name;
  const describePartner = (partner: IntroducedPartner): string =>
    [
      partner.name,
      t('participant:partner.summary', {
        role: partner.role,
        sector: labelFor(t, 'sector', partner.sector),
        country: getCountryName(partner.countryCode, locale),
      }),
      t('participant:partner.contact', { email: partner.email }),
      ...describeClockDifference(t, locale, payload.timeZone, partner.timeDifference),
      describeSharedInterests(t, partner.sharedInterestIds),
      ...(partner.sharedLanguageCodes.length > 0
        ? [
            t('participant:partner.sharedLanguages', {
              list: languageLabels(locale, partner.sharedLanguageCodes).join(', '),
            }),
          ]
        : []),
      describeCallTimes(t, partner.callMode, partner.guaranteedWeeklyMinutes),
    ].join('\n');
  const { html, text } = renderEmail({
    t,
    locale,
    preheader: t('participant:email.introduction.preheader', { round }),
    heading: t(
      payload.isNewPartner
        ? 'participant:email.introduction.newHeading'
        : 'participant:email.introduction.heading',
    ),
    paragraphs: [
      t('participant:email.greeting', { name: payload.name }),
      payload.isNewPartner
        ? t('participant:email.introduction.newIntro', { round })
        : t('participant:email.introduction.intro', { round, count: payload.partners.length }),
      ...payload.partners.map(describePartner),
      t('participant:email.introduction.dates', {
        start: formatCalendarDate(payload.round.startsOn, locale),
        end: formatCalendarDate(payload.round.endsOn, locale),
      }),
      ...sharedParagraphsOf(locale),
    ],
    action: { label: t('participant:email.button'), url: input.areaUrl },
  });
  const subject = t(
    payload.isNewPartner
      ? 'participant:email.introduction.newSubject'
      : 'participant:email.introduction.subject',
    { round },
  );
  return { subject, html, text };
};

/** Tells the people who stay that a partner has left, and what happens next. */
export const renderPartnerLeftEmail = (input: {
  locale: string;
  payload: MessagePayloads['partnership-partner-left'];
  areaUrl: string;
}): PartnershipEmail => {
  const t = getT(input.locale);
  const round = input.payload.roundName;
  const { html, text } = renderEmail({
    t,
    locale: input.locale,
    heading: t('participant:email.partnerLeft.heading'),
    paragraphs: [
      t('participant:email.greeting', { name: input.payload.name }),
      t(
        input.payload.isAlone
          ? 'participant:email.partnerLeft.alone'
          : 'participant:email.partnerLeft.continue',
        {
          round,
        },
      ),
    ],
    action: { label: t('participant:email.button'), url: input.areaUrl },
  });
  return { subject: t('participant:email.partnerLeft.subject', { round }), html, text };
};
