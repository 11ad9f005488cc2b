import { formatDeadlineFor } from '../../core/rounds';
import { type LocalizedText, pickText } from '../../core/surveys/survey';
import { getT } from '../../i18n';
import { renderEmail } from '../layout';

/**
 * The survey invitation and its one reminder: which survey, that answers are anonymous in the
 * results, when it closes (in the participant's zone, named), and the personal link. The survey's
 * title is in the participant's language when a coordinator translated it.
 */
export interface SurveyEmailInput {
  kind: 'invitation' | 'reminder';
  locale: string;
  /** The recipient's own language, for the survey's title (its translations may go further than the interface's). */
  contentLocale?: string;
  name: string;
  roundName: string;
  title: LocalizedText;
  /** The personal link `${baseUrl}/survey/<token>`. */
  url: string;
  closesAt: string;
  timeZone: string;
}

export const renderSurveyEmail = (
  input: SurveyEmailInput,
): { subject: string; html: string; text: string } => {
  const t = getT(input.locale);
  const title = pickText(input.title, input.contentLocale ?? input.locale);
  const closes = formatDeadlineFor(new Date(input.closesAt), input.timeZone, input.locale);
  const isReminder = input.kind === 'reminder';
  const { html, text } = renderEmail({
    t,
    locale: input.locale,
    preheader: t('surveys:email.preheader', { closes }),
    heading: title,
    paragraphs: [
      t('surveys:email.greeting', { name: input.name }),
      isReminder
        ? t('surveys:email.reminderIntro', { round: input.roundName })
        : t('surveys:email.invitationIntro', { round: input.roundName }),
      t('surveys:email.privacy'),
      t('surveys:email.closes', { closes }),
      t('surveys:email.personal'),
    ],
    action: { label: t('surveys:email.button'), url: input.url },
  });
  const subject = isReminder
    ? t('surveys:email.reminderSubject', { title })
    : t('surveys:email.invitationSubject', { title });
  return { subject, html, text };
};
