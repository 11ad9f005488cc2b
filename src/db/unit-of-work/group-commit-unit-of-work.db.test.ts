import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { TableNode } from 'kysely';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { insertRound, makeOpenRound, TEST_NOW, validForm } from '../../../tests/support/applicant-fixtures';
import { testServiceDeps } from '../../../tests/support/mail';
import { createTestDatabase, type TestDatabase, testDialect } from '../../../tests/support/test-database';
import { validateApplicationForm } from '../../core/applications';
import { createMessageRenderer } from '../../email/render-message';
import { submitApplication } from '../../services/applications/submit-application';
import type { UseCaseDeps } from '../../services/ports/deps';
import { createGroupCommitUnitOfWork } from './group-commit-unit-of-work';

const storeOptions = () => ({
  dialect: database.dialect,
  render: createMessageRenderer({ baseUrl: 'https://iln.example.org' }),
});

/** Counts the statements run through it, by kind and table ("insert applications", "select rounds"). */
class StatementCounter implements KyselyPlugin {
  readonly counts = new Map<string, number>();
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    const table =
      node.kind === 'InsertQueryNode'
        ? node.into?.table.identifier.name
        : node.kind === 'SelectQueryNode'
          ? node.from?.froms.map((f) => (TableNode.is(f) ? f.table.identifier.name : '?')).join(',')
          : undefined;
    const key = `${node.kind.replace('QueryNode', '').toLowerCase()} ${table ?? ''}`.trim();
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

let database: TestDatabase;
const round = makeOpenRound();
beforeEach(async () => {
  database = await createTestDatabase();
  await insertRound(database.db, round);
});
afterEach(async () => {
  await database.dispose();
});

const form = (i: number) =>
  validForm({ name: `Person ${i} ${'abcdefghij'[i % 10]}`, email: `p${i}@example.org` });

test('a batch of submissions writes each table in one statement and reads the round once', async () => {
  const counter = new StatementCounter();
  const counted = { ...database, db: database.db.withPlugin(counter) };
  const deps: UseCaseDeps = {
    ...testServiceDeps(counted, { now: () => new Date(TEST_NOW) }),
    uow: createGroupCommitUnitOfWork(counted, storeOptions()),
  };
  const results = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      submitApplication(deps, { roundId: round.id, round, form: form(i), locale: 'en' }),
    ),
  );
  expect(new Set(results.map((r) => r.applicationId)).size).toBe(30);
  const count = async (table: 'applications' | 'mail_messages' | 'audit_log' | 'application_link_requests') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  expect([
    await count('applications'),
    await count('mail_messages'),
    await count('audit_log'),
    // The per-address count of the applying limit (no network address here).
    await count('application_link_requests'),
  ]).toEqual([30, 30, 30, 30]);
  // The 30 arrived together: one batch (PostgreSQL may split them over its concurrent batches).
  // One statement per table per batch (one per batch on PostgreSQL), where one per table per
  // submission used to be written.
  const batches =
    counter.counts.get(
      testDialect() === 'postgres' ? 'insert application_link_requests' : 'insert applications',
    ) ?? 0;
  expect(batches).toBeGreaterThanOrEqual(1);
  expect(batches).toBeLessThanOrEqual(4);
  expect(counter.counts.get('select rounds')).toBe(batches);
  if (testDialect() === 'postgres') {
    // One statement writes all four tables (WITH clauses), named for its last table.
    expect(counter.counts.get('insert application_link_requests')).toBe(batches);
    expect(counter.counts.get('insert mail_messages')).toBeUndefined();
    expect(counter.counts.get('insert audit_log')).toBeUndefined();
  } else {
    expect(counter.counts.get('insert mail_messages')).toBe(batches);
    expect(counter.counts.get('insert audit_log')).toBe(batches);
    expect(counter.counts.get('insert application_link_requests')).toBe(batches);
  }
});

test("a unit sees what the batch's earlier units left to be written", async () => {
  const store = createGroupCommitUnitOfWork(database, storeOptions());
  const validation = validateApplicationForm(form(1));
  if (!validation.ok) throw new Error('the test form is valid');
  const [writer, reader] = await Promise.all([
    store.transaction(async (s) => {
      await s.applications.insertApplication({
        id: 'app-1',
        roundId: round.id,
        personId: null,
        status: 'pending',
        answers: validation.value,
        editTokenHash: 'hash-1',
        submittedAt: TEST_NOW,
        duplicateChecked: false,
      });
      return s;
    }),
    store.transaction(async (s) => ({
      store: s,
      seen: await s.applications.findApplicationByEmail(round.id, 'p1@example.org'),
    })),
  ]);
  // Both units ran in one batch (they share its store), before the batch wrote its rows.
  expect(reader.store).toBe(writer);
  expect(reader.seen?.id).toBe('app-1');
});
