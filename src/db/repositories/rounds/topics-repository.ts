import type { Kysely } from 'kysely';
import type { TopicsRepository } from '../../../services/ports/rounds';
import type { Database } from '../../schema';

export const createTopicsRepository = (db: Kysely<Database>): TopicsRepository => ({
  listPublishedTopics: async (now) => {
    const rows = await db
      .selectFrom('topics')
      .innerJoin('rounds', 'rounds.id', 'topics.round_id')
      .select([
        'topics.id',
        'topics.round_id',
        'rounds.name as round_name',
        'rounds.starts_on as round_starts_on',
        'topics.title',
        'topics.body',
        'topics.publish_on',
        'topics.published_at',
      ])
      .where('topics.published_at', 'is not', null)
      .where('topics.published_at', '<=', now.toISOString())
      .orderBy('rounds.starts_on', 'desc')
      .orderBy('topics.round_id')
      .orderBy('topics.publish_on', 'desc')
      .orderBy('topics.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      roundId: row.round_id,
      roundName: row.round_name,
      roundStartsOn: row.round_starts_on,
      title: row.title,
      body: row.body,
      publishOn: row.publish_on,
      publishedAt: new Date(row.published_at as string),
    }));
  },
  insertTopic: async (topic, now) => {
    const at = now.toISOString();
    await db
      .insertInto('topics')
      .values({
        id: topic.id,
        round_id: topic.roundId,
        title: topic.title,
        body: topic.body,
        publish_on: topic.publishOn,
        published_at: topic.publishedAt ? topic.publishedAt.toISOString() : null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  },
});
