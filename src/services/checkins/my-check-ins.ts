import { type CheckInAnswer, type CheckInOutcome, isCheckInAnswer } from '../../core/checkins/check-in';
import { fortnightAt } from '../../core/checkins/fortnights';
import { DomainError, invalidInput } from '../../core/errors';
import type { Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import type { UseCaseDeps } from '../ports/deps';
import { currentFortnightOf, recordCheckIn } from './record-check-in';

/**
 * Check-ins in the participants' area (signed in): the question for this fortnight for each
 * partnership the viewer is in now, and every answer they gave, newest first. Every read starts
 * from the signed-in person.
 */
export interface CurrentCheckIn {
  partnershipId: string;
  round: Round;
  fortnight: number;
  partnerNames: string[];
  answer: CheckInAnswer | undefined;
  answeredAt: Date | undefined;
}

export interface PastCheckIn {
  roundName: string;
  fortnight: number;
  answer: CheckInAnswer;
  answeredAt: Date;
}

export interface MyCheckIns {
  current: CurrentCheckIn[];
  history: PastCheckIn[];
}

const signedIn = (viewer: Viewer | null, doing: string): Viewer => {
  if (!viewer) throw new DomainError('UNAUTHENTICATED', 'access.signInFirst', { doing });
  return viewer;
};

const partnerNamesOf = async (deps: UseCaseDeps, partnershipId: string, applicationId: string) => {
  const partnership = await deps.store.matching.findPartnership(partnershipId);
  const names: string[] = [];
  for (const member of partnership?.members ?? []) {
    if (member.applicationId === applicationId || member.leftAt !== null) continue;
    const application = await deps.store.applications.findApplication(member.applicationId);
    if (application) names.push(application.name);
  }
  return names;
};

export const loadMyCheckIns = async (deps: UseCaseDeps, viewer: Viewer | null): Promise<MyCheckIns> => {
  const me = signedIn(viewer, 'see your check-ins');
  const now = deps.clock.now();
  const rounds = new Map<string, Round>();
  const roundOf = async (roundId: string) => {
    const round = rounds.get(roundId) ?? (await deps.store.rounds.getRound(roundId));
    rounds.set(roundId, round);
    return round;
  };
  const current: CurrentCheckIn[] = [];
  for (const membership of await deps.store.checkIns.listRunningMembershipsOfPerson(me.personId)) {
    const round = await roundOf(membership.roundId);
    const fortnight = round.status === 'under-way' ? fortnightAt(round, now) : undefined;
    if (fortnight === undefined) continue;
    const answered = await deps.store.checkIns.findCheckIn(membership.applicationId, fortnight);
    current.push({
      partnershipId: membership.partnershipId,
      round,
      fortnight,
      partnerNames: await partnerNamesOf(deps, membership.partnershipId, membership.applicationId),
      answer: answered?.answer,
      answeredAt: answered?.answeredAt,
    });
  }
  const applicationIds = new Set(
    (await deps.store.matching.listPartnershipsOfPerson(me.personId)).flatMap((partnership) =>
      partnership.members.filter((m) => m.personId === me.personId).map((m) => m.applicationId),
    ),
  );
  const history: PastCheckIn[] = [];
  for (const checkIn of await deps.store.checkIns.listCheckInsOf([...applicationIds])) {
    history.push({
      roundName: (await roundOf(checkIn.roundId)).name,
      fortnight: checkIn.fortnight,
      answer: checkIn.answer,
      answeredAt: checkIn.answeredAt,
    });
  }
  history.sort((a, b) => b.answeredAt.getTime() - a.answeredAt.getTime());
  return { current, history };
};

/** The viewer answers for this fortnight from their area, for a partnership they are in now. */
export const answerMyCheckIn = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; partnershipId: string; answer: unknown },
): Promise<{ outcome: CheckInOutcome; answer: CheckInAnswer; roundName: string }> => {
  const me = signedIn(input.viewer, 'check in');
  if (!isCheckInAnswer(input.answer)) {
    throw invalidInput([{ field: 'answer', code: 'checkIn.answer' }]);
  }
  const answer = input.answer;
  const memberships = await deps.store.checkIns.listRunningMembershipsOfPerson(me.personId);
  const membership = memberships.find((m) => m.partnershipId === input.partnershipId);
  if (!membership) throw new DomainError('NOT_FOUND', 'partnership.notFound', { id: input.partnershipId });
  const now = deps.clock.now();
  const round = await deps.store.rounds.getRound(membership.roundId);
  const fortnight = currentFortnightOf(round, now);
  const recorded = await deps.uow.transaction((store) =>
    recordCheckIn(store, {
      applicationId: membership.applicationId,
      roundId: round.id,
      fortnight,
      answer,
      source: 'area',
      now,
    }),
  );
  if ('refused' in recorded) {
    throw recorded.refused === 'left'
      ? new DomainError('NOT_FOUND', 'partnership.notFound', { id: input.partnershipId })
      : new DomainError('CONFLICT', 'checkIn.roundNotUnderWay', { round: round.name, status: round.status });
  }
  return { outcome: recorded.outcome, answer, roundName: round.name };
};
