import { getT } from '../../i18n';
import { renderEmail } from '../layout';
import type { ApplicationEmail } from './application-received';

/** Confirms a withdrawal; says how to apply again while the round is open, and to take part later. */
export const renderApplicationWithdrawnEmail = (input: {
  locale: string;
  name: string;
  roundName: string;
  homeUrl: string;
  /** The round's application form, when it still takes applications. */
  applyUrl?: string | undefined;
}): ApplicationEmail => {
  const t = getT(input.locale);
  const { html, text } = renderEmail({
    t,
    locale: input.locale,
    heading: t('applications:email.withdrawn.heading'),
    paragraphs: [
      t('applications:email.greeting', { name: input.name }),
      t('applications:email.withdrawn.intro', { round: input.roundName }),
      ...(input.applyUrl
        ? [t('applications:email.withdrawn.applyAgain', { round: input.roundName, url: input.applyUrl })]
        : []),
      t('applications:email.withdrawn.later'),
    ],
    action: { label: t('applications:email.withdrawn.button'), url: input.homeUrl },
  });
  return { subject: t('applications:email.withdrawn.subject', { round: input.roundName }), html, text };
};
