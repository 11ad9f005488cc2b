import type { ApplicationsRepository } from '../../db/repositories/applications/applications-repository';
import type { EnqueuedMail, MailToEnqueue } from '../../db/repositories/mail/mail-queue';
import type { ApplicationReviewRepository } from '../../db/repositories/review/application-review-repository';
import type { RoundsRepository } from '../../db/repositories/rounds/rounds-repository';

/**
 * What the round and review use cases work with, passed in (see src/db/repositories/review-store.ts
 * for the database-backed implementation). Inside `transaction`, every repository and the mail
 * queue share one transaction: an email exists if and only if the change it is about committed.
 */
export interface ReviewStore {
  review: ApplicationReviewRepository;
  applications: ApplicationsRepository;
  rounds: RoundsRepository;
  enqueueMail: (mail: MailToEnqueue, now: Date) => Promise<EnqueuedMail>;
}

export interface ReviewDeps extends ReviewStore {
  now: () => Date;
  /** The site's public address, for private links in emails. */
  baseUrl: string;
  newId: () => string;
  transaction: <T>(work: (store: ReviewStore) => Promise<T>) => Promise<T>;
}
