import { computeRetentionCutoff, DEFAULT_RETENTION_MONTHS } from '../../core/privacy/erasure';
import type { UseCaseDeps } from '../ports/deps';

export interface RetentionInput {
  /** Months after a round ends that its declined and withdrawn applications are kept. */
  months?: number;
  /** Applications erased per transaction. */
  batchSize?: number;
}

/**
 * The retention rule (README, "Privacy"): applications that were declined or withdrawn are erased
 * `months` after their round ends, as an erasure on request empties them; the person's account and
 * their other applications are left alone. Each batch commits with its audit entries; erased rows
 * are never listed again, so running it twice, or after a crash, does the rest and nothing more.
 */
export const applyRetention = async (
  deps: UseCaseDeps,
  input: RetentionInput = {},
): Promise<{ erased: number }> => {
  const months = input.months ?? DEFAULT_RETENTION_MONTHS;
  const batchSize = input.batchSize ?? 200;
  let erased = 0;
  for (;;) {
    const now = deps.clock.now();
    const ids = await deps.store.privacy.listPastRetention(computeRetentionCutoff(now, months), batchSize);
    if (ids.length === 0) return { erased };
    await deps.uow.transaction(async (store) => {
      for (const id of ids) {
        await store.privacy.eraseApplication(id, now);
        await store.audit.record(
          {
            actorPersonId: null,
            action: 'application.erased',
            subjectType: 'application',
            subjectId: id,
            details: { reason: 'retention', months },
          },
          now,
        );
      }
    });
    erased += ids.length;
    if (ids.length < batchSize) return { erased };
  }
};

/** Whether anything is past retention now (what the job checks before it runs). */
export const countPastRetention = async (deps: UseCaseDeps, input: RetentionInput = {}): Promise<number> =>
  (
    await deps.store.privacy.listPastRetention(
      computeRetentionCutoff(deps.clock.now(), input.months ?? DEFAULT_RETENTION_MONTHS),
      1,
    )
  ).length;
