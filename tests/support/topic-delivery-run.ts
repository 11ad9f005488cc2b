import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DatabaseHandle, openDatabase } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import type { ReceivedMail } from './mail';
import { createTestDatabase, type TestDatabase, testDialect } from './test-database';
import { seedParticipants, seedTopic, seedUnderWayRound } from './topic-fixtures';

/**
 * A program database that real `iln serve` processes share, with a round under way around today
 * (the child processes run on the real clock), `participants` active participants and one topic
 * that fell due a minute ago. SQLite: a file in a fresh DATA_DIR; PostgreSQL: a fresh database on
 * the test cluster.
 */
export interface TopicDeliveryScene {
  dataDir: string;
  /** What a server process needs to find this database. */
  env: Record<string, string>;
  emails: string[];
  topicId: string;
  open: () => DatabaseHandle;
  dispose: () => Promise<void>;
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export const createTopicDeliveryScene = async (participants: number): Promise<TopicDeliveryScene> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iln-topics-'));
  let database: TestDatabase | undefined;
  let open: () => DatabaseHandle;
  let env: Record<string, string>;
  if (testDialect() === 'postgres') {
    const created = await createTestDatabase();
    database = created;
    const url = created.location.dialect === 'postgres' ? created.location.url : '';
    open = () => openDatabase({ dialect: 'postgres', url });
    env = { DATABASE_URL: url };
  } else {
    const path = join(dataDir, 'iln.sqlite');
    open = () => openDatabase({ dialect: 'sqlite', path });
    env = {};
  }
  const handle = open();
  try {
    await migrateToLatest(handle.db);
    const round = await seedUnderWayRound(handle.db, { startsOn: day(-7), endsOn: day(100) });
    const seeded = await seedParticipants(handle.db, { roundId: round.id, count: participants });
    const topic = await seedTopic(handle.db, {
      roundId: round.id,
      id: 'topic-1',
      dueAt: new Date(Math.floor((Date.now() - 60_000) / 60_000) * 60_000),
      title: 'Getting to know you',
    });
    return {
      dataDir,
      env,
      emails: seeded.map((p) => p.email),
      topicId: topic.id,
      open,
      dispose: async () => {
        await database?.dispose();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } finally {
    await handle.close();
  }
};

/** Where the queue and the fan-out stand, read from the database (over `handle` when given). */
export const readDeliveryState = async (scene: TopicDeliveryScene, given?: DatabaseHandle) => {
  const handle = given ?? scene.open();
  try {
    const [deliveries, mail, topic] = await Promise.all([
      handle.db
        .selectFrom('topic_deliveries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('topic_id', '=', scene.topicId)
        .executeTakeFirstOrThrow(),
      handle.db
        .selectFrom('mail_messages')
        .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
        .where('kind', '=', 'topic')
        .groupBy('status')
        .execute(),
      handle.db
        .selectFrom('topics')
        .select('published_at')
        .where('id', '=', scene.topicId)
        .executeTakeFirstOrThrow(),
    ]);
    const byStatus: Record<string, number> = {};
    for (const row of mail) byStatus[row.status] = Number(row.n);
    return { deliveries: Number(deliveries.n), byStatus, publishedAt: topic.published_at };
  } finally {
    if (!given) await handle.close();
  }
};

/**
 * What the participants' mailboxes hold: a mailbox keeps one copy per Message-ID (as large mail
 * providers do), so a message handed to the SMTP server twice with the same Message-ID is one
 * email. Also reports those repeats at the SMTP boundary, and anything unexpected.
 */
export const summariseMailboxes = (received: readonly ReceivedMail[], emails: readonly string[]) => {
  const byRecipient = new Map<string, Set<string>>();
  const wireCount = new Map<string, number>();
  for (const mail of received) {
    for (const to of mail.envelopeTo) {
      const ids = byRecipient.get(to) ?? new Set<string>();
      ids.add(mail.messageId ?? '');
      byRecipient.set(to, ids);
      wireCount.set(to, (wireCount.get(to) ?? 0) + 1);
    }
  }
  const expected = new Set(emails);
  return {
    /** Participants with no copy. */
    missing: emails.filter((email) => !byRecipient.has(email)),
    /** Participants with two different emails (two Message-IDs): a real duplicate. */
    duplicated: [...byRecipient].filter(([, ids]) => ids.size > 1).map(([to]) => to),
    /** Recipients who are not participants. */
    strangers: [...byRecipient.keys()].filter((to) => !expected.has(to)),
    /** Deliveries to the SMTP server beyond one per participant (same Message-ID). */
    wireRepeats: [...wireCount.values()].reduce((sum, n) => sum + n - 1, 0),
  };
};
