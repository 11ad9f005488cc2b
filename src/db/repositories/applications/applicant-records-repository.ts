import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { type DuplicateReason, normaliseName } from '../../../core/applications';
import { DomainError } from '../../../core/errors';
import { normalizeEmail } from '../../../core/people/person';
import type { ApplicantRecordsRepository } from '../../../services/ports/applications';
import type { Dialect } from '../../connection';
import type { Database } from '../../schema';
import { toRound } from '../rounds/rounds-repository';

/**
 * The applicant side's own columns and tables (migration 0004): the carry-over choice and the
 * duplicate flag on applications, previous-answers links and their rate limit, and the round lock
 * that keeps submissions out of a closing round.
 */
type Db = Kysely<Database> | Transaction<Database>;

const DUPLICATE_REASONS = new Set<string>(['same-email', 'same-name', 'similar-name', 'name-contained']);

/** One counted request (also written in batches: batched-writes.ts). */
export const linkRequestRow = (keyHash: string, at: Date) => ({
  id: randomUUID(),
  key_hash: keyHash,
  requested_at: at.toISOString(),
});

export const createApplicantRecordsRepository = (db: Db, dialect: Dialect): ApplicantRecordsRepository => ({
  lockRoundShared: async (roundId) => {
    const query = db.selectFrom('rounds').selectAll().where('id', '=', roundId);
    const row = await (dialect === 'postgres' ? query.forShare() : query).executeTakeFirst();
    if (!row) throw new DomainError('NOT_FOUND', 'round.notFound', { id: roundId });
    return toRound(row);
  },
  findFlags: async (applicationId) => {
    const row = await db
      .selectFrom('applications')
      .select(['declined_carry_over', 'duplicate_of', 'duplicate_reason', 'withdrawn_at'])
      .where('id', '=', applicationId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      declinedCarryOver: row.declined_carry_over === 1,
      duplicateOf: row.duplicate_of ?? null,
      duplicateReason:
        row.duplicate_reason && DUPLICATE_REASONS.has(row.duplicate_reason)
          ? (row.duplicate_reason as DuplicateReason)
          : null,
      withdrawnAt: row.withdrawn_at ? new Date(row.withdrawn_at) : null,
    };
  },
  setDeclinedCarryOver: async (applicationId, now) => {
    await db
      .updateTable('applications')
      .set({ declined_carry_over: 1, updated_at: now.toISOString() })
      .where('id', '=', applicationId)
      .execute();
  },
  markWithdrawn: async (applicationId, now) => {
    await db
      .updateTable('applications')
      .set({ status: 'withdrawn', withdrawn_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', applicationId)
      .execute();
  },
  reopenWithdrawn: async (applicationId, fresh, now) => {
    const at = now.toISOString();
    const result = await db
      .updateTable('applications')
      .set({
        status: 'pending',
        answers: JSON.stringify(fresh.answers),
        name: fresh.answers.name,
        name_key: normaliseName(fresh.answers.name),
        email: normalizeEmail(fresh.answers.email),
        country_code: fresh.answers.countryOfResidence,
        locale: fresh.locale,
        submitted_at: at,
        updated_at: at,
        withdrawn_at: null,
        declined_carry_over: 0,
        decline_reason: null,
        duplicate_of: null,
        duplicate_reason: null,
        duplicate_checked: 0,
      })
      .where('id', '=', applicationId)
      .where('status', '=', 'withdrawn')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
  insertPrefillLink: async (tokenHash, email, expiresAt, now) => {
    await db
      .insertInto('prefill_links')
      .values({
        token_hash: tokenHash,
        email: normalizeEmail(email),
        created_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
        used_at: null,
      })
      .execute();
  },
  findPrefillLink: async (tokenHash) => {
    const row = await db
      .selectFrom('prefill_links')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row
      ? {
          email: row.email,
          expiresAt: new Date(row.expires_at),
          usedAt: row.used_at ? new Date(row.used_at) : null,
        }
      : undefined;
  },
  markPrefillLinkUsed: async (tokenHash, now) => {
    await db
      .updateTable('prefill_links')
      .set({ used_at: now.toISOString() })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .execute();
  },
  countLinkRequestsSince: async (keyHash, since) => {
    const row = await db
      .selectFrom('application_link_requests')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('key_hash', '=', keyHash)
      .where('requested_at', '>', since.toISOString())
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },
  recordLinkRequest: async (keyHash, at) => {
    await db.insertInto('application_link_requests').values(linkRequestRow(keyHash, at)).execute();
  },
  pruneLinkRequestsBefore: async (before) => {
    await db
      .deleteFrom('application_link_requests')
      .where('requested_at', '<', before.toISOString())
      .execute();
  },
});
