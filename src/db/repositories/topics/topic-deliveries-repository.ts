import type { Insertable, Kysely } from 'kysely';
import type { PreparedTopicEmails, TopicDeliveriesRepository } from '../../../services/ports/topics';
import type { Database } from '../../schema';
import type { MailMessagesTable } from '../../tables/mail';
import { type MessageRenderer, messageRow } from '../mail/message-queue';

interface PreparedRows extends PreparedTopicEmails {
  rows: { applicationId: string; mail: Insertable<MailMessagesTable> }[];
}

/** Rows per INSERT: well under both databases' limits on bound parameters. */
const INSERT_SLICE = 200;

const slices = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
};

/**
 * The fan-out's rows. Exactly once rests on the primary key (topic_id, application_id): the
 * delivery rows are inserted first with ON CONFLICT DO NOTHING RETURNING, and an email is queued
 * only for the rows this transaction inserted. Two processes inserting the same row at once: on
 * PostgreSQL the second waits for the first's transaction and then does nothing; on SQLite
 * writers take turns. The mail row's dedupe key (`topic:<topic>:<application>`) is a second,
 * independent guard.
 */
export const createTopicDeliveriesRepository = (
  db: Kysely<Database>,
  render: MessageRenderer,
): TopicDeliveriesRepository => ({
  countDeliveries: async (topicId) => {
    const row = await db
      .selectFrom('topic_deliveries')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('topic_id', '=', topicId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },
  listUndeliveredRecipients: async ({ topicId, roundId, afterApplicationId, limit }) => {
    const rows = await db
      .selectFrom('partnership_members')
      .innerJoin('partnerships', 'partnerships.id', 'partnership_members.partnership_id')
      .innerJoin('applications', 'applications.id', 'partnership_members.application_id')
      .select(['applications.id', 'applications.email', 'applications.name', 'applications.locale'])
      .distinct()
      .where('partnerships.round_id', '=', roundId)
      .where('partnerships.status', '=', 'active')
      .where('partnership_members.left_at', 'is', null)
      .where('applications.id', '>', afterApplicationId)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('topic_deliveries')
              .select('topic_deliveries.application_id')
              .where('topic_deliveries.topic_id', '=', topicId)
              .whereRef('topic_deliveries.application_id', '=', 'applications.id'),
          ),
        ),
      )
      .orderBy('applications.id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      applicationId: row.id,
      email: row.email,
      name: row.name,
      locale: row.locale ?? 'en',
    }));
  },
  prepareEmails: async (planned, now) => {
    const prepared: PreparedRows = {
      applicationIds: planned.map((item) => item.applicationId),
      rows: planned.map((item) => ({
        applicationId: item.applicationId,
        mail: messageRow(render, item.message, now),
      })),
    };
    return prepared;
  },
  recordDeliveries: async (topicId, prepared, now) => {
    const { rows } = prepared as PreparedRows;
    const at = now.toISOString();
    let written = 0;
    for (const slice of slices(rows, INSERT_SLICE)) {
      const inserted = await db
        .insertInto('topic_deliveries')
        .values(
          slice.map((row) => ({
            topic_id: topicId,
            application_id: row.applicationId,
            mail_message_id: row.mail.id as string,
            created_at: at,
          })),
        )
        .onConflict((oc) => oc.columns(['topic_id', 'application_id']).doNothing())
        .returning('application_id')
        .execute();
      if (inserted.length === 0) continue;
      const mine = new Set(inserted.map((row) => row.application_id));
      await db
        .insertInto('mail_messages')
        .values(slice.filter((row) => mine.has(row.applicationId)).map((row) => row.mail))
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .execute();
      written += mine.size;
    }
    return written;
  },
});
