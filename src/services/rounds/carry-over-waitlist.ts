import { listCarriedOver } from '../../core/applications';
import { roundFactsOf } from '../../core/messages/messages';
import { yieldToEventLoop } from '../event-loop';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';

/**
 * Carries the previous round's waitlist into a round that opens: every application still
 * waitlisted whose applicant did not decline becomes a pending application of the new round,
 * keeping its original submission time so it sits ahead of the new round's own applications, and the applicant is told by email. It happens at most once per
 * application: application_carry_overs records each copy (its source id is unique) and the email
 * has a dedupe key; someone who already applied to the new round themselves is left alone.
 *
 * Runs inside the caller's transaction (opening the round).
 */
export interface CarryOverWaitlistInput {
  actorPersonId: string | null;
  fromRoundId: string;
  toRoundId: string;
}

export interface CarryOverWaitlistResult {
  carriedOver: string[];
  /** Already carried over earlier. */
  alreadyCarried: number;
  /** Already applied to the new round with the same address. */
  alreadyApplied: number;
}

/** Applications carried over per batch of statements. */
const WRITE_BATCH = 200;

export const carryOverWaitlist = async (
  store: Store,
  deps: Pick<UseCaseDeps, 'ids'>,
  now: Date,
  input: CarryOverWaitlistInput,
): Promise<CarryOverWaitlistResult> => {
  const toRound = await store.rounds.getRound(input.toRoundId);
  const previous = await store.review.listQuotaRows(input.fromRoundId);
  const waitlist = listCarriedOver(
    previous
      .filter((row) => row.status === 'waitlisted')
      .map((row) => ({ ...row, countryOfResidence: row.countryCode })),
  );
  const existing = await store.review.listQuotaRows(input.toRoundId);
  const emailsInNewRound = new Set(existing.map((row) => row.email));
  const result: CarryOverWaitlistResult = { carriedOver: [], alreadyCarried: 0, alreadyApplied: 0 };
  // Original submission times are earlier than anything of the new round, so the new round's
  // submission order is exactly mergeCarriedOver(carried, new): carried over first, in their order.
  // Written a batch at a time (a few statements per batch, not five per application), with a turn
  // of the event loop between batches: this runs inside the transaction that opens the round.
  for (let start = 0; start < waitlist.length; start += WRITE_BATCH) {
    const batch = waitlist.slice(start, start + WRITE_BATCH);
    const carriedBefore = new Set(await store.review.listCarriedOver(batch.map((entry) => entry.id)));
    const toCarry = batch.filter((entry) => {
      if (carriedBefore.has(entry.id)) {
        result.alreadyCarried++;
        return false;
      }
      if (emailsInNewRound.has(entry.email)) {
        result.alreadyApplied++;
        return false;
      }
      emailsInNewRound.add(entry.email);
      return true;
    });
    if (toCarry.length > 0) {
      const sources = new Map(
        (await store.applications.listApplicationsByIds(toCarry.map((entry) => entry.id))).map((source) => [
          source.id,
          source,
        ]),
      );
      const copies = toCarry.map((entry) => {
        const source = sources.get(entry.id);
        if (!source) throw new Error(`Waitlisted application "${entry.id}" could not be read.`);
        return { source, id: deps.ids.newId() };
      });
      await store.applications.insertApplications(
        copies.map(({ source, id }) => ({
          id,
          roundId: toRound.id,
          personId: source.personId,
          status: 'pending' as const,
          answers: source.answers,
          editTokenHash: null,
          submittedAt: source.submittedAt,
          locale: source.locale,
          // Checked against the new round's applications by the duplicate worker.
          duplicateChecked: false,
        })),
      );
      await store.review.recordCarryOvers(
        copies.map(({ source, id }) => ({
          fromApplicationId: source.id,
          toApplicationId: id,
          toRoundId: toRound.id,
        })),
        now,
      );
      await store.audit.recordAll(
        copies.map(({ source, id }) => ({
          actorPersonId: input.actorPersonId,
          action: 'application.carried-over' as const,
          subjectType: 'application',
          subjectId: id,
          details: { fromApplicationId: source.id, fromRoundId: input.fromRoundId, toRoundId: toRound.id },
        })),
        now,
      );
      await store.messages.enqueueAll(
        copies.map(({ source }) => ({
          kind: 'application-carried-over' as const,
          to: source.email,
          locale: source.locale,
          dedupeKey: `application-carried-over:${source.id}`,
          payload: { name: source.name, round: roundFactsOf(toRound) },
        })),
        now,
      );
      result.carriedOver.push(...copies.map(({ id }) => id));
    }
    await yieldToEventLoop();
  }
  return result;
};
