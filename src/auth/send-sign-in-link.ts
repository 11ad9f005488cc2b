import type { AppContext } from '../app-context';
import { enqueueMail } from '../db/repositories/mail/mail-queue';
import type { PeopleRepository } from '../db/repositories/people/people-repository';
import { renderSignInLinkEmail } from '../email/templates/sign-in-link';
import { pickLocale } from '../i18n';

/** How long a sign-in link works (it also works only once). */
export const SIGN_IN_LINK_MINUTES = 15;

/** Where a sign-in link points: our own verification route, with where to go afterwards. */
export const signInLinkUrl = (baseUrl: string, token: string, next?: string): string => {
  const url = new URL('/sign-in/verify', baseUrl);
  url.searchParams.set('token', token);
  if (next) url.searchParams.set('next', next);
  return url.toString();
};

/**
 * better-auth's sendMagicLink: renders the email and writes it to the durable mail queue (the
 * worker sends it). Outside production the link is also logged so a newcomer can sign in
 * without a mail server.
 */
export const sendSignInLink = async (
  ctx: AppContext,
  people: PeopleRepository,
  link: { email: string; token: string; metadata?: Record<string, unknown> | undefined },
): Promise<void> => {
  const person = await people.findPersonByEmail(link.email);
  if (!person) {
    // Our sign-in handler only asks for links for known people; never mail anyone else.
    ctx.logger.warn('sign-in link requested for an address that is not a person; nothing sent');
    return;
  }
  const next = typeof link.metadata?.next === 'string' ? link.metadata.next : undefined;
  const locale = pickLocale(typeof link.metadata?.locale === 'string' ? link.metadata.locale : person.locale);
  const url = signInLinkUrl(ctx.config.baseUrl, link.token, next);
  const email = renderSignInLinkEmail({
    name: person.name,
    url,
    minutes: SIGN_IN_LINK_MINUTES,
    locale,
  });
  await enqueueMail(ctx.database.db, { to: person.email, kind: 'sign-in-link', ...email }, ctx.now());
  if (!ctx.config.isProduction) {
    ctx.logger.info({ email: person.email, url }, 'sign-in link (logged outside production only)');
  }
};
