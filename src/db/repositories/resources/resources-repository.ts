import type { Kysely } from 'kysely';
import type { Database } from '../../schema';

/** A link on the public resources page, in the order coordinators chose. */
export interface Resource {
  id: string;
  title: string;
  url: string;
  description: string;
  position: number;
}

export interface ResourcesRepository {
  /** By position, then title. */
  listResources: () => Promise<Resource[]>;
  findResource: (id: string) => Promise<Resource | undefined>;
  insertResource: (resource: Resource, now: Date) => Promise<void>;
  saveResource: (resource: Resource, now: Date) => Promise<boolean>;
  deleteResource: (id: string) => Promise<boolean>;
  /** Gives each listed id its index as position, in one transaction. */
  savePositions: (orderedIds: string[], now: Date) => Promise<void>;
}

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
    await db.transaction().execute(async (trx) => {
      for (const [position, id] of orderedIds.entries()) {
        await trx
          .updateTable('resources')
          .set({ position, updated_at: now.toISOString() })
          .where('id', '=', id)
          .execute();
      }
    });
  },
});
