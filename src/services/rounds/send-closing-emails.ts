import type { RoundClosing } from '../../core/messages/messages';
import { findNextRoundToJoin } from '../../core/rounds/next-round';
import type { UseCaseDeps } from '../ports/deps';
import { findEndOfRoundSurvey, prepareSurveyLink } from '../surveys/survey-link';

/**
 * The closing email of a finished round, to everyone who was still in a partnership when it ended
 * (end-round.ts), sent by the `round-closing` job: thanks, the end-of-round survey (a personal link
 * when it is open; the day it comes when it opens later) and the next round to apply to.
 *
 * Exactly once per (round, person), as for surveys: each batch is one transaction that records
 * the emails under their primary key, stores the survey links' hashes and queues the emails; the
 * mail queue's dedupe key is a second guard.
 */
export const CLOSING_BATCH = 200;

/** Finished rounds with closing emails still to send. */
export const listDueRoundClosings = async (deps: UseCaseDeps): Promise<{ roundId: string }[]> => {
  const due: { roundId: string }[] = [];
  for (const round of await deps.store.rounds.listRounds()) {
    if (round.status !== 'finished') continue;
    const pending = await deps.store.checkIns.listClosingRecipients({ roundId: round.id, limit: 1 });
    if (pending.length > 0) due.push({ roundId: round.id });
  }
  return due;
};

export const sendRoundClosingEmails = async (
  deps: UseCaseDeps,
  roundId: string,
  options: { batchSize?: number; isStopping?: () => boolean } = {},
): Promise<number> => {
  const batchSize = options.batchSize ?? CLOSING_BATCH;
  let sent = 0;
  for (;;) {
    if (options.isStopping?.()) break;
    const now = deps.clock.now();
    const batch = await deps.uow.transaction(async (store) => {
      const round = await store.rounds.getRound(roundId);
      if (round.status !== 'finished') return { fetched: 0, recorded: 0 };
      const recipients = await store.checkIns.listClosingRecipients({ roundId, limit: batchSize });
      if (recipients.length === 0) return { fetched: 0, recorded: 0 };
      const recorded = await store.checkIns.recordClosingEmails({
        roundId,
        applicationIds: recipients.map((r) => r.applicationId),
        now,
      });
      const survey = await findEndOfRoundSurvey(store, roundId, now);
      const next = findNextRoundToJoin(await store.rounds.listRounds(), now, roundId);
      const nextRound: RoundClosing['nextRound'] = next && {
        id: next.round.id,
        name: next.round.name,
        isOpenNow: next.isOpenNow,
        applicationsOpenAt: next.round.applicationsOpenAt.toISOString(),
        applicationsCloseAt: next.round.applicationsCloseAt.toISOString(),
      };
      const links: ReturnType<typeof prepareSurveyLink>['row'][] = [];
      for (const recipient of recipients) {
        if (!recorded.has(recipient.applicationId)) continue;
        let surveyPart: RoundClosing['survey'] = { state: 'none' };
        if (survey.state === 'open') {
          const link = prepareSurveyLink(deps, survey.survey, recipient.applicationId);
          links.push(link.row);
          surveyPart = {
            state: 'open',
            title: survey.survey.title,
            token: link.token,
            closesAt: survey.survey.closesAt.toISOString(),
          };
        } else if (survey.state === 'later') {
          surveyPart = {
            state: 'later',
            title: survey.survey.title,
            sendAt: survey.survey.sendAt.toISOString(),
          };
        }
        await store.messages.enqueue(
          {
            kind: 'round-closing',
            to: recipient.email,
            locale: recipient.locale,
            dedupeKey: `round-closing:${roundId}:${recipient.applicationId}`,
            payload: {
              name: recipient.name,
              roundName: round.name,
              timeZone: recipient.timeZone,
              survey: surveyPart,
              nextRound,
            },
          },
          now,
        );
      }
      await store.surveys.insertLinks(links, now);
      return { fetched: recipients.length, recorded: recorded.size };
    });
    sent += batch.recorded;
    if (batch.fetched < batchSize) break;
  }
  return sent;
};
