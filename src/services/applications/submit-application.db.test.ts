import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { insertRound, makeOpenRound, TEST_NOW, validForm } from '../../../tests/support/applicant-fixtures';
import { testServiceDeps } from '../../../tests/support/mail';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { hashToken } from '../../core/applications/application-token';
import { DomainError } from '../../core/errors';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';
import { applyDueRoundTransitions } from '../rounds/apply-due-round-transitions';
import { withdrawApplication } from '../withdrawals/withdraw-application';
import { declineCarryOver } from './decline-carry-over';
import { editApplication } from './edit-application';
import { flagLikelyDuplicates, SETTLE_MS } from './flag-likely-duplicates';
import { viewPrivateApplication } from './get-private-application';
import { submitApplication } from './submit-application';

let database: TestDatabase;
let store: Store;
let applicantDeps: UseCaseDeps;
let now: Date;
const round = makeOpenRound();
const baseUrl = 'https://iln.example.org';

beforeEach(async () => {
  database = await createTestDatabase();
  now = new Date(TEST_NOW);
  const serviceDeps = testServiceDeps(database, {
    config: { baseUrl },
    // Each call a second later, so submission order is the order of the calls.
    now: () => {
      now = new Date(now.getTime() + 1000);
      return now;
    },
  });
  store = serviceDeps.store;
  applicantDeps = { ...serviceDeps, uow: serviceDeps.applicantUow };
  await insertRound(database.db, round);
});
afterEach(async () => {
  await database.dispose();
});

const deps = (): UseCaseDeps => applicantDeps;

/** The applicant side's dependencies with a clock that stands still. */
const fixedDeps = (at: Date = new Date(TEST_NOW)): UseCaseDeps => {
  const fixed = testServiceDeps(database, { config: { baseUrl }, now: () => at });
  return { ...fixed, uow: fixed.applicantUow };
};

const submit = (form: Record<string, string | string[]>, dependencies = deps()) =>
  submitApplication(dependencies, { roundId: round.id, form, locale: 'en' });

const person = (index: number, country = 'BR', zone = 'America/Sao_Paulo') =>
  validForm({
    name: `Person ${index} ${'abcdefghijklmnopqrstuvwxyz'[index % 26]}${index * 7919}`,
    email: `p${index}@example.org`,
    countryOfResidence: country,
    timeZone: zone,
  });

const rowsOf = () =>
  database.db
    .selectFrom('applications')
    .selectAll()
    .where('round_id', '=', round.id)
    .orderBy('submitted_at')
    .execute();
const mailRows = () => database.db.selectFrom('mail_messages').selectAll().orderBy('created_at').execute();

/** The schedule closes the round at its deadline, settling the quota. */
const closeRound = async () => {
  const at = new Date('2027-03-01T00:00:00Z');
  return applyDueRoundTransitions(testServiceDeps(database, { config: { baseUrl }, now: () => at }));
};

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof DomainError ? error.code : `unexpected: ${String(error)}`;
  }
};

describe('submitApplication', () => {
  test('applications are received as pending; the quota is settled once, when the round closes', async () => {
    const statuses: string[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await submit(person(i))).status);
    const argentine = await submit(person(6, 'AR', 'America/Argentina/Buenos_Aires'));
    expect([...statuses, argentine.status]).toEqual(Array(7).fill('pending'));
    const received = await mailRows();
    expect(received.map((mail) => mail.kind)).toEqual(Array(7).fill('application-received'));
    expect(received[0]!.text_body).toContain('once applications close');

    expect(await closeRound()).toEqual([{ roundId: round.id, from: 'open', to: 'closed' }]);
    // 7 applications: cap = max(5, ceil(1.4)) = 5, so the sixth from Brazil waits.
    expect((await rowsOf()).map((row) => row.status)).toEqual([
      ...Array(5).fill('pending'),
      'waitlisted',
      'pending',
    ]);
    const waitlistMail = (await mailRows()).filter((mail) => mail.kind === 'application-waitlisted-by-quota');
    expect(waitlistMail.map((mail) => mail.to_address)).toEqual(['p5@example.org']);
    expect(waitlistMail[0]!.text_body).toContain('carried into the next round');
    expect(waitlistMail[0]!.text_body).toContain('the link in your confirmation email still works');
    // Closing twice settles nothing twice.
    expect(await closeRound()).toEqual([]);
    expect((await mailRows()).filter((mail) => mail.kind === 'application-waitlisted-by-quota')).toHaveLength(
      1,
    );
  });

  test('an early applicant from a big country keeps the place the final cap gives them', async () => {
    // Judged on arrival, the sixth Brazilian (6 applications so far: cap 5) would have been
    // waitlisted; by the close the round has 27 applications and a cap of 6.
    for (let i = 0; i < 6; i++) await submit(person(i));
    for (let i = 6; i < 26; i++) await submit(person(i, 'AR', 'America/Argentina/Buenos_Aires'));
    await submit(person(26));
    await closeRound();
    const brazil = (await rowsOf()).filter((row) => row.country_code === 'BR');
    expect(brazil.map((row) => row.status)).toEqual([...Array(6).fill('pending'), 'waitlisted']);
    // Argentina's 20 are over 6 too: its first 6 keep their places.
    const argentina = (await rowsOf()).filter((row) => row.country_code === 'AR');
    expect(argentina.filter((row) => row.status === 'pending')).toHaveLength(6);
  });

  test('stores only the hash of the private token, and the email and the audit entry with the application', async () => {
    const result = await submit(validForm());
    const [row] = await rowsOf();
    expect(row!.edit_token_hash).toBe(hashToken(result.token));
    expect(row!.edit_token_hash).not.toContain(result.token);
    const [mail] = await mailRows();
    expect(mail!.to_address).toBe('ana@example.org');
    expect(mail!.text_body).toContain(`${baseUrl}/applications/${result.token}`);
    expect(mail!.created_at).toBe(row!.submitted_at);
    const audit = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_id', '=', result.applicationId)
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['application.submitted']);
  });

  test('keeps the language the applicant applied in, for later emails about the application', async () => {
    const result = await submitApplication(deps(), {
      roundId: round.id,
      form: validForm(),
      locale: 'pt',
    });
    const stored = await store.applications.getApplication(result.applicationId);
    expect(stored.locale).toBe('pt');
    const [row] = await rowsOf();
    expect(row!.locale).toBe('pt');
  });

  test('the email is written in the same transaction: when queuing it fails, no application is stored', async () => {
    const base = deps();
    const failing: UseCaseDeps = {
      ...base,
      uow: {
        ...base.uow,
        transaction: (work) =>
          base.uow.transaction((inner) =>
            work({
              ...inner,
              messages: {
                ...inner.messages,
                enqueue: async () => {
                  throw new Error('mail queue unavailable');
                },
                enqueueAll: async () => {
                  throw new Error('mail queue unavailable');
                },
              },
            }),
          ),
      },
    };
    await expect(submit(validForm(), failing)).rejects.toThrow('mail queue unavailable');
    expect(await rowsOf()).toEqual([]);
    expect(await mailRows()).toEqual([]);
  });

  test('a second application from the same address is CONFLICT, stores no second row and re-sends the link (not within the hour)', async () => {
    await submit(validForm());
    const againAfter = (minutes: number) =>
      submit(
        validForm({ email: ' Ana@Example.org', name: 'Someone else' }),
        fixedDeps(new Date(TEST_NOW.getTime() + minutes * 60_000)),
      );
    expect(await codeOf(againAfter(30))).toBe('CONFLICT');
    expect((await mailRows()).map((mail) => mail.kind)).toEqual(['application-received']);
    expect(await codeOf(againAfter(62))).toBe('CONFLICT');
    expect(await rowsOf()).toHaveLength(1);
    expect((await mailRows()).map((mail) => mail.kind)).toEqual([
      'application-received',
      'application-link-resent',
    ]);
  });

  test('likely duplicates (similar name, same country) are flagged a moment later by the duplicate worker', async () => {
    const first = await submit(validForm());
    const second = await submit(validForm({ name: 'Ána  Lima', email: 'ana.lima@work.example.org' }));
    const other = await submit(
      validForm({
        name: 'Ana Lima',
        email: 'other@example.org',
        countryOfResidence: 'PT',
        timeZone: 'Europe/Lisbon',
      }),
    );
    const flags = async () =>
      Object.fromEntries(
        (
          await database.db
            .selectFrom('applications')
            .select(['id', 'duplicate_of', 'duplicate_reason', 'duplicate_checked'])
            .execute()
        ).map((row) => [row.id, [row.duplicate_of, row.duplicate_reason, row.duplicate_checked]]),
      );
    // Stored unchecked: the submission itself does not read the round's other names.
    expect(Object.values(await flags()).map((flag) => flag[2])).toEqual([0, 0, 0]);
    // Checked once every earlier submission has surely committed (SETTLE_MS later).
    expect(await flagLikelyDuplicates(testServiceDeps(database, { now: () => now }))).toBe(0);
    const settled = testServiceDeps(database, { now: () => new Date(now.getTime() + SETTLE_MS + 1000) });
    expect(await flagLikelyDuplicates(settled)).toBe(3);
    expect(await flags()).toEqual({
      [first.applicationId]: [null, null, 1],
      [second.applicationId]: [first.applicationId, 'same-name', 1],
      [other.applicationId]: [null, null, 1],
    });
    expect(await flagLikelyDuplicates(settled)).toBe(0);
  });

  test('refuses invalid answers (VALIDATION with field problems) and closed rounds (CONFLICT)', async () => {
    const error = await submit(validForm({ name: '' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details).toContainEqual({ field: 'name', code: 'name.missing' });
    now = new Date('2027-03-01T00:00:00Z');
    expect(await codeOf(submit(validForm()))).toBe('CONFLICT');
    expect(await rowsOf()).toHaveLength(0);
  });

  test('200 concurrent submissions: every one stored once; the close gives the first 40 their places', {
    timeout: 120_000,
  }, async () => {
    const fixed = fixedDeps();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        codeOf(submitApplication(fixed, { roundId: round.id, form: person(i), locale: 'en' })),
      ),
    );
    expect(results.filter((result) => result !== 'ok')).toEqual([]);
    expect(await rowsOf()).toHaveLength(200);
    expect(await mailRows()).toHaveLength(200);
    // All from one country: cap = max(5, ceil(20% of 200)) = 40 places at the close.
    await closeRound();
    expect((await rowsOf()).filter((row) => row.status === 'pending')).toHaveLength(40);
    expect((await mailRows()).filter((mail) => mail.kind === 'application-waitlisted-by-quota')).toHaveLength(
      160,
    );
  });

  test('submissions racing the close: each either lands before the quota is settled or is refused', {
    timeout: 120_000,
  }, async () => {
    const fixed = fixedDeps();
    const submissions = Array.from({ length: 300 }, (_, i) =>
      codeOf(submitApplication(fixed, { roundId: round.id, form: person(i), locale: 'en' })),
    );
    // The close starts once the first 20 are stored, while the other 280 are on their way.
    const closing = Promise.all(submissions.slice(0, 20)).then(closeRound);
    const results = await Promise.all(submissions);
    expect(await closing).toHaveLength(1);
    expect(results.slice(0, 20).every((result) => result === 'ok')).toBe(true);
    expect(results.every((result) => result === 'ok' || result === 'CONFLICT')).toBe(true);
    const rows = await rowsOf();
    expect(rows).toHaveLength(results.filter((result) => result === 'ok').length);
    // Every stored application was seen by the settlement: no more than the cap hold places.
    const cap = Math.max(5, Math.ceil(0.2 * rows.length));
    expect(rows.filter((row) => row.status === 'pending')).toHaveLength(Math.min(cap, rows.length));
  });

  test('concurrent submissions from one address: one stored, the rest CONFLICT (or over the per-address limit), never an unexpected error', {
    timeout: 60_000,
  }, async () => {
    const fixed = fixedDeps();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        codeOf(submitApplication(fixed, { roundId: round.id, form: validForm(), locale: 'en' })),
      ),
    );
    expect(results.filter((result) => result === 'ok')).toHaveLength(1);
    expect(results.filter((result) => result === 'CONFLICT' || result === 'RATE_LIMITED')).toHaveLength(19);
    expect(await rowsOf()).toHaveLength(1);
  });
});

describe('editing, withdrawing, declining carry-over', () => {
  test('moving country before the close counts at the original place in the queue', async () => {
    const argentine = await submit(person(0, 'AR', 'America/Argentina/Buenos_Aires'));
    for (let i = 1; i < 6; i++) await submit(person(i));
    // Into Brazil, but ahead of the five Brazilians: the last of them waits instead.
    await editApplication(deps(), { token: argentine.token, form: person(0) });
    await closeRound();
    const statuses = (await rowsOf()).map((row) => [row.email, row.status]);
    expect(statuses[0]).toEqual(['p0@example.org', 'pending']);
    expect(statuses.at(-1)).toEqual(['p5@example.org', 'waitlisted']);
  });

  test('edits are saved while the round takes applications and refused after it closes', async () => {
    const { token, applicationId } = await submit(validForm());
    await editApplication(deps(), {
      token,
      form: validForm({ role: 'Archivist', email: 'ignored@example.org' }),
    });
    const stored = await store.applications.getApplication(applicationId);
    expect(stored.answers.role).toBe('Archivist');
    expect(stored.email).toBe('ana@example.org');
    now = new Date('2027-03-01T00:00:00Z');
    expect(await codeOf(editApplication(deps(), { token, form: validForm({ role: 'Late change' }) }))).toBe(
      'CONFLICT',
    );
    expect((await store.applications.getApplication(applicationId)).answers.role).toBe('Archivist');
    expect(await codeOf(editApplication(deps(), { token: 'x'.repeat(43), form: validForm() }))).toBe(
      'NOT_FOUND',
    );
  });

  test('withdraw: status withdrawn, an email and an audit entry; twice is CONFLICT; edits are then refused', async () => {
    const { token, applicationId } = await submit(validForm());
    await withdrawApplication(deps(), { token, locale: 'en' });
    expect((await store.applications.getApplication(applicationId)).status).toBe('withdrawn');
    expect((await mailRows()).map((mail) => mail.kind)).toEqual([
      'application-received',
      'application-withdrawn',
    ]);
    expect(await codeOf(withdrawApplication(deps(), { token, locale: 'en' }))).toBe('CONFLICT');
    expect(await codeOf(editApplication(deps(), { token, form: validForm() }))).toBe('CONFLICT');
    const actions = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', applicationId)
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['application.submitted', 'application.withdrawn']);
  });

  test('a withdrawn application frees its place for the quota of later applications', async () => {
    const first = await submit(person(0));
    for (let i = 1; i < 6; i++) await submit(person(i));
    await withdrawApplication(deps(), { token: first.token, locale: 'en' });
    await closeRound();
    expect((await rowsOf()).map((row) => row.status)).toEqual(['withdrawn', ...Array(5).fill('pending')]);
  });

  test('only a waitlisted applicant can decline carry-over, once, through the link the waitlist email brought', async () => {
    for (let i = 0; i < 5; i++) await submit(person(i));
    const waitlisted = await submit(person(5));
    const pending = await submit(person(6, 'AR', 'America/Argentina/Buenos_Aires'));
    expect(await codeOf(declineCarryOver(deps(), { token: waitlisted.token }))).toBe('CONFLICT');
    await closeRound();
    expect(await codeOf(declineCarryOver(deps(), { token: pending.token }))).toBe('CONFLICT');
    const mail = (await mailRows()).find((row) => row.kind === 'application-waitlisted-by-quota')!;
    const token = new RegExp(`${baseUrl}/applications/([A-Za-z0-9_-]+)`).exec(mail.text_body)![1]!;
    expect(token).not.toBe(waitlisted.token);
    await declineCarryOver(deps(), { token });
    expect((await store.applicantRecords.findFlags(waitlisted.applicationId))?.declinedCarryOver).toBe(true);
    expect(await codeOf(declineCarryOver(deps(), { token }))).toBe('CONFLICT');
  });

  test('settling the quota adds a link: the confirmation’s link keeps working after the waitlist email', async () => {
    for (let i = 0; i < 5; i++) await submit(person(i));
    const waitlisted = await submit(person(5));
    await closeRound();
    const mail = (await mailRows()).find((row) => row.kind === 'application-waitlisted-by-quota')!;
    expect(mail.text_body).not.toContain('no longer works');
    const token = new RegExp(`${baseUrl}/applications/([A-Za-z0-9_-]+)`).exec(mail.text_body)![1]!;
    const viewed = [waitlisted.token, token].map((each) => viewPrivateApplication(deps(), each));
    for (const view of await Promise.all(viewed)) {
      expect(view.application.id).toBe(waitlisted.applicationId);
      expect(view.canDeclineCarryOver).toBe(true);
    }
  });
});
