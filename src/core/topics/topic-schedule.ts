import { resolveDeadlineAt } from '../rounds/deadlines';
import type { RoundStatus } from '../rounds/round';
import type { LocalDate, LocalTime } from '../time/local-time';
import type { TopicStatus } from './topic';

/**
 * When a topic goes out, and what that means for sending it: pure functions of (state, now). The
 * topic-delivery job only carries out what these decide; the SQL of the topics repository
 * mirrors `isTopicDue` and `isTopicPublic`.
 */

/** The time of day a new topic goes out unless a coordinator says otherwise (round's zone). */
export const DEFAULT_TOPIC_TIME: LocalTime = '09:00';

/**
 * A topic found due this long after its moment was not sent on time: the program was down (or
 * `iln run-due` did not run). The delivery job runs every minute, so five minutes is well past
 * ordinary lateness.
 */
export const LATE_AFTER_MS = 5 * 60_000;

/**
 * The instant a topic's wall-clock moment falls at in the round's zone. Daylight-saving edges as
 * for deadlines: a time that happens twice means the later one, a skipped time moves forward.
 */
export const topicMomentAt = (publishOn: LocalDate, publishTime: LocalTime, programTimeZone: string): Date =>
  resolveDeadlineAt(publishOn, publishTime, programTimeZone);

export interface TopicDueState {
  status: TopicStatus;
  dueAt: Date;
  /** Set once the topic has been sent to every active participant. */
  publishedAt: Date | null;
  roundStatus: RoundStatus;
}

/**
 * A topic is due for sending when it is scheduled, its moment has come, its round is under way
 * (there are partnerships to write to), and it has not yet been sent to everyone. A topic whose
 * moment passes before its round is under way goes out when the round gets under way.
 */
export const isTopicDue = (state: TopicDueState, now: Date): boolean =>
  state.status === 'scheduled' &&
  state.publishedAt === null &&
  state.roundStatus === 'under-way' &&
  state.dueAt.getTime() <= now.getTime();

/** The rounds whose topics the public archive shows. */
export const ARCHIVED_ROUND_STATUSES: readonly RoundStatus[] = ['under-way', 'finished'];

/** The public archive shows a scheduled topic of a running or finished round once its moment has passed. */
export const isTopicPublic = (
  state: Pick<TopicDueState, 'status' | 'dueAt' | 'roundStatus'>,
  now: Date,
): boolean =>
  state.status === 'scheduled' &&
  ARCHIVED_ROUND_STATUSES.includes(state.roundStatus) &&
  state.dueAt.getTime() <= now.getTime();

/**
 * Whether a coordinator may still move or delete a topic, or make it a draft again: not once a
 * scheduled topic's moment has passed, since it is being (or has been) sent. Its words can still
 * be corrected; emails already queued keep what they said.
 */
export const isTopicScheduleLocked = (state: Pick<TopicDueState, 'status' | 'dueAt'>, now: Date): boolean =>
  state.status === 'scheduled' && state.dueAt.getTime() <= now.getTime();

/**
 * How a fan-out pass finds a due topic:
 * - `on-time`: its moment has just passed and nobody has it yet;
 * - `catch-up`: nobody has it yet and its moment passed more than LATE_AFTER_MS ago (the program
 *   was down: it is sent now, and the log says so);
 * - `resuming`: some participants have it already (a pass was interrupted, or another server is
 *   sending it too); the rest get it now.
 */
export type FanOutStart = 'on-time' | 'catch-up' | 'resuming';

export const classifyFanOutStart = (dueAt: Date, now: Date, alreadyDelivered: number): FanOutStart => {
  if (alreadyDelivered > 0) return 'resuming';
  return now.getTime() - dueAt.getTime() > LATE_AFTER_MS ? 'catch-up' : 'on-time';
};
