import { hashToken } from '../../core/applications/application-token';
import {
  type CheckInAnswer,
  type CheckInOutcome,
  type CheckInSource,
  isCheckInAnswer,
  outcomeOfAnswer,
} from '../../core/checkins/check-in';
import { checkCheckInToken } from '../../core/checkins/check-in-link';
import { fortnightAt } from '../../core/checkins/fortnights';
import { DomainError } from '../../core/errors';
import type { Round } from '../../core/rounds';
import type { StoredCheckInLink } from '../ports/checkins';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';

/**
 * Checking in from a link in an email, without signing in.
 *
 * Opening the link changes nothing (a mail scanner following it does no harm): it shows the
 * question with the answer clicked preselected and a button. Pressing it records the answer for the
 * link's (participant, fortnight) once: the primary key of check_ins. Pressing it again with the
 * same answer changes nothing and says it was already recorded; with another answer, the answer is
 * updated and the page says so (people answer "not yet" and write to their partner the next day).
 * A link that is forged or mangled is `invalid` (404), an expired one `expired` (410), one for a
 * round no longer under way or a person no longer in a partnership `closed` (410).
 */
export type CheckInLinkState =
  | { state: 'invalid' }
  | { state: 'expired' }
  | { state: 'closed'; roundName: string; reason: 'round-over' | 'left' }
  | {
      state: 'open';
      roundName: string;
      fortnight: number;
      partnerNames: string[];
      current: CheckInAnswer | undefined;
      expiresAt: Date;
    };

export type ConfirmCheckInResult =
  | Exclude<CheckInLinkState, { state: 'open' }>
  | { state: 'no-answer'; open: Extract<CheckInLinkState, { state: 'open' }> }
  | { state: CheckInOutcome; answer: CheckInAnswer; roundName: string; fortnight: number };

const resolveLink = async (
  deps: UseCaseDeps,
  token: string,
): Promise<{ state: 'invalid' } | { state: 'expired' } | { state: 'found'; link: StoredCheckInLink }> => {
  const checked = checkCheckInToken(token, deps.clock.now(), (payload) => deps.hashKey(payload));
  if (checked.status !== 'valid') return { state: checked.status };
  const link = await deps.store.checkIns.findLink(hashToken(token));
  return link ? { state: 'found', link } : { state: 'invalid' };
};

/** Why a participant cannot answer for `fortnight` now, or undefined when they can. */
const findRefusal = async (
  store: Pick<Store, 'checkIns'>,
  round: Round,
  applicationId: string,
): Promise<'round-over' | 'left' | undefined> => {
  if (round.status !== 'under-way') return 'round-over';
  const membership = await store.checkIns.findRunningMembership(applicationId);
  return membership?.roundId === round.id ? undefined : 'left';
};

/** What the link shows now: the question, or why not. Reads only. */
export const openCheckInLink = async (deps: UseCaseDeps, token: string): Promise<CheckInLinkState> => {
  const resolved = await resolveLink(deps, token);
  if (resolved.state !== 'found') return resolved;
  const { link } = resolved;
  const round = await deps.store.rounds.getRound(link.roundId);
  const refusal = await findRefusal(deps.store, round, link.applicationId);
  if (refusal) return { state: 'closed', roundName: round.name, reason: refusal };
  const membership = (await deps.store.checkIns.findRunningMembership(link.applicationId))!;
  const partnership = await deps.store.matching.findPartnership(membership.partnershipId);
  const partnerNames: string[] = [];
  for (const member of partnership?.members ?? []) {
    if (member.applicationId === link.applicationId || member.leftAt !== null) continue;
    const application = await deps.store.applications.findApplication(member.applicationId);
    if (application) partnerNames.push(application.name);
  }
  const current = await deps.store.checkIns.findCheckIn(link.applicationId, link.fortnight);
  return {
    state: 'open',
    roundName: round.name,
    fortnight: link.fortnight,
    partnerNames,
    current: current?.answer,
    expiresAt: link.expiresAt,
  };
};

/**
 * Records a participant's answer for a fortnight inside the caller's transaction, after checking
 * again that the round is under way and they are in a partnership of it. The first answer is
 * inserted; a second with the same answer changes nothing; another answer replaces it.
 */
export const recordCheckIn = async (
  store: Pick<Store, 'checkIns' | 'rounds'>,
  input: {
    applicationId: string;
    roundId: string;
    fortnight: number;
    answer: CheckInAnswer;
    source: CheckInSource;
    now: Date;
  },
): Promise<{ outcome: CheckInOutcome } | { refused: 'round-over' | 'left'; roundName: string }> => {
  const round = await store.rounds.getRound(input.roundId);
  const refusal = await findRefusal(store, round, input.applicationId);
  if (refusal) return { refused: refusal, roundName: round.name };
  const membership = (await store.checkIns.findRunningMembership(input.applicationId))!;
  const checkIn = {
    applicationId: input.applicationId,
    roundId: round.id,
    fortnight: input.fortnight,
    partnershipId: membership.partnershipId,
    answer: input.answer,
    answeredAt: input.now,
    source: input.source,
  };
  if (await store.checkIns.insertCheckIn(checkIn, input.now)) return { outcome: 'recorded' };
  const previous = await store.checkIns.findCheckIn(input.applicationId, input.fortnight);
  const outcome = outcomeOfAnswer(previous?.answer, input.answer);
  if (outcome === 'changed') {
    await store.checkIns.updateCheckIn(
      { applicationId: input.applicationId, fortnight: input.fortnight },
      {
        answer: input.answer,
        answeredAt: input.now,
        partnershipId: membership.partnershipId,
        source: input.source,
      },
    );
  }
  return { outcome };
};

/** The button on the link's page: records the chosen answer for the link's participant and fortnight. */
export const confirmCheckIn = async (
  deps: UseCaseDeps,
  input: { token: string; answer: unknown },
): Promise<ConfirmCheckInResult> => {
  const opened = await openCheckInLink(deps, input.token);
  if (opened.state !== 'open') return opened;
  if (!isCheckInAnswer(input.answer)) return { state: 'no-answer', open: opened };
  const answer = input.answer;
  const link = (await deps.store.checkIns.findLink(hashToken(input.token)))!;
  const now = deps.clock.now();
  const recorded = await deps.uow.transaction((store) =>
    recordCheckIn(store, {
      applicationId: link.applicationId,
      roundId: link.roundId,
      fortnight: link.fortnight,
      answer,
      source: 'link',
      now,
    }),
  );
  if ('refused' in recorded)
    return { state: 'closed', roundName: recorded.roundName, reason: recorded.refused };
  return { state: recorded.outcome, answer, roundName: opened.roundName, fortnight: link.fortnight };
};

/** The fortnight a participant answers for when they check in now, or a CONFLICT saying why not. */
export const currentFortnightOf = (round: Round, now: Date): number => {
  const fortnight = round.status === 'under-way' ? fortnightAt(round, now) : undefined;
  if (fortnight === undefined) {
    throw new DomainError('CONFLICT', 'checkIn.roundNotUnderWay', {
      round: round.name,
      status: round.status,
    });
  }
  return fortnight;
};
