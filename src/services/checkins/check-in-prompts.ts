import { findDueCheckInPrompt, fortnightOfDay } from '../../core/checkins/fortnights';
import type { Round } from '../../core/rounds';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';
import { issueCheckInLinks } from './check-in-links';

/**
 * The standalone "did you connect?" email, for fortnights without a topic (core
 * findDueCheckInPrompt): when a topic is set in a fortnight, its email carries the check-in links
 * and this one is not sent. Sent by the `check-in-prompts` job, to everyone in a partnership of the
 * round who has neither had it nor answered for that fortnight (someone who already checked in in
 * their area is not asked again).
 *
 * Exactly once per (participant, fortnight), as for surveys: each batch is one transaction that
 * records the emails under their primary key, stores the links' hashes and queues the emails.
 */
export const CHECK_IN_PROMPT_BATCH = 200;

export interface DueCheckInPrompt {
  roundId: string;
  fortnight: number;
}

const fortnightsWithTopics = async (store: Pick<Store, 'checkIns'>, round: Round) =>
  new Set((await store.checkIns.listTopicDays(round.id)).flatMap((day) => fortnightOfDay(round, day) ?? []));

const dueFortnight = async (store: Pick<Store, 'checkIns'>, round: Round, now: Date) =>
  round.status === 'under-way'
    ? findDueCheckInPrompt(round, now, await fortnightsWithTopics(store, round))
    : undefined;

/** Rounds whose check-in email is due now and still has someone to go to. */
export const listDueCheckInPrompts = async (deps: UseCaseDeps): Promise<DueCheckInPrompt[]> => {
  const now = deps.clock.now();
  const due: DueCheckInPrompt[] = [];
  for (const round of await deps.store.rounds.listRounds()) {
    const fortnight = await dueFortnight(deps.store, round, now);
    if (fortnight === undefined) continue;
    const pending = await deps.store.checkIns.listPromptRecipients({
      roundId: round.id,
      fortnight,
      limit: 1,
    });
    if (pending.length > 0) due.push({ roundId: round.id, fortnight });
  }
  return due;
};

/** Sends one round's due check-in emails in batches; resolves with how many were queued. */
export const sendCheckInPrompts = async (
  deps: UseCaseDeps,
  due: DueCheckInPrompt,
  options: { batchSize?: number; isStopping?: () => boolean } = {},
): Promise<number> => {
  const batchSize = options.batchSize ?? CHECK_IN_PROMPT_BATCH;
  let sent = 0;
  for (;;) {
    if (options.isStopping?.()) break;
    const now = deps.clock.now();
    const batch = await deps.uow.transaction(async (store) => {
      const round = await store.rounds.getRound(due.roundId);
      if ((await dueFortnight(store, round, now)) !== due.fortnight) return { fetched: 0, recorded: 0 };
      const recipients = await store.checkIns.listPromptRecipients({
        roundId: round.id,
        fortnight: due.fortnight,
        limit: batchSize,
      });
      if (recipients.length === 0) return { fetched: 0, recorded: 0 };
      const recorded = await store.checkIns.recordPrompts({
        roundId: round.id,
        fortnight: due.fortnight,
        applicationIds: recipients.map((r) => r.applicationId),
        now,
      });
      const toSend = recipients.filter((r) => recorded.has(r.applicationId));
      const links = issueCheckInLinks(deps, {
        round,
        fortnight: due.fortnight,
        applicationIds: toSend.map((r) => r.applicationId),
      });
      await store.checkIns.insertLinks(links.rows, now);
      for (const recipient of toSend) {
        const checkIn = links.links.get(recipient.applicationId);
        if (!checkIn) continue;
        await store.messages.enqueue(
          {
            kind: 'check-in-prompt',
            to: recipient.email,
            locale: recipient.locale,
            dedupeKey: `check-in-prompt:${round.id}:${due.fortnight}:${recipient.applicationId}`,
            payload: { name: recipient.name, roundName: round.name, checkIn },
          },
          now,
        );
      }
      return { fetched: recipients.length, recorded: toSend.length };
    });
    sent += batch.recorded;
    if (batch.fetched < batchSize) break;
  }
  return sent;
};
