import type { MessagePayloads } from '../../core/messages/messages';
import { formatDeadlineFor } from '../../core/rounds';
import { pickText } from '../../core/surveys/survey';
import { getT } from '../../i18n';
import { renderEmail } from '../layout';

/**
 * The closing email of a round: the partnership has ended (thanks, keep in touch if you like), the
 * end-of-round survey (its personal link when it is open, the day it comes when it opens later)
 * and the next round to apply to, or a line saying one will be announced.
 */
export const renderRoundClosingEmail = (input: {
  locale: string;
  payload: MessagePayloads['round-closing'];
  surveyUrl: (token: string) => string;
  roundUrl: (roundId: string) => string;
}): { subject: string; html: string; text: string } => {
  const t = getT(input.locale);
  const { name, roundName: round, timeZone, survey, nextRound } = input.payload;
  const when = (at: string) => formatDeadlineFor(new Date(at), timeZone, input.locale);
  const paragraphs = [
    t('checkins:email.greeting', { name }),
    t('checkins:email.closing.ended', { round }),
    t('checkins:email.closing.thanks'),
  ];
  if (survey.state === 'open') {
    paragraphs.push(
      t('checkins:email.closing.surveyOpen', {
        title: pickText(survey.title, input.locale),
        closes: when(survey.closesAt),
      }),
    );
  } else if (survey.state === 'later') {
    paragraphs.push(
      t('checkins:email.closing.surveyLater', {
        title: pickText(survey.title, input.locale),
        date: when(survey.sendAt),
      }),
    );
  }
  const next = nextRound
    ? {
        intro: nextRound.isOpenNow
          ? t('checkins:email.closing.nextOpen', {
              next: nextRound.name,
              closes: when(nextRound.applicationsCloseAt),
            })
          : t('checkins:email.closing.nextLater', {
              next: nextRound.name,
              opens: when(nextRound.applicationsOpenAt),
            }),
        links: [
          {
            label: t('checkins:email.closing.nextLink', { next: nextRound.name }),
            url: input.roundUrl(nextRound.id),
          },
        ],
      }
    : undefined;
  if (!next) paragraphs.push(t('checkins:email.closing.nextNone'));
  const { html, text } = renderEmail({
    t,
    locale: input.locale,
    heading: t('checkins:email.closing.heading', { round }),
    paragraphs,
    choices: next,
    action:
      survey.state === 'open'
        ? { label: t('checkins:email.closing.surveyButton'), url: input.surveyUrl(survey.token) }
        : undefined,
  });
  return { subject: t('checkins:email.closing.subject', { round }), html, text };
};
