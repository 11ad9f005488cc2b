import type { Kysely } from 'kysely';
import type { CoordinatorDashboardRepository, RoundSummary } from '../../../services/ports/review';
import type { Database } from '../../schema';

export const createCoordinatorDashboardRepository = (
  db: Kysely<Database>,
): CoordinatorDashboardRepository => ({
  listRoundSummaries: async (scope) => {
    const rounds = await db
      .selectFrom('rounds')
      .select([
        'id',
        'name',
        'status',
        'time_zone',
        'applications_open_at',
        'applications_close_at',
        'starts_on',
        'ends_on',
      ])
      .orderBy('applications_open_at', 'desc')
      .orderBy('id')
      .execute();
    if (scope.kind === 'countries' && scope.countryCodes.length === 0) {
      return rounds.map((round) => toSummary(round, []));
    }
    let counts = db
      .selectFrom('applications')
      .select((eb) => ['round_id', 'status', eb.fn.countAll<number>().as('count')])
      .groupBy(['round_id', 'status']);
    if (scope.kind === 'countries') counts = counts.where('country_code', 'in', scope.countryCodes);
    const countRows = await counts.execute();
    return rounds.map((round) =>
      toSummary(
        round,
        countRows.filter((row) => row.round_id === round.id),
      ),
    );
  },
});

const toSummary = (
  round: {
    id: string;
    name: string;
    status: string;
    time_zone: string;
    applications_open_at: string;
    applications_close_at: string;
    starts_on: string;
    ends_on: string;
  },
  counts: { status: string; count: number | string | bigint }[],
): RoundSummary => {
  const applicationCounts: Record<string, number> = {};
  for (const row of counts) applicationCounts[row.status] = Number(row.count);
  return {
    id: round.id,
    name: round.name,
    status: round.status,
    timeZone: round.time_zone,
    applicationsOpenAt: round.applications_open_at,
    applicationsCloseAt: round.applications_close_at,
    startsOn: round.starts_on,
    endsOn: round.ends_on,
    applicationCounts,
    totalApplications: Object.values(applicationCounts).reduce((sum, count) => sum + count, 0),
  };
};
