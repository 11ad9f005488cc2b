import { getT } from '../../i18n';
import { renderEmail } from '../layout';

/** The sign-in email: one link, how long it lasts, and what to do if it was not you. */
export interface SignInLinkEmailInput {
  name: string;
  url: string;
  minutes: number;
  locale: string;
}

export interface SignInLinkEmail {
  subject: string;
  html: string;
  text: string;
}

export const renderSignInLinkEmail = (input: SignInLinkEmailInput): SignInLinkEmail => {
  const t = getT(input.locale);
  const expiry = t('auth:email.expiry', { minutes: input.minutes });
  const { html, text } = renderEmail({
    t,
    locale: input.locale,
    preheader: expiry,
    heading: t('auth:email.heading'),
    paragraphs: [
      t('auth:email.greeting', { name: input.name }),
      t('auth:email.intro'),
      expiry,
      t('auth:email.ignore'),
    ],
    action: { label: t('auth:email.button'), url: input.url },
  });
  return { subject: t('auth:email.subject'), html, text };
};
