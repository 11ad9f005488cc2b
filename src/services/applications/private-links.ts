import type { Application } from '../../core/applications/application';
import type { ApplicationStatus } from '../../core/applications/application-status';
import { hashToken } from '../../core/applications/application-token';
import { type RoundFacts, roundFactsOf } from '../../core/messages/messages';
import type { Round } from '../../core/rounds';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';

/**
 * An application's private links (ADR 0013). The confirmation email carries the first; later
 * emails (a repeated application, the waitlist at the close) carry new ones, added beside it. No
 * link ever replaces another: whoever holds a link from any of those emails keeps it, so nobody
 * can cancel an applicant's link by applying with their address.
 */

/** A private link is emailed again at most this often per application (so per address and round). */
export const PRIVATE_LINK_RESEND_MINUTES = 60;

/**
 * Asked for (the lost-link page, the sign-in form): at most this many new links per application
 * in PRIVATE_LINK_RESEND_MINUTES. More than one, because whoever asks has usually just missed the
 * confirmation (in spam, or never arrived); few, so a stranger cannot flood the address.
 */
export const REQUESTED_LINKS_PER_HOUR = 3;

/** A new link for the application, stored as a hash; the token is for the email only. */
export const addPrivateLink = async (
  deps: Pick<UseCaseDeps, 'ids'>,
  store: Pick<Store, 'applications'>,
  applicationId: string,
  now: Date,
): Promise<string> => {
  const token = deps.ids.newToken();
  await store.applications.addPrivateLink(applicationId, hashToken(token), now);
  return token;
};

/** When the application last had a link emailed: the newest added link, or the confirmation. */
const lastLinkSentAt = async (
  store: Pick<Store, 'applications'>,
  application: Application,
): Promise<Date> => {
  const latest = await store.applications.findLatestPrivateLinkAt(application.id);
  return latest && latest > application.submittedAt ? latest : application.submittedAt;
};

/**
 * A new link for the application, unless one was emailed in the last PRIVATE_LINK_RESEND_MINUTES
 * (then undefined: the owner has that email, and a stranger cannot make us send more).
 */
export const issuePrivateLinkIfDue = async (
  deps: Pick<UseCaseDeps, 'ids'>,
  store: Pick<Store, 'applications'>,
  application: Application,
  now: Date,
): Promise<string | undefined> => {
  const sentAt = await lastLinkSentAt(store, application);
  if (now.getTime() - sentAt.getTime() < PRIVATE_LINK_RESEND_MINUTES * 60_000) return undefined;
  return addPrivateLink(deps, store, application.id, now);
};

const recordLinkSent = (store: Store, round: Round, application: Application, now: Date, via: string) =>
  store.audit.record(
    {
      actorPersonId: null,
      action: 'application.link-resent',
      subjectType: 'application',
      subjectId: application.id,
      details: { roundId: round.id, via },
    },
    now,
  );

/**
 * Someone applied again with the address of an existing application: its owner is emailed a new
 * link, unless one was emailed in the last PRIVATE_LINK_RESEND_MINUTES (then nothing is sent: the
 * owner has that email). Returns whether an email was queued.
 */
export const resendPrivateLink = async (
  deps: Pick<UseCaseDeps, 'ids'>,
  store: Store,
  round: Round,
  application: Application,
  locale: string,
  now: Date,
): Promise<boolean> => {
  const token = await issuePrivateLinkIfDue(deps, store, application, now);
  if (token === undefined) return false;
  await store.messages.enqueue(
    {
      kind: 'application-link-resent',
      to: application.email,
      locale,
      payload: {
        name: application.answers.name,
        round: roundFactsOf(round),
        timeZone: application.answers.timeZone,
        privateToken: token,
      },
    },
    now,
  );
  await recordLinkSent(store, round, application, now, 'applied-again');
  return true;
};

/**
 * The owner of an address asked for their private links (the lost-link page, the sign-in form, or
 * "applied before?" while already in the round): one email with a new link for each application
 * given, except those that had REQUESTED_LINKS_PER_HOUR new links in the last
 * PRIVATE_LINK_RESEND_MINUTES. Nothing is sent when every one had. Returns how many links were emailed.
 */
export const emailPrivateLinks = async (
  deps: Pick<UseCaseDeps, 'ids'>,
  store: Store,
  entries: readonly { application: Application; round: Round }[],
  locale: string,
  now: Date,
  via: 'lost-link' | 'sign-in' | 'previous-answers',
): Promise<number> => {
  const links: { round: RoundFacts; privateToken: string; status: ApplicationStatus }[] = [];
  const since = new Date(now.getTime() - PRIVATE_LINK_RESEND_MINUTES * 60_000);
  for (const { application, round } of entries) {
    if (
      (await store.applications.countPrivateLinksSince(application.id, since)) >= REQUESTED_LINKS_PER_HOUR
    ) {
      continue;
    }
    const token = await addPrivateLink(deps, store, application.id, now);
    links.push({ round: roundFactsOf(round), privateToken: token, status: application.status });
    await recordLinkSent(store, round, application, now, via);
  }
  const [first] = entries;
  if (!first || links.length === 0) return 0;
  await store.messages.enqueue(
    {
      kind: 'application-links',
      to: first.application.email,
      locale,
      payload: { name: first.application.answers.name, links },
    },
    now,
  );
  return links.length;
};
