import { afterEach, beforeEach, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database';
import { createAuditLog } from './audit-log';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.dispose();
});
const now = new Date('2027-02-01T10:00:00.000Z');

test('audit entries are written with JSON details', async () => {
  await createAuditLog(database.db).record(
    {
      actorPersonId: null,
      action: 'coordinator.created',
      subjectType: 'person',
      subjectId: 'p1',
      details: { a: 1 },
    },
    now,
  );
  const rows = await database.db.selectFrom('audit_log').selectAll().execute();
  expect(rows).toEqual([
    {
      id: rows[0]?.id,
      at: '2027-02-01T10:00:00.000Z',
      actor_person_id: null,
      action: 'coordinator.created',
      subject_type: 'person',
      subject_id: 'p1',
      details: '{"a":1}',
      // Set by the unit of work from the request context (ADR 0019); none outside one.
      channel: null,
      client_address: null,
    },
  ]);
});
