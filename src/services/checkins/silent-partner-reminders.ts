import { fortnightAt } from '../../core/checkins/fortnights';
import type { UseCaseDeps } from '../ports/deps';
import { issueCheckInLinks } from './check-in-links';
import { watchRound } from './watch-round';

/**
 * The one friendly reminder to the silent partners of a partnership on the intervention list
 * (core silent-partners.ts), sent by the `silent-partner-check` job.
 *
 * Exactly once per (partnership, episode): in one transaction the episode is recorded under its
 * primary key and the reminder is queued to each silent partner (with this fortnight's one-click
 * check-in answers). An episode recorded already, by an earlier pass, another server or a
 * coordinator who dismissed it first, is left alone; a pass that dies before committing left
 * nothing behind. The mail queue's dedupe key is a second guard.
 */
export const listDueSilentPartnerChecks = async (deps: UseCaseDeps): Promise<{ roundId: string }[]> => {
  const now = deps.clock.now();
  const due: { roundId: string }[] = [];
  for (const round of await deps.store.rounds.listRounds()) {
    if (round.status !== 'under-way') continue;
    const watch = await watchRound(deps.store, round, now);
    if (watch.silent.some((finding) => !watch.episodeOf(finding))) due.push({ roundId: round.id });
  }
  return due;
};

/** Sends the round's due reminders; resolves with how many partnerships were reminded. */
export const sendSilentPartnerReminders = async (deps: UseCaseDeps, roundId: string): Promise<number> => {
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const round = await store.rounds.getRound(roundId);
    if (round.status !== 'under-way') return 0;
    const watch = await watchRound(store, round, now);
    let reminded = 0;
    for (const finding of watch.silent) {
      if (watch.episodeOf(finding)) continue;
      const isFirst = await store.checkIns.recordReminder({
        partnershipId: finding.partnershipId,
        episode: finding.episode,
        roundId: round.id,
        reason: finding.reason,
        now,
      });
      if (!isFirst) continue;
      const partnership = watch.partnerships.find((p) => p.id === finding.partnershipId)!;
      const current = partnership.members.filter((m) => m.leftAt === null);
      const applications = new Map(
        (await Promise.all(current.map((m) => store.applications.findApplication(m.applicationId))))
          .filter((a) => a !== undefined)
          .map((a) => [a.id, a]),
      );
      const links = issueCheckInLinks(deps, {
        round,
        fortnight: fortnightAt(round, now),
        applicationIds: finding.silentIds,
      });
      await store.checkIns.insertLinks(links.rows, now);
      for (const applicationId of finding.silentIds) {
        const application = applications.get(applicationId);
        if (!application) continue;
        await store.messages.enqueue(
          {
            kind: 'silent-partner-reminder',
            to: application.email,
            locale: application.locale,
            dedupeKey: `silent-partner-reminder:${finding.partnershipId}:${finding.episode}:${applicationId}`,
            payload: {
              name: application.name,
              roundName: round.name,
              reason: finding.reason,
              partnerNames: current
                .filter((m) => m.applicationId !== applicationId)
                .flatMap((m) => applications.get(m.applicationId)?.name ?? []),
              checkIn: links.links.get(applicationId),
            },
          },
          now,
        );
      }
      await store.audit.record(
        {
          actorPersonId: null,
          action: 'partnership.silent-reminder-sent',
          subjectType: 'partnership',
          subjectId: finding.partnershipId,
          details: {
            roundId: round.id,
            episode: finding.episode,
            reason: finding.reason,
            silent: finding.silentIds,
          },
        },
        now,
      );
      reminded++;
    }
    return reminded;
  });
};
