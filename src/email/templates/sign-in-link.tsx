import { getT } from '../../i18n';

/** The sign-in email: one link, how long it lasts, and what to do if it was not you. */
export interface SignInLinkEmailInput {
  name: string;
  url: string;
  minutes: number;
  locale: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const SignInLinkHtml = ({ input }: { input: SignInLinkEmailInput }) => {
  const t = getT(input.locale);
  return (
    <html lang={input.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t('auth:email.subject')}</title>
      </head>
      <body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">
        <p>{t('auth:email.greeting', { name: input.name })}</p>
        <p>{t('auth:email.intro')}</p>
        <p>
          <a
            href={input.url}
            style="display: inline-block; padding: 12px 20px; background: #1d4f91; color: #ffffff; text-decoration: none; border-radius: 4px; font-weight: bold;"
          >
            {t('auth:email.button')}
          </a>
        </p>
        <p>{t('auth:email.expiry', { minutes: input.minutes })}</p>
        <p>{t('auth:email.copy')}</p>
        <p style="word-break: break-all;">{input.url}</p>
        <p>{t('auth:email.ignore')}</p>
        <p>{t('common:program.name')}</p>
      </body>
    </html>
  );
};

export const renderSignInLinkEmail = async (input: SignInLinkEmailInput): Promise<RenderedEmail> => {
  const t = getT(input.locale);
  const html = `<!doctype html>${await (<SignInLinkHtml input={input} />).toString()}`;
  const text = [
    t('auth:email.greeting', { name: input.name }),
    '',
    t('auth:email.intro'),
    '',
    input.url,
    '',
    t('auth:email.expiry', { minutes: input.minutes }),
    '',
    t('auth:email.ignore'),
    '',
    t('common:program.name'),
    '',
  ].join('\n');
  return { subject: t('auth:email.subject'), html, text };
};
