import { afterEach, beforeEach, expect, test } from 'vitest';
import { enqueueRawMail } from '../../../tests/support/mail';
import { signInAs, signOut } from '../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { MAX_ATTEMPTS } from '../../core/mail/delivery-policy';
import { createMailQueueRepository } from '../../db/repositories/mail/mail-queue-repository';
import { runDueJobs } from '../../jobs';
import { MailDeliveryError, type MailTransport } from '../ports/mail';

/**
 * Dead letters: a message given up is listed for coordinators, a program coordinator sends it
 * again (audited), and the queue then delivers it.
 */
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ now: new Date('2027-03-01T09:00:00Z') });
  for (const [email, countryCodes] of [
    ['lead@example.org', []],
    ['ng@example.org', ['NG']],
  ] as const) {
    await t.ctx.services.people.createCoordinator({
      email,
      countryCodes: [...countryCodes],
      actorPersonId: null,
    });
  }
});
afterEach(async () => {
  await t.dispose();
});

const queueMail = (to: string) =>
  enqueueRawMail(
    t.database.db,
    {
      to,
      subject: `Topic 1 for ${to}`,
      html: '<p>Topic</p>',
      text: 'Topic',
      kind: 'topic',
      dedupeKey: `topic:t1:${to}`,
    },
    t.clock.now(),
  );
const mail = () => createMailQueueRepository(t.database.db);
const refusing: MailTransport = {
  via: 'smtp',
  deliver: async () => {
    throw new MailDeliveryError('550 No such mailbox here', true);
  },
  close: () => {},
};

test('a refused message becomes a dead letter that a program coordinator sends again, once', async () => {
  const { id } = await queueMail('gone@example.org');
  await t.ctx.services.mail.deliverDue({ transport: refusing, mailFrom: t.ctx.config.mailFrom });
  expect(await mail().findMailMessage(id)).toMatchObject({ status: 'failed', attempts: 1 });

  // The mail queue names people of every country: country coordinators neither see nor retry it.
  await signInAs(t, 'ng@example.org');
  expect((await t.request('/outbox/dead-letters')).status).toBe(403);
  expect((await t.postForm('/outbox/dead-letters/retry', { id })).status).toBe(403);

  signOut(t);
  await signInAs(t, 'lead@example.org');
  const list = await (await t.request('/outbox/dead-letters')).text();
  expect(list).toContain('gone@example.org');
  expect(list).toContain('550 No such mailbox here');
  expect(list).toContain('Send all of these again');
  const retried = await t.postForm('/outbox/dead-letters/retry', { id });
  expect(retried.status).toBe(303);
  expect(await (await t.request('/outbox/dead-letters')).text()).toContain('1 email is back in the queue.');
  expect(await mail().findMailMessage(id)).toMatchObject({
    status: 'pending',
    attempts: 0,
    lastError: '550 No such mailbox here',
  });
  const audit = await t.database.db
    .selectFrom('audit_log')
    .select(['action', 'subject_type', 'subject_id'])
    .where('action', '=', 'mail.dead-letter-retried')
    .execute();
  expect(audit).toEqual([
    { action: 'mail.dead-letter-retried', subject_type: 'mail-message', subject_id: id },
  ]);

  // Retrying again does nothing: it is no longer a dead letter.
  await t.postForm('/outbox/dead-letters/retry', { id });
  expect(await (await t.request('/outbox/dead-letters')).text()).toContain('Nothing was sent again');

  const handled = await runDueJobs(t.ctx.jobs().filter((job) => job.name === 'mail-delivery'));
  expect(handled['mail-delivery']).toBeGreaterThanOrEqual(1);
  expect(await mail().findMailMessage(id)).toMatchObject({ status: 'sent', attempts: 1 });
});

test('a message that failed every attempt is a dead letter too; anyone signed out is sent to sign in', async () => {
  const { id } = await queueMail('busy@example.org');
  await t.database.db
    .updateTable('mail_messages')
    .set({ status: 'failed', attempts: MAX_ATTEMPTS, last_error: '421 try later' })
    .where('id', '=', id)
    .execute();
  expect((await mail().listDeadLetters(10)).map((message) => message.id)).toEqual([id]);
  const anonymous = await t.request('/outbox/dead-letters');
  expect(anonymous.status).toBe(303);
  expect(anonymous.headers.get('location')).toContain('/sign-in');
});
