import { countQuotaSettlement, settleQuotaAtClose } from '../../core/applications';
import { hashToken } from '../../core/applications/application-token';
import { roundFactsOf } from '../../core/messages/messages';
import type { Round } from '../../core/rounds';
import { yieldToEventLoop } from '../event-loop';
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
  const rows = await store.review.listQuotaCandidates(round.id);
  const settlement = settleQuotaAtClose(
    rows.map((row) => ({ id: row.id, countryOfResidence: row.countryCode, status: row.status })),
    round.quota,
  );
  const capPerCountry = Number.isFinite(settlement.capPerCountry) ? settlement.capPerCountry : null;
  return { rows, settlement, capPerCountry };
};

/** Applications written per statement when the quota is settled; the event loop gets a turn between. */
const WRITE_BATCH = 200;

export const settleCountryQuota = async (
  store: Store,
  deps: Pick<UseCaseDeps, 'ids'>,
  round: Round,
  context: { now: Date; actorPersonId: string | null },
): Promise<QuotaSettlementResult> => {
  const { now } = context;
  const { rows, settlement, capPerCountry } = await settleOver(store, round);
  const waitlisted: string[] = [];
  // A few statements per batch of applications rather than five per application: a round of
  // 50,000 waitlists about 2,000 at the close, and this runs inside the transaction that closes it.
  for (let start = 0; start < settlement.toWaitlist.length; start += WRITE_BATCH) {
    const batch = settlement.toWaitlist.slice(start, start + WRITE_BATCH);
    const changed = new Set(
      await store.review.changeStatuses(
        batch,
        { from: 'pending', to: 'waitlisted', declineReason: null },
        now,
      ),
    );
    // In submission order, as the waitlist is.
    const moved = batch.filter((id) => changed.has(id));
    if (moved.length > 0) {
      const applications = new Map(
        (await store.applications.listApplicationsByIds(moved)).map((application) => [
          application.id,
          application,
        ]),
      );
      const links = moved.map((id) => {
        const application = applications.get(id);
        if (!application) throw new Error(`Application "${id}" was waitlisted but could not be read back.`);
        return { application, token: deps.ids.newToken() };
      });
      // Beside the confirmation's link, never instead of it (ADR 0013).
      await store.applications.addPrivateLinks(
        links.map(({ application, token }) => ({
          applicationId: application.id,
          tokenHash: hashToken(token),
        })),
        now,
      );
      await store.messages.enqueueAll(
        links.map(({ application, token }) => ({
          kind: 'application-waitlisted-by-quota' as const,
          to: application.email,
          locale: application.locale,
          dedupeKey: `application-waitlisted:${application.id}`,
          payload: {
            name: application.name,
            round: roundFactsOf(round),
            timeZone: application.answers.timeZone,
            privateToken: token,
            countryCode: application.countryCode,
          },
        })),
        now,
      );
      await store.audit.recordAll(
        moved.map((id) => ({
          actorPersonId: context.actorPersonId,
          action: 'application.waitlisted' as const,
          subjectType: 'application',
          subjectId: id,
          details: { roundId: round.id, reason: 'country-quota', capPerCountry },
        })),
        now,
      );
      waitlisted.push(...moved);
    }
    await yieldToEventLoop();
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
 * countries in the viewer's scope are shown. Changes nothing. It runs on every counts page of an
 * open round, so it reads counts per country and status (core countQuotaSettlement), not the
 * round's applications one by one.
 */
export const previewCountryQuota = async (
  store: Pick<Store, 'review'>,
  round: Round,
  scope: CountryScope,
): Promise<QuotaPreview> => {
  const counts = await store.review.countByCountryAndStatus(round.id);
  const { capPerCountry, toWaitlistByCountry } = countQuotaSettlement(
    counts.map((row) => ({ countryOfResidence: row.countryCode, status: row.status, count: row.count })),
    round.quota,
  );
  return {
    capPerCountry: Number.isFinite(capPerCountry) ? capPerCountry : null,
    overCap: [...toWaitlistByCountry]
      .filter(([countryCode]) => scope.kind === 'all' || scope.countryCodes.includes(countryCode))
      .map(([countryCode, waitlisted]) => ({ countryCode, waitlisted }))
      .sort((a, b) => b.waitlisted - a.waitlisted || a.countryCode.localeCompare(b.countryCode)),
  };
};
