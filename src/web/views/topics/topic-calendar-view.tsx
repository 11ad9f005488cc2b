import type { Round } from '../../../core/rounds';
import { type CalendarEntry, isTopicScheduleLocked, type Topic, type TopicSlot } from '../../../core/topics';
import type { TopicDeliveryCounts } from '../../../services/ports/topics';
import { BackLink, CsrfField } from '../components';
import { formatCalendarDate, formatTimeZone } from '../format';
import { useShell } from '../shell-context';

export const topicsPath = (roundId: string) => `/coordinator/rounds/${encodeURIComponent(roundId)}/topics`;
export const topicPath = (roundId: string, topicId: string) =>
  `${topicsPath(roundId)}/${encodeURIComponent(topicId)}`;

const SlotLabel = ({ slot }: { slot: TopicSlot | undefined }) => {
  const { t } = useShell();
  if (!slot) return <>{t('topics:calendar.offSlot')}</>;
  return <>{t(`topics:calendar.slot.${slot.role}`, { number: slot.number })}</>;
};

/** Where a topic stands: draft, scheduled, waiting for its round, being sent, sent. */
const TopicStatus = ({
  topic,
  round,
  counts,
  now,
}: {
  topic: Topic;
  round: Round;
  counts: TopicDeliveryCounts | undefined;
  now: Date;
}) => {
  const { t } = useShell();
  if (topic.status === 'draft') return <>{t('topics:status.draft')}</>;
  if (topic.dueAt.getTime() > now.getTime()) return <>{t('topics:status.scheduled')}</>;
  const sent = counts?.byStatus.sent ?? 0;
  const failed = counts?.byStatus.failed ?? 0;
  const queued = counts?.queued ?? 0;
  if (topic.publishedAt) {
    return (
      <>
        {t('topics:status.sent', { sent, queued })}
        {failed > 0 && (
          <>
            {' '}
            <a href="/outbox/dead-letters">{t('topics:status.failed', { count: failed })}</a>
          </>
        )}
      </>
    );
  }
  if (round.status !== 'under-way') return <>{t('topics:status.waitingForRound')}</>;
  return <>{t('topics:status.sending', { queued })}</>;
};

const MoveButton = ({
  topic,
  direction,
  csrfToken,
}: {
  topic: Topic;
  direction: 'earlier' | 'later';
  csrfToken: string;
}) => {
  const { t } = useShell();
  return (
    <form method="post" action={`${topicPath(topic.roundId, topic.id)}/move`} class="site-nav__form">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" class="link-button">
        {t(`topics:calendar.move.${direction}`)}
        <span class="visually-hidden"> {topic.title}</span>
      </button>
    </form>
  );
};

const TopicActions = ({
  topic,
  index,
  count,
  canWrite,
  isLocked,
  csrfToken,
}: {
  topic: Topic;
  index: number;
  count: number;
  canWrite: boolean;
  isLocked: boolean;
  csrfToken: string;
}) => {
  const { t } = useShell();
  const path = topicPath(topic.roundId, topic.id);
  return (
    <>
      <a href={`${path}/preview`}>
        {t('topics:calendar.preview')}
        <span class="visually-hidden"> {topic.title}</span>
      </a>
      {canWrite && (
        <>
          {' · '}
          <a href={`${path}/edit`}>
            {t('topics:calendar.edit')}
            <span class="visually-hidden"> {topic.title}</span>
          </a>
          {!isLocked && index > 0 && <MoveButton topic={topic} direction="earlier" csrfToken={csrfToken} />}
          {!isLocked && index < count - 1 && (
            <MoveButton topic={topic} direction="later" csrfToken={csrfToken} />
          )}
          {!isLocked && (
            <form method="post" action={`${path}/delete`} class="site-nav__form">
              <CsrfField token={csrfToken} />
              <button type="submit" class="link-button">
                {t('topics:calendar.delete')}
                <span class="visually-hidden"> {topic.title}</span>
              </button>
            </form>
          )}
        </>
      )}
    </>
  );
};

/**
 * The round's topic calendar: every default fortnightly slot and every topic by day, with where
 * each stands. Program coordinators write, reschedule, reorder and delete; country coordinators
 * read and preview. Every action is a plain link or form.
 */
export const TopicCalendarView = ({
  round,
  entries,
  deliveries,
  canWrite,
  now,
  csrfToken,
}: {
  round: Round;
  entries: CalendarEntry<Topic>[];
  deliveries: Map<string, TopicDeliveryCounts>;
  canWrite: boolean;
  now: Date;
  csrfToken: string;
}) => {
  const { t, locale } = useShell();
  const ordered = entries.flatMap((entry) => entry.topics);
  return (
    <section>
      <BackLink href="/coordinator/rounds" label={t('review:rounds.backToRounds')} />
      <h1>{t('topics:calendar.title', { round: round.name })}</h1>
      <p class="lead">{t('topics:calendar.intro', { zone: formatTimeZone(round.programTimeZone) })}</p>
      {canWrite && round.status !== 'finished' && (
        <p>
          <a class="button" href={`${topicsPath(round.id)}/new`}>
            {t('topics:calendar.write')}
          </a>
        </p>
      )}
      <div class="table-scroll">
        <table class="table table--stack">
          <caption>{t('topics:calendar.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('topics:calendar.columns.day')}</th>
              <th scope="col">{t('topics:calendar.columns.slot')}</th>
              <th scope="col">{t('topics:calendar.columns.topic')}</th>
              <th scope="col">{t('topics:calendar.columns.status')}</th>
              <th scope="col">{t('topics:calendar.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.flatMap((entry) =>
              entry.topics.length === 0
                ? [
                    <tr>
                      <td data-label={t('topics:calendar.columns.day')}>
                        {formatCalendarDate(entry.publishOn, locale)}
                      </td>
                      <td data-label={t('topics:calendar.columns.slot')}>
                        <SlotLabel slot={entry.slot} />
                      </td>
                      <td data-label={t('topics:calendar.columns.topic')}>{t('topics:calendar.empty')}</td>
                      <td data-label={t('topics:calendar.columns.status')}>—</td>
                      <td data-label={t('topics:calendar.columns.actions')}>
                        {canWrite && round.status !== 'finished' && (
                          <a href={`${topicsPath(round.id)}/new?publishOn=${entry.publishOn}`}>
                            {t('topics:calendar.writeFor')}
                            <span class="visually-hidden">
                              {' '}
                              {formatCalendarDate(entry.publishOn, locale)}
                            </span>
                          </a>
                        )}
                      </td>
                    </tr>,
                  ]
                : entry.topics.map((topic) => (
                    <tr data-topic-id={topic.id}>
                      <td data-label={t('topics:calendar.columns.day')}>
                        {formatCalendarDate(topic.publishOn, locale)}
                        <br />
                        <span class="table__sub">{topic.publishTime}</span>
                      </td>
                      <td data-label={t('topics:calendar.columns.slot')}>
                        <SlotLabel slot={entry.slot} />
                      </td>
                      <th scope="row" data-label={t('topics:calendar.columns.topic')}>
                        {topic.title}
                      </th>
                      <td data-label={t('topics:calendar.columns.status')}>
                        <TopicStatus
                          topic={topic}
                          round={round}
                          counts={deliveries.get(topic.id)}
                          now={now}
                        />
                      </td>
                      <td data-label={t('topics:calendar.columns.actions')}>
                        <TopicActions
                          topic={topic}
                          index={ordered.indexOf(topic)}
                          count={ordered.length}
                          canWrite={canWrite && round.status !== 'finished'}
                          isLocked={isTopicScheduleLocked(topic, now)}
                          csrfToken={csrfToken}
                        />
                      </td>
                    </tr>
                  )),
            )}
          </tbody>
        </table>
      </div>
      <h2>{t('topics:calendar.elsewhere')}</h2>
      <ul>
        <li>
          <a href="/topics">{t('topics:calendar.archiveLink')}</a>
        </li>
        <li>
          <a href={`/rounds/${encodeURIComponent(round.id)}/calendar.ics`}>{t('topics:calendar.feedLink')}</a>
        </li>
      </ul>
    </section>
  );
};
