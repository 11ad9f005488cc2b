import type { Kysely, Selectable } from 'kysely';
import type { ApplicationAnswers } from '../../../core/applications/application-answers';
import type { MatchRun, MatchSnapshot, Partnership, PartnershipExplanation } from '../../../core/matchmaking';
import type { MatchSettingsInput } from '../../../core/scoring/match-settings';
import type {
  MatchingRepository,
  MatchRunSummary,
  PartnershipMember,
  StoredMatchRun,
  StoredPartnership,
} from '../../../services/ports/matching';
import type { Database } from '../../schema';
import type { MatchRunsTable, PartnershipMembersTable, PartnershipsTable } from '../../tables/matching';

const toRun = (row: Selectable<MatchRunsTable>): StoredMatchRun => ({
  id: row.id,
  roundId: row.round_id,
  number: Number(row.number),
  status: row.status,
  snapshot: JSON.parse(row.snapshot) as MatchSnapshot,
  result: JSON.parse(row.result) as MatchRun,
  explanations: JSON.parse(row.explanations) as PartnershipExplanation[],
  seconds: Number(row.seconds),
  createdByPersonId: row.created_by_person_id,
  createdAt: new Date(row.created_at),
  publishedAt: row.published_at ? new Date(row.published_at) : null,
});

const toMember = (row: Selectable<PartnershipMembersTable>): PartnershipMember => ({
  applicationId: row.application_id,
  personId: row.person_id,
  joinedAt: new Date(row.joined_at),
  leftAt: row.left_at ? new Date(row.left_at) : null,
  leftReason: row.left_reason,
});

const membersKey = (ids: readonly string[]) => [...ids].sort().join(',');

export const createMatchingRepository = (db: Kysely<Database>): MatchingRepository => {
  /** Partnerships with their members, in creation order. */
  const withMembers = async (rows: Selectable<PartnershipsTable>[]): Promise<StoredPartnership[]> => {
    if (rows.length === 0) return [];
    const members = await db
      .selectFrom('partnership_members')
      .selectAll()
      .where(
        'partnership_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('joined_at')
      .orderBy('application_id')
      .execute();
    const byPartnership = new Map<string, PartnershipMember[]>();
    for (const member of members) {
      const list = byPartnership.get(member.partnership_id) ?? [];
      list.push(toMember(member));
      byPartnership.set(member.partnership_id, list);
    }
    return rows.map((row) => ({
      id: row.id,
      roundId: row.round_id,
      runId: row.run_id,
      status: row.status,
      details: JSON.parse(row.details) as Partnership,
      members: byPartnership.get(row.id) ?? [],
      createdAt: new Date(row.created_at),
      endedAt: row.ended_at ? new Date(row.ended_at) : null,
      endReason: row.end_reason,
    }));
  };

  return {
    findSettings: async (roundId) => {
      const row = await db
        .selectFrom('rounds')
        .select('match_settings')
        .where('id', '=', roundId)
        .executeTakeFirst();
      return row?.match_settings ? (JSON.parse(row.match_settings) as MatchSettingsInput) : undefined;
    },
    saveSettings: async (roundId, settings, now) => {
      await db
        .updateTable('rounds')
        .set({ match_settings: JSON.stringify(settings), updated_at: now.toISOString() })
        .where('id', '=', roundId)
        .execute();
    },
    listCandidates: async (roundId) => {
      const rows = await db
        .selectFrom('applications')
        .select(['id', 'person_id', 'email', 'name', 'country_code', 'locale', 'status', 'answers'])
        .where('round_id', '=', roundId)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        applicationId: row.id,
        personKey: row.email,
        personId: row.person_id,
        name: row.name,
        email: row.email,
        countryCode: row.country_code,
        locale: row.locale ?? 'en',
        status: row.status,
        answers: JSON.parse(row.answers) as ApplicationAnswers,
      }));
    },
    listPastPartnerKeys: async (exceptRoundId) => {
      const rows = await db
        .selectFrom('partnership_members')
        .innerJoin('partnerships', 'partnerships.id', 'partnership_members.partnership_id')
        .innerJoin('applications', 'applications.id', 'partnership_members.application_id')
        .select(['partnership_members.partnership_id', 'applications.email'])
        .where('partnerships.round_id', '!=', exceptRoundId)
        .orderBy('partnership_members.partnership_id')
        .execute();
      const byPartnership = new Map<string, string[]>();
      for (const row of rows) {
        const list = byPartnership.get(row.partnership_id) ?? [];
        list.push(row.email);
        byPartnership.set(row.partnership_id, list);
      }
      const pairs = new Map<string, [string, string]>();
      for (const emails of byPartnership.values()) {
        for (let i = 0; i < emails.length; i++) {
          for (let j = i + 1; j < emails.length; j++) {
            const pair = [emails[i]!, emails[j]!].sort() as [string, string];
            if (pair[0] !== pair[1]) pairs.set(pair.join('\u0000'), pair);
          }
        }
      }
      return [...pairs.values()];
    },

    insertRun: async (run) => {
      const last = await db
        .selectFrom('match_runs')
        .select((eb) => eb.fn.max('number').as('number'))
        .where('round_id', '=', run.roundId)
        .executeTakeFirst();
      const number = Number(last?.number ?? 0) + 1;
      await db
        .insertInto('match_runs')
        .values({
          id: run.id,
          round_id: run.roundId,
          number,
          status: run.status,
          objective: run.result.objective,
          snapshot: run.stored.snapshot,
          result: run.stored.result,
          explanations: run.stored.explanations,
          total_fit: run.result.totalFit,
          solver_weight: run.result.solverWeight,
          is_optimal: run.result.certificate.pairStage.certified ? 1 : 0,
          seconds: run.seconds,
          created_by_person_id: run.createdByPersonId,
          created_at: run.createdAt.toISOString(),
          published_at: null,
          published_by_person_id: null,
        })
        .execute();
      const { stored: _stored, ...record } = run;
      return { ...record, number, publishedAt: null };
    },
    findRun: async (roundId, runId) => {
      const row = await db
        .selectFrom('match_runs')
        .selectAll()
        .where('round_id', '=', roundId)
        .where('id', '=', runId)
        .executeTakeFirst();
      return row ? toRun(row) : undefined;
    },
    findLatestRun: async (roundId) => {
      const row = await db
        .selectFrom('match_runs')
        .selectAll()
        .where('round_id', '=', roundId)
        .orderBy('number', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toRun(row) : undefined;
    },
    listRuns: async (roundId) => {
      const rows = await db
        .selectFrom('match_runs')
        .select([
          'id',
          'number',
          'status',
          'objective',
          'total_fit',
          'is_optimal',
          'seconds',
          'created_at',
          'published_at',
          'result',
        ])
        .where('round_id', '=', roundId)
        .orderBy('number', 'desc')
        .execute();
      return rows.map((row): MatchRunSummary => {
        const result = JSON.parse(row.result) as Pick<MatchRun, 'partnerships' | 'unmatched'>;
        return {
          id: row.id,
          number: Number(row.number),
          status: row.status,
          objective: row.objective,
          totalFit: Number(row.total_fit),
          isOptimal: Number(row.is_optimal) === 1,
          partnerships: result.partnerships.length,
          unmatched: result.unmatched.length,
          seconds: Number(row.seconds),
          createdAt: new Date(row.created_at),
          publishedAt: row.published_at ? new Date(row.published_at) : null,
        };
      });
    },
    markRunPublished: async (roundId, runId, personId, now) => {
      // Only a proposed run is published: of two publishes racing, the second changes nothing.
      const published = await db
        .updateTable('match_runs')
        .set({ status: 'published', published_at: now.toISOString(), published_by_person_id: personId })
        .where('round_id', '=', roundId)
        .where('id', '=', runId)
        .where('status', '=', 'proposed')
        .executeTakeFirst();
      if (Number(published.numUpdatedRows) !== 1) return false;
      await db
        .updateTable('match_runs')
        .set({ status: 'superseded' })
        .where('round_id', '=', roundId)
        .where('id', '!=', runId)
        .where('status', '=', 'proposed')
        .execute();
      return true;
    },

    listLocks: async (roundId) =>
      (
        await db
          .selectFrom('match_locks')
          .selectAll()
          .where('round_id', '=', roundId)
          .orderBy('created_at')
          .orderBy('id')
          .execute()
      ).map((row) => ({
        id: row.id,
        applicationIds: row.members.split(','),
        createdByPersonId: row.created_by_person_id,
        createdAt: new Date(row.created_at),
      })),
    insertLock: async (lock, now) => {
      const result = await db
        .insertInto('match_locks')
        .values({
          id: lock.id,
          round_id: lock.roundId,
          members: membersKey(lock.applicationIds),
          created_by_person_id: lock.createdByPersonId,
          created_at: now.toISOString(),
        })
        .onConflict((oc) => oc.columns(['round_id', 'members']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    deleteLock: async (roundId, lockId) => {
      const result = await db
        .deleteFrom('match_locks')
        .where('round_id', '=', roundId)
        .where('id', '=', lockId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    listExclusions: async (roundId) =>
      (
        await db
          .selectFrom('match_exclusions')
          .selectAll()
          .where('round_id', '=', roundId)
          .orderBy('created_at')
          .orderBy('id')
          .execute()
      ).map((row) => ({
        id: row.id,
        applicationIds: [row.first_application_id, row.second_application_id] as [string, string],
        createdByPersonId: row.created_by_person_id,
        createdAt: new Date(row.created_at),
      })),
    insertExclusion: async (exclusion, now) => {
      const [first, second] = [...exclusion.applicationIds].sort() as [string, string];
      const result = await db
        .insertInto('match_exclusions')
        .values({
          id: exclusion.id,
          round_id: exclusion.roundId,
          first_application_id: first,
          second_application_id: second,
          created_by_person_id: exclusion.createdByPersonId,
          created_at: now.toISOString(),
        })
        .onConflict((oc) =>
          oc.columns(['round_id', 'first_application_id', 'second_application_id']).doNothing(),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    deleteExclusion: async (roundId, exclusionId) => {
      const result = await db
        .deleteFrom('match_exclusions')
        .where('round_id', '=', roundId)
        .where('id', '=', exclusionId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    listComments: async (roundId) =>
      (
        await db
          .selectFrom('match_comments')
          .leftJoin('people', 'people.id', 'match_comments.author_person_id')
          .select([
            'match_comments.id',
            'match_comments.members',
            'match_comments.author_person_id',
            'match_comments.body',
            'match_comments.created_at',
            'people.name as author_name',
          ])
          .where('match_comments.round_id', '=', roundId)
          .orderBy('match_comments.created_at')
          .orderBy('match_comments.id')
          .execute()
      ).map((row) => ({
        id: row.id,
        applicationIds: row.members.split(','),
        authorPersonId: row.author_person_id,
        authorName: row.author_name ?? null,
        body: row.body,
        createdAt: new Date(row.created_at),
      })),
    insertComment: async (comment, now) => {
      await db
        .insertInto('match_comments')
        .values({
          id: comment.id,
          round_id: comment.roundId,
          members: membersKey(comment.applicationIds),
          author_person_id: comment.authorPersonId,
          body: comment.body,
          created_at: now.toISOString(),
        })
        .execute();
    },

    insertPartnerships: async (partnerships, now) => {
      const at = now.toISOString();
      // In slices: a round of thousands is one statement per few hundred rows, not one per row.
      const SLICE = 200;
      for (let start = 0; start < partnerships.length; start += SLICE) {
        const slice = partnerships.slice(start, start + SLICE);
        if (slice.length === 0) continue;
        await db
          .insertInto('partnerships')
          .values(
            slice.map((partnership) => ({
              id: partnership.id,
              round_id: partnership.roundId,
              run_id: partnership.runId,
              status: 'active' as const,
              source: partnership.details.source,
              fit: partnership.details.fit,
              details: JSON.stringify(partnership.details),
              created_at: at,
              ended_at: null,
              end_reason: null,
            })),
          )
          .execute();
        await db
          .insertInto('partnership_members')
          .values(
            slice.flatMap((partnership) =>
              partnership.members.map((member) => ({
                partnership_id: partnership.id,
                application_id: member.applicationId,
                person_id: member.personId,
                joined_at: at,
                left_at: null,
                left_reason: null,
              })),
            ),
          )
          .execute();
      }
    },
    listActivePartnerships: async (roundId) =>
      withMembers(
        await db
          .selectFrom('partnerships')
          .selectAll()
          .where('round_id', '=', roundId)
          .where('status', '=', 'active')
          .orderBy('created_at')
          .orderBy('id')
          .execute(),
      ),
    listPartnerships: async (roundId) =>
      withMembers(
        await db
          .selectFrom('partnerships')
          .selectAll()
          .where('round_id', '=', roundId)
          .orderBy('created_at')
          .orderBy('id')
          .execute(),
      ),
    findPartnership: async (partnershipId) => {
      const [partnership] = await withMembers(
        await db.selectFrom('partnerships').selectAll().where('id', '=', partnershipId).execute(),
      );
      return partnership;
    },
    listPartnershipsOfPerson: async (personId) =>
      withMembers(
        await db
          .selectFrom('partnerships')
          .selectAll()
          .where('id', 'in', (eb) =>
            eb.selectFrom('partnership_members').select('partnership_id').where('person_id', '=', personId),
          )
          .orderBy('created_at', 'desc')
          .orderBy('id')
          .execute(),
      ),
    markMemberLeft: async (applicationId, reason, now) => {
      const membership = await db
        .selectFrom('partnership_members')
        .innerJoin('partnerships', 'partnerships.id', 'partnership_members.partnership_id')
        .select(['partnerships.id'])
        .where('partnership_members.application_id', '=', applicationId)
        .where('partnership_members.left_at', 'is', null)
        .where('partnerships.status', '=', 'active')
        .executeTakeFirst();
      if (!membership) return undefined;
      const at = now.toISOString();
      await db
        .updateTable('partnership_members')
        .set({ left_at: at, left_reason: reason })
        .where('partnership_id', '=', membership.id)
        .where('application_id', '=', applicationId)
        .execute();
      const staying = await db
        .selectFrom('partnership_members')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('partnership_id', '=', membership.id)
        .where('left_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(staying.count) < 2) {
        await db
          .updateTable('partnerships')
          .set({ status: 'ended', ended_at: at, end_reason: 'member-left' })
          .where('id', '=', membership.id)
          .execute();
        // Whoever is left alone is out of it too, free to be placed again (migration 0011).
        await db
          .updateTable('partnership_members')
          .set({ left_at: at, left_reason: 'partnership-ended' })
          .where('partnership_id', '=', membership.id)
          .where('left_at', 'is', null)
          .execute();
      }
      const [partnership] = await withMembers(
        await db.selectFrom('partnerships').selectAll().where('id', '=', membership.id).execute(),
      );
      return partnership;
    },
    endRoundPartnerships: async (roundId, now) => {
      const at = now.toISOString();
      const ended = await db
        .updateTable('partnerships')
        .set({ status: 'ended', ended_at: at, end_reason: 'round-ended' })
        .where('round_id', '=', roundId)
        .where('status', '=', 'active')
        .returning('id')
        .execute();
      if (ended.length === 0) return 0;
      const SLICE = 500;
      for (let start = 0; start < ended.length; start += SLICE) {
        await db
          .updateTable('partnership_members')
          .set({ left_at: at, left_reason: 'partnership-ended' })
          .where(
            'partnership_id',
            'in',
            ended.slice(start, start + SLICE).map((row) => row.id),
          )
          .where('left_at', 'is', null)
          .execute();
      }
      return ended.length;
    },
    setApplicationPerson: async (applicationId, personId) => {
      await db
        .updateTable('applications')
        .set({ person_id: personId })
        .where('id', '=', applicationId)
        .execute();
    },
  };
};
