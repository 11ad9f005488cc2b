import type { TFunction } from 'i18next';
import type { CheckInAnswer } from '../../core/checkins/check-in';
import { type CheckInLinks, checkInLinkPaths } from '../../core/checkins/check-in-link';
import type { EmailChoices } from '../layout';

/** The three answers as the email offers them, in the participant's words. */
export const CHECK_IN_CHOICE_KEYS: Record<CheckInAnswer, string> = {
  'in-touch': 'checkins:email.choice.in-touch',
  'not-yet': 'checkins:email.choice.not-yet',
  'not-responding': 'checkins:email.choice.not-responding',
};

/**
 * The one-click check-in answers of an email, for the layout's `choices`: the question, one link
 * per answer, and a line saying that opening a link records nothing until the button on its page
 * is pressed. Any email whose message carries CheckInLinks shows them with this, the topic email
 * included:
 *
 *   renderEmail({ …, choices: payload.checkIn && checkInChoices(t, payload.checkIn, (path) => urlOf(links, path)) })
 */
export const checkInChoices = (
  t: TFunction,
  checkIn: CheckInLinks,
  urlOf: (path: string) => string,
): EmailChoices => ({
  intro: t('checkins:email.question'),
  links: checkInLinkPaths(checkIn.token).map(({ answer, path }) => ({
    label: t(CHECK_IN_CHOICE_KEYS[answer]),
    url: urlOf(path),
  })),
  note: t('checkins:email.note'),
});
