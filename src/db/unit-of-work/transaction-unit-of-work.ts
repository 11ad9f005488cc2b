import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ReviewDeps, ReviewStore } from '../../services/ports/review-ports';
import { createApplicationsRepository } from '../repositories/applications/applications-repository';
import { enqueueMail } from '../repositories/mail/mail-queue';
import { createApplicationReviewRepository } from '../repositories/review/application-review-repository';
import { createRoundsRepository } from '../repositories/rounds/rounds-repository';
import type { Database } from '../schema';

const createStore = (db: Kysely<Database>): ReviewStore => ({
  review: createApplicationReviewRepository(db),
  applications: createApplicationsRepository(db),
  rounds: createRoundsRepository(db),
  enqueueMail: (mail, now) => enqueueMail(db, mail, now),
});

/** The round and review use cases' dependencies over one database. */
export const createReviewDeps = (
  db: Kysely<Database>,
  options: { now: () => Date; baseUrl: string; newId?: () => string },
): ReviewDeps => ({
  ...createStore(db),
  now: options.now,
  baseUrl: options.baseUrl,
  newId: options.newId ?? randomUUID,
  transaction: (work) =>
    db.isTransaction ? work(createStore(db)) : db.transaction().execute((trx) => work(createStore(trx))),
});
