import type { Kysely, Selectable } from 'kysely';
import { DomainError } from '../../../core/errors';
import type { Round, RoundStatus } from '../../../core/rounds';
import type { RoundsRepository } from '../../../services/ports/rounds';
import type { Database } from '../../schema';
import type { RoundsTable } from '../../tables/core';

type RoundRow = Selectable<RoundsTable>;

export const toRound = (row: RoundRow): Round => ({
  id: row.id,
  name: row.name,
  status: row.status as RoundStatus,
  programTimeZone: row.time_zone,
  applicationsOpenAt: new Date(row.applications_open_at),
  applicationsCloseAt: new Date(row.applications_close_at),
  startsOn: row.starts_on as Round['startsOn'],
  endsOn: row.ends_on as Round['endsOn'],
  quota: {
    enabled: row.quota_enabled === 1,
    capPercent: row.quota_percent,
    minimumPlaces: row.quota_minimum_places,
  },
});

const toRow = (round: Round) => ({
  name: round.name,
  status: round.status,
  time_zone: round.programTimeZone,
  applications_open_at: round.applicationsOpenAt.toISOString(),
  applications_close_at: round.applicationsCloseAt.toISOString(),
  starts_on: round.startsOn,
  ends_on: round.endsOn,
  quota_enabled: round.quota.enabled ? 1 : 0,
  quota_percent: round.quota.capPercent,
  quota_minimum_places: round.quota.minimumPlaces,
});

export const createRoundsRepository = (db: Kysely<Database>): RoundsRepository => {
  const findRound = async (id: string) => {
    const row = await db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRound(row) : undefined;
  };
  return {
    listRounds: async () =>
      (await db.selectFrom('rounds').selectAll().orderBy('starts_on', 'desc').orderBy('id').execute()).map(
        toRound,
      ),
    findRound,
    getRound: async (id) => {
      const round = await findRound(id);
      if (!round) throw new DomainError('NOT_FOUND', 'round.notFound', { id });
      return round;
    },
    insertRound: async (round, now) => {
      const at = now.toISOString();
      await db
        .insertInto('rounds')
        .values({ id: round.id, ...toRow(round), created_at: at, updated_at: at })
        .execute();
    },
    saveRound: async (round, now) => {
      const result = await db
        .updateTable('rounds')
        .set({ ...toRow(round), updated_at: now.toISOString() })
        .where('id', '=', round.id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        throw new DomainError('NOT_FOUND', 'round.notFound', { id: round.id });
      }
    },
    saveRoundIfStatus: async (round, expectedStatus, now) => {
      const result = await db
        .updateTable('rounds')
        .set({ ...toRow(round), updated_at: now.toISOString() })
        .where('id', '=', round.id)
        .where('status', '=', expectedStatus)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
};
