import type { TestApp } from './test-app';

/**
 * Signs a test client in the way a person does: asks for a link at /sign-in, then follows the link
 * in the newest email to that address. The person must already exist (createCoordinator).
 */
export const signInAs = async (t: TestApp, email: string): Promise<void> => {
  const asked = await t.postForm('/sign-in', { email });
  if (asked.status !== 200) throw new Error(`POST /sign-in answered ${asked.status}`);
  const messages = await t.database.db
    .selectFrom('mail_messages')
    .select(['text_body', 'created_at'])
    .where('to_address', '=', email.toLowerCase())
    .where('kind', '=', 'sign-in-link')
    .orderBy('created_at', 'desc')
    .execute();
  const link = messages[0]?.text_body.match(/https?:\/\/[^/\s]+(\/sign-in\/verify\?\S+)/)?.[1];
  if (!link) throw new Error(`no sign-in link was emailed to ${email}`);
  const followed = await t.request(link);
  if (followed.status !== 303) throw new Error(`the sign-in link answered ${followed.status}`);
};

/** Forgets the session (and every other cookie) so the client can sign in as someone else. */
export const signOut = (t: TestApp): void => {
  t.cookies.clear();
};
