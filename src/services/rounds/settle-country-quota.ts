import { settleQuotaAtClose } from '../../core/applications';
import { roundFactsOf } from '../../core/messages/messages';
import type { Round } from '../../core/rounds';
import { addPrivateLink } from '../applications/private-links';
import type { UseCaseDeps } from '../ports/deps';
import type { CountryScope } from '../ports/review';
import type { Store } from '../ports/store';

/**
 * The country quota, decided once when applications close (core settleQuotaAtClose; ADR 0006):
 * pending applications beyond their country's cap move to the waitlist, each applicant is told by
 * email, and the round's audit trail records the cap and the counts.
 *
 * The email carries a private link. Links are stored only as hashes, so the one in the
 * confirmation cannot be sent again: a new one is added beside it (applications/private-links.ts,
 * ADR 0013). It does not replace the confirmation's link, which the applicant may have kept or
 * bookmarked: nothing about the close makes that link unsafe, and cancelling it would only strand
 * people whose waitlist email went to spam. Runs inside the transaction that closes the round, so
 * the moves, the emails and the round's new state commit together or not at all.
 */
export interface QuotaSettlementResult {
  /** Places each country may hold; null when the quota is off. */
  capPerCountry: number | null;
  waitlisted: string[];
}

/** The round's applications and what settling the quota over them decides (changes nothing). */
const settleOver = async (store: Pick<Store, 'review'>, round: Round) => {
  const rows = await store.review.listQuotaRows(round.id);
  const settlement = settleQuotaAtClose(
    rows.map((row) => ({ id: row.id, countryOfResidence: row.countryCode, status: row.status })),
    round.quota,
  );
  const capPerCountry = Number.isFinite(settlement.capPerCountry) ? settlement.capPerCountry : null;
  return { rows, settlement, capPerCountry };
};

export const settleCountryQuota = async (
  store: Store,
  deps: Pick<UseCaseDeps, 'ids'>,
  round: Round,
  context: { now: Date; actorPersonId: string | null },
): Promise<QuotaSettlementResult> => {
  const { now } = context;
  const { rows, settlement, capPerCountry } = await settleOver(store, round);
  const waitlisted: string[] = [];
  for (const id of settlement.toWaitlist) {
    const moved = await store.review.changeStatus(
      id,
      { from: 'pending', to: 'waitlisted', declineReason: null },
      now,
    );
    if (!moved) continue;
    waitlisted.push(id);
    const application = await store.applications.getApplication(id);
    const token = await addPrivateLink(deps, store, id, now);
    await store.messages.enqueue(
      {
        kind: 'application-waitlisted-by-quota',
        to: application.email,
        locale: application.locale,
        dedupeKey: `application-waitlisted:${id}`,
        payload: {
          name: application.name,
          round: roundFactsOf(round),
          timeZone: application.answers.timeZone,
          privateToken: token,
          countryCode: application.countryCode,
        },
      },
      now,
    );
    await store.audit.record(
      {
        actorPersonId: context.actorPersonId,
        action: 'application.waitlisted',
        subjectType: 'application',
        subjectId: id,
        details: { roundId: round.id, reason: 'country-quota', capPerCountry },
      },
      now,
    );
  }
  await store.audit.record(
    {
      actorPersonId: context.actorPersonId,
      action: 'round.quota-settled',
      subjectType: 'round',
      subjectId: round.id,
      details: {
        capPerCountry,
        applications: rows.filter((row) => row.status !== 'withdrawn').length,
        waitlisted: waitlisted.length,
      },
    },
    now,
  );
  return { capPerCountry, waitlisted };
};

export interface QuotaPreview {
  /** Places each country would hold if applications closed now; null when the quota is off. */
  capPerCountry: number | null;
  /** Countries in the viewer's scope that would have applications waitlisted, most first. */
  overCap: { countryCode: string; waitlisted: number }[];
}

/**
 * What settling the quota would do if applications closed now, for coordinators watching an open
 * round. The cap depends on the whole round, so it is computed over every application; only the
 * countries in the viewer's scope are shown. Changes nothing.
 */
export const previewCountryQuota = async (
  store: Pick<Store, 'review'>,
  round: Round,
  scope: CountryScope,
): Promise<QuotaPreview> => {
  const { rows, settlement, capPerCountry } = await settleOver(store, round);
  const moving = new Set(settlement.toWaitlist);
  const byCountry = new Map<string, number>();
  for (const row of rows) {
    if (moving.has(row.id)) byCountry.set(row.countryCode, (byCountry.get(row.countryCode) ?? 0) + 1);
  }
  return {
    capPerCountry,
    overCap: [...byCountry]
      .filter(([countryCode]) => scope.kind === 'all' || scope.countryCodes.includes(countryCode))
      .map(([countryCode, waitlisted]) => ({ countryCode, waitlisted }))
      .sort((a, b) => b.waitlisted - a.waitlisted || a.countryCode.localeCompare(b.countryCode)),
  };
};
