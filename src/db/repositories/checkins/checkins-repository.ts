import type { Kysely, Selectable } from 'kysely';
import { type CheckIn, isCheckInAnswer } from '../../../core/checkins/check-in';
import { SILENCE_REASONS } from '../../../core/checkins/silent-partners';
import type { CheckInRecipient, CheckInsRepository, StoredEpisode } from '../../../services/ports/checkins';
import type { Database } from '../../schema';
import type { CheckInsTable, SilentPartnerEpisodesTable } from '../../tables/checkins';

const toCheckIn = (row: Selectable<CheckInsTable>): CheckIn => {
  if (!isCheckInAnswer(row.answer)) {
    throw new Error(
      `check-in of ${row.application_id} for fortnight ${row.fortnight} has answer ${row.answer}`,
    );
  }
  return {
    applicationId: row.application_id,
    roundId: row.round_id,
    fortnight: Number(row.fortnight),
    partnershipId: row.partnership_id,
    answer: row.answer,
    answeredAt: new Date(row.answered_at),
    source: row.source === 'area' ? 'area' : 'link',
  };
};

const toEpisode = (row: Selectable<SilentPartnerEpisodesTable>): StoredEpisode => {
  const reason = SILENCE_REASONS.find((value) => value === row.reason);
  if (!reason) throw new Error(`silent-partner episode ${row.episode} has reason ${row.reason}`);
  return {
    partnershipId: row.partnership_id,
    episode: row.episode,
    reason,
    remindedAt: row.reminded_at ? new Date(row.reminded_at) : null,
    dismissedAt: row.dismissed_at ? new Date(row.dismissed_at) : null,
    dismissedByPersonId: row.dismissed_by_person_id,
  };
};

const checkInRow = (checkIn: CheckIn, now: Date) => ({
  application_id: checkIn.applicationId,
  fortnight: checkIn.fortnight,
  round_id: checkIn.roundId,
  partnership_id: checkIn.partnershipId,
  answer: checkIn.answer,
  source: checkIn.source,
  answered_at: checkIn.answeredAt.toISOString(),
  created_at: now.toISOString(),
});

/** The participant's own zone from the application's answers; nothing else of them is read. */
const timeZoneOf = (answers: string): string => {
  try {
    const value = (JSON.parse(answers) as Record<string, unknown>).timeZone;
    return typeof value === 'string' && value !== '' ? value : 'UTC';
  } catch {
    return 'UTC';
  }
};

const toRecipient = (row: {
  id: string;
  name: string;
  email: string;
  locale: string | undefined;
  answers: string;
}): CheckInRecipient => ({
  applicationId: row.id,
  name: row.name,
  email: row.email,
  locale: row.locale ?? 'en',
  timeZone: timeZoneOf(row.answers),
});

export const createCheckInsRepository = (db: Kysely<Database>): CheckInsRepository => {
  /** Members of the round's running partnerships who have not left them, as applications. */
  const peopleInPartnerships = (roundId: string) =>
    db
      .selectFrom('applications as a')
      .innerJoin('partnership_members as m', 'm.application_id', 'a.id')
      .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
      .where('p.round_id', '=', roundId)
      .where('p.status', '=', 'active')
      .where('m.left_at', 'is', null);

  const runningMemberships = () =>
    db
      .selectFrom('partnership_members as m')
      .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
      .select(['m.application_id', 'm.partnership_id', 'p.round_id'])
      .where('p.status', '=', 'active')
      .where('m.left_at', 'is', null);

  return {
    insertLinks: async (links, now) => {
      const SLICE = 200;
      for (let start = 0; start < links.length; start += SLICE) {
        await db
          .insertInto('check_in_links')
          .values(
            links.slice(start, start + SLICE).map((link) => ({
              token_hash: link.tokenHash,
              application_id: link.applicationId,
              round_id: link.roundId,
              fortnight: link.fortnight,
              expires_at: link.expiresAt.toISOString(),
              created_at: now.toISOString(),
            })),
          )
          .execute();
      }
    },
    findLink: async (tokenHash) => {
      const row = await db
        .selectFrom('check_in_links')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return (
        row && {
          applicationId: row.application_id,
          roundId: row.round_id,
          fortnight: Number(row.fortnight),
          expiresAt: new Date(row.expires_at),
        }
      );
    },

    findCheckIn: async (applicationId, fortnight) => {
      const row = await db
        .selectFrom('check_ins')
        .selectAll()
        .where('application_id', '=', applicationId)
        .where('fortnight', '=', fortnight)
        .executeTakeFirst();
      return row ? toCheckIn(row) : undefined;
    },
    insertCheckIn: async (checkIn, now) => {
      const result = await db
        .insertInto('check_ins')
        .values(checkInRow(checkIn, now))
        .onConflict((oc) => oc.columns(['application_id', 'fortnight']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    insertCheckIns: async (checkIns, now) => {
      const SLICE = 200;
      for (let start = 0; start < checkIns.length; start += SLICE) {
        await db
          .insertInto('check_ins')
          .values(checkIns.slice(start, start + SLICE).map((checkIn) => checkInRow(checkIn, now)))
          .onConflict((oc) => oc.columns(['application_id', 'fortnight']).doNothing())
          .execute();
      }
    },
    updateCheckIn: async ({ applicationId, fortnight }, change) => {
      await db
        .updateTable('check_ins')
        .set({
          answer: change.answer,
          answered_at: change.answeredAt.toISOString(),
          partnership_id: change.partnershipId,
          source: change.source,
        })
        .where('application_id', '=', applicationId)
        .where('fortnight', '=', fortnight)
        .execute();
    },
    listCheckInsOf: async (applicationIds) => {
      if (applicationIds.length === 0) return [];
      const rows = await db
        .selectFrom('check_ins')
        .selectAll()
        .where('application_id', 'in', [...applicationIds])
        .orderBy('fortnight', 'desc')
        .orderBy('application_id')
        .execute();
      return rows.map(toCheckIn);
    },
    listRoundCheckIns: async (roundId) =>
      (
        await db
          .selectFrom('check_ins')
          .selectAll()
          .where('round_id', '=', roundId)
          .orderBy('fortnight')
          .orderBy('application_id')
          .execute()
      ).map(toCheckIn),

    findRunningMembership: async (applicationId) => {
      const row = await runningMemberships().where('m.application_id', '=', applicationId).executeTakeFirst();
      return (
        row && { applicationId: row.application_id, partnershipId: row.partnership_id, roundId: row.round_id }
      );
    },
    listRunningMembershipsOfPerson: async (personId) =>
      (
        await runningMemberships()
          .where('m.person_id', '=', personId)
          .orderBy('p.created_at', 'desc')
          .execute()
      ).map((row) => ({
        applicationId: row.application_id,
        partnershipId: row.partnership_id,
        roundId: row.round_id,
      })),

    listTopicDays: async (roundId) =>
      (
        await db
          .selectFrom('topics')
          .select('publish_on')
          .where('round_id', '=', roundId)
          // A draft is never sent, so its fortnight still needs a check-in email of its own.
          .where('status', '=', 'scheduled')
          .execute()
      ).map((row) => row.publish_on),
    listPromptRecipients: async ({ roundId, fortnight, limit }) => {
      const rows = await peopleInPartnerships(roundId)
        .select(['a.id', 'a.name', 'a.email', 'a.locale', 'a.answers'])
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('check_in_prompts as s')
                .select('s.application_id')
                .whereRef('s.application_id', '=', 'a.id')
                .where('s.fortnight', '=', fortnight),
            ),
          ),
        )
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('check_ins as c')
                .select('c.application_id')
                .whereRef('c.application_id', '=', 'a.id')
                .where('c.fortnight', '=', fortnight),
            ),
          ),
        )
        .orderBy('a.id')
        .limit(limit)
        .execute();
      return rows.map(toRecipient);
    },
    recordPrompts: async ({ roundId, fortnight, applicationIds, now }) => {
      if (applicationIds.length === 0) return new Set();
      const inserted = await db
        .insertInto('check_in_prompts')
        .values(
          applicationIds.map((applicationId) => ({
            application_id: applicationId,
            fortnight,
            round_id: roundId,
            sent_at: now.toISOString(),
          })),
        )
        .onConflict((oc) => oc.columns(['application_id', 'fortnight']).doNothing())
        .returning('application_id')
        .execute();
      return new Set(inserted.map((row) => row.application_id));
    },

    listEpisodes: async (roundId) =>
      (
        await db
          .selectFrom('silent_partner_episodes')
          .selectAll()
          .where('round_id', '=', roundId)
          .orderBy('created_at')
          .execute()
      ).map(toEpisode),
    recordReminder: async ({ partnershipId, episode, roundId, reason, now }) => {
      const result = await db
        .insertInto('silent_partner_episodes')
        .values({
          partnership_id: partnershipId,
          episode,
          round_id: roundId,
          reason,
          reminded_at: now.toISOString(),
          dismissed_at: null,
          dismissed_by_person_id: null,
          created_at: now.toISOString(),
        })
        .onConflict((oc) => oc.columns(['partnership_id', 'episode']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    dismissEpisode: async ({ partnershipId, episode, roundId, reason, personId, now }) => {
      await db
        .insertInto('silent_partner_episodes')
        .values({
          partnership_id: partnershipId,
          episode,
          round_id: roundId,
          reason,
          reminded_at: null,
          dismissed_at: null,
          dismissed_by_person_id: null,
          created_at: now.toISOString(),
        })
        .onConflict((oc) => oc.columns(['partnership_id', 'episode']).doNothing())
        .execute();
      const result = await db
        .updateTable('silent_partner_episodes')
        .set({ dismissed_at: now.toISOString(), dismissed_by_person_id: personId })
        .where('partnership_id', '=', partnershipId)
        .where('episode', '=', episode)
        .where('dismissed_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    listClosingRecipients: async ({ roundId, limit }) => {
      const rows = await db
        .selectFrom('applications as a')
        .innerJoin('partnership_members as m', 'm.application_id', 'a.id')
        .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
        .select(['a.id', 'a.name', 'a.email', 'a.locale', 'a.answers'])
        .where('p.round_id', '=', roundId)
        .where('p.end_reason', '=', 'round-ended')
        .where('m.left_reason', '=', 'partnership-ended')
        .whereRef('m.left_at', '=', 'p.ended_at')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('round_closing_emails as r')
                .select('r.application_id')
                .whereRef('r.application_id', '=', 'a.id')
                .where('r.round_id', '=', roundId),
            ),
          ),
        )
        .orderBy('a.id')
        .limit(limit)
        .execute();
      return rows.map(toRecipient);
    },
    recordClosingEmails: async ({ roundId, applicationIds, now }) => {
      if (applicationIds.length === 0) return new Set();
      const inserted = await db
        .insertInto('round_closing_emails')
        .values(
          applicationIds.map((applicationId) => ({
            round_id: roundId,
            application_id: applicationId,
            recorded_at: now.toISOString(),
          })),
        )
        .onConflict((oc) => oc.columns(['round_id', 'application_id']).doNothing())
        .returning('application_id')
        .execute();
      return new Set(inserted.map((row) => row.application_id));
    },
  };
};
