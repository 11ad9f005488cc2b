import { type Kysely, type Selectable, sql } from 'kysely';
import type { MailStatus } from '../../../core/mail/mail-message';
import type { RoundStatus } from '../../../core/rounds';
import {
  ARCHIVED_ROUND_STATUSES,
  TOPIC_TRANSLATION_LOCALES,
  type Topic,
  type TopicStatus,
  type TopicText,
  type TopicTranslationLocale,
  type TopicWithRound,
} from '../../../core/topics';
import type { PublicTopic, TopicDeliveryCounts, TopicsRepository } from '../../../services/ports/topics';
import type { Database } from '../../schema';
import type { TopicsTable } from '../../tables/applicant';

type TopicRow = Selectable<TopicsTable>;

const toTopic = (row: TopicRow, translations: Topic['translations']): Topic => ({
  id: row.id,
  roundId: row.round_id,
  title: row.title,
  body: row.body,
  publishOn: row.publish_on,
  publishTime: row.publish_time,
  // Only a topic written before migration 0014 could lack it, and 0014 fills those in.
  dueAt: new Date(row.due_at ?? `${row.publish_on}T09:00:00.000Z`),
  status: row.status as TopicStatus,
  publishedAt: row.published_at ? new Date(row.published_at) : null,
  translations,
});

const isTranslationLocale = (value: string): value is TopicTranslationLocale =>
  (TOPIC_TRANSLATION_LOCALES as readonly string[]).includes(value);

/** The translations of these topics, by topic id. */
const loadTranslations = async (
  db: Kysely<Database>,
  topicIds: readonly string[],
): Promise<Map<string, Topic['translations']>> => {
  const byTopic = new Map<string, Topic['translations']>();
  if (topicIds.length === 0) return byTopic;
  const rows = await db
    .selectFrom('topic_translations')
    .select(['topic_id', 'locale', 'title', 'body'])
    .where('topic_id', 'in', topicIds)
    .execute();
  for (const row of rows) {
    if (!isTranslationLocale(row.locale)) continue;
    const translations = byTopic.get(row.topic_id) ?? {};
    translations[row.locale] = { title: row.title, body: row.body };
    byTopic.set(row.topic_id, translations);
  }
  return byTopic;
};

const withTranslations = async <R extends TopicRow>(db: Kysely<Database>, rows: R[]) => {
  const translations = await loadTranslations(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ row, topic: toTopic(row, translations.get(row.id) ?? {}) }));
};

const topicColumns = (topic: Topic) => ({
  round_id: topic.roundId,
  title: topic.title,
  body: topic.body,
  publish_on: topic.publishOn,
  publish_time: topic.publishTime,
  due_at: topic.dueAt.toISOString(),
  status: topic.status,
  published_at: topic.publishedAt ? topic.publishedAt.toISOString() : null,
});

const writeTranslations = async (db: Kysely<Database>, topic: Topic, now: string): Promise<void> => {
  await db.deleteFrom('topic_translations').where('topic_id', '=', topic.id).execute();
  const rows = Object.entries(topic.translations as Record<string, TopicText | undefined>).flatMap(
    ([locale, text]) =>
      text
        ? [
            {
              topic_id: topic.id,
              locale,
              title: text.title,
              body: text.body,
              created_at: now,
              updated_at: now,
            },
          ]
        : [],
  );
  if (rows.length > 0) await db.insertInto('topic_translations').values(rows).execute();
};

const withRound = (db: Kysely<Database>) =>
  db
    .selectFrom('topics')
    .innerJoin('rounds', 'rounds.id', 'topics.round_id')
    .selectAll('topics')
    .select([
      'rounds.status as round_status',
      'rounds.name as round_name',
      'rounds.time_zone as round_time_zone',
      'rounds.starts_on as round_starts_on',
    ]);

type RowWithRound = TopicRow & {
  round_status: string;
  round_name: string;
  round_time_zone: string;
  round_starts_on: string;
};

const toTopicWithRound = (row: RowWithRound, topic: Topic): TopicWithRound => ({
  ...topic,
  roundStatus: row.round_status as RoundStatus,
  roundName: row.round_name,
  programTimeZone: row.round_time_zone,
});

const toPublicTopic = (row: RowWithRound, topic: Topic): PublicTopic => ({
  ...topic,
  roundName: row.round_name,
  roundStartsOn: row.round_starts_on,
});

/** Topics, their translations, and the questions the delivery job and the archive ask of them. */
export const createTopicsRepository = (db: Kysely<Database>): TopicsRepository => {
  const publicAt = (now: Date) =>
    withRound(db)
      .where('topics.status', '=', 'scheduled')
      .where('topics.due_at', '<=', now.toISOString())
      .where('rounds.status', 'in', [...ARCHIVED_ROUND_STATUSES]);
  return {
    listRoundTopics: async (roundId) => {
      const rows = await db
        .selectFrom('topics')
        .selectAll()
        .where('round_id', '=', roundId)
        .orderBy('due_at')
        .orderBy('id')
        .execute();
      return (await withTranslations(db, rows)).map(({ topic }) => topic);
    },
    findTopic: async (id) => {
      const row = await withRound(db).where('topics.id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const [found] = await withTranslations(db, [row]);
      return toTopicWithRound(row, found!.topic);
    },
    insertTopic: async (topic, now) => {
      const at = now.toISOString();
      await db
        .insertInto('topics')
        .values({ id: topic.id, ...topicColumns(topic), created_at: at, updated_at: at })
        .execute();
      await writeTranslations(db, topic, at);
    },
    saveTopic: async (topic, now) => {
      const at = now.toISOString();
      const result = await db
        .updateTable('topics')
        .set({ ...topicColumns(topic), updated_at: at })
        .where('id', '=', topic.id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await writeTranslations(db, topic, at);
      return true;
    },
    saveTopicMoments: async (moments, now) => {
      for (const moment of moments) {
        await db
          .updateTable('topics')
          .set({
            publish_on: moment.publishOn,
            publish_time: moment.publishTime,
            due_at: moment.dueAt.toISOString(),
            updated_at: now.toISOString(),
          })
          .where('id', '=', moment.id)
          .execute();
      }
    },
    deleteTopic: async (id) => {
      const result = await db.deleteFrom('topics').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    listPublicTopics: async (now) => {
      const rows = await publicAt(now)
        .orderBy('rounds.starts_on', 'desc')
        .orderBy('topics.round_id')
        .orderBy('topics.due_at', 'desc')
        .orderBy('topics.id')
        .execute();
      return (await withTranslations(db, rows)).map(({ row, topic }) => toPublicTopic(row, topic));
    },
    findPublicTopic: async (id, now) => {
      const row = await publicAt(now).where('topics.id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const [found] = await withTranslations(db, [row]);
      return toPublicTopic(row, found!.topic);
    },
    listDueTopics: async (now, limit) => {
      const rows = await withRound(db)
        .where('topics.status', '=', 'scheduled')
        .where('topics.published_at', 'is', null)
        .where('topics.due_at', '<=', now.toISOString())
        .where('rounds.status', '=', 'under-way')
        .orderBy('topics.due_at')
        .orderBy('topics.id')
        .limit(limit)
        .execute();
      return (await withTranslations(db, rows)).map(({ row, topic }) => toTopicWithRound(row, topic));
    },
    markTopicPublished: async (id, now) => {
      const result = await db
        .updateTable('topics')
        .set({ published_at: now.toISOString() })
        .where('id', '=', id)
        .where('published_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    countRoundDeliveries: async (roundId) => {
      const rows = await db
        .selectFrom('topic_deliveries')
        .innerJoin('topics', 'topics.id', 'topic_deliveries.topic_id')
        .leftJoin('mail_messages', 'mail_messages.id', 'topic_deliveries.mail_message_id')
        .select(['topic_deliveries.topic_id', 'mail_messages.status', sql<number>`count(*)`.as('count')])
        .where('topics.round_id', '=', roundId)
        .groupBy(['topic_deliveries.topic_id', 'mail_messages.status'])
        .execute();
      const counts = new Map<string, TopicDeliveryCounts>();
      for (const row of rows) {
        const entry = counts.get(row.topic_id) ?? {
          queued: 0,
          byStatus: { pending: 0, sending: 0, sent: 0, failed: 0 },
        };
        const count = Number(row.count);
        entry.queued += count;
        if (row.status) entry.byStatus[row.status as MailStatus] += count;
        counts.set(row.topic_id, entry);
      }
      return counts;
    },
  };
};
