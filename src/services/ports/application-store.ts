import type { ApplicationRecordsRepository } from '../../db/repositories/applications/application-records-repository';
import type { ApplicationsRepository } from '../../db/repositories/applications/applications-repository';
import type { MailToEnqueue } from '../../db/repositories/mail/mail-queue';
import type { RoundsRepository } from '../../db/repositories/rounds/rounds-repository';

/**
 * What the applicant-side use cases read and write, all bound to one transaction when used inside
 * `transaction`: a change and the email about it commit together or not at all.
 */
export interface ApplicationStore {
  rounds: RoundsRepository;
  applications: ApplicationsRepository;
  records: ApplicationRecordsRepository;
  enqueueMail: (mail: MailToEnqueue, now: Date) => Promise<void>;
}

export interface ApplicationUnitOfWork extends ApplicationStore {
  transaction: <T>(work: (store: ApplicationStore) => Promise<T>) => Promise<T>;
  /** True for the database's "unique constraint violated" error (the last guard against doubles). */
  isUniqueViolation: (error: unknown) => boolean;
}
