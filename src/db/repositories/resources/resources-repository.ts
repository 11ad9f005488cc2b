import type { Kysely } from 'kysely';
import type { ResourcesRepository } from '../../../services/ports/resources';
import type { Database } from '../../schema';

export const createResourcesRepository = (db: Kysely<Database>): ResourcesRepository => ({
  listResources: async () =>
    (
      await db
        .selectFrom('resources')
        .selectAll()
        .orderBy('position')
        .orderBy('title')
        .orderBy('id')
        .execute()
    ).map((row) => ({
      id: row.id,
      title: row.title,
      url: row.url,
      description: row.description,
      position: row.position,
    })),
  findResource: async (id) => {
    const row = await db.selectFrom('resources').selectAll().where('id', '=', id).executeTakeFirst();
    return row
      ? { id: row.id, title: row.title, url: row.url, description: row.description, position: row.position }
      : undefined;
  },
  insertResource: async (resource, now) => {
    const at = now.toISOString();
    await db
      .insertInto('resources')
      .values({ ...resource, created_at: at, updated_at: at })
      .execute();
  },
  saveResource: async (resource, now) => {
    const result = await db
      .updateTable('resources')
      .set({
        title: resource.title,
        url: resource.url,
        description: resource.description,
        position: resource.position,
        updated_at: now.toISOString(),
      })
      .where('id', '=', resource.id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
  deleteResource: async (id) => {
    const result = await db.deleteFrom('resources').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },
  savePositions: async (orderedIds, now) => {
    // The caller's unit of work makes the positions change together.
    for (const [position, id] of orderedIds.entries()) {
      await db
        .updateTable('resources')
        .set({ position, updated_at: now.toISOString() })
        .where('id', '=', id)
        .execute();
    }
  },
});
