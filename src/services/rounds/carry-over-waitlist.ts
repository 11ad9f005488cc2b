import { listCarriedOver } from '../../core/applications';
import { roundFactsOf } from '../../core/messages/messages';
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
  for (const entry of waitlist) {
    if (await store.review.isCarriedOver(entry.id)) {
      result.alreadyCarried++;
      continue;
    }
    if (emailsInNewRound.has(entry.email)) {
      result.alreadyApplied++;
      continue;
    }
    const source = await store.applications.getApplication(entry.id);
    const id = deps.ids.newId();
    await store.applications.insertApplication({
      id,
      roundId: toRound.id,
      personId: source.personId,
      status: 'pending',
      answers: source.answers,
      editTokenHash: null,
      submittedAt: source.submittedAt,
      locale: source.locale,
      // Checked against the new round's applications by the duplicate worker.
      duplicateChecked: false,
    });
    await store.review.recordCarryOver(source.id, id, toRound.id, now);
    await store.audit.record(
      {
        actorPersonId: input.actorPersonId,
        action: 'application.carried-over',
        subjectType: 'application',
        subjectId: id,
        details: { fromApplicationId: source.id, fromRoundId: input.fromRoundId, toRoundId: toRound.id },
      },
      now,
    );
    await store.messages.enqueue(
      {
        kind: 'application-carried-over',
        to: source.email,
        locale: source.locale,
        dedupeKey: `application-carried-over:${source.id}`,
        payload: { name: source.name, round: roundFactsOf(toRound) },
      },
      now,
    );
    emailsInNewRound.add(entry.email);
    result.carriedOver.push(id);
  }
  return result;
};
