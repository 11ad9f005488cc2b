import type {
  ApplicantRecordsRepository,
  ApplicationsRepository,
  DuplicateCheckRepository,
} from './applications';
import type { AuditLog, AuditTrailRepository } from './audit';
import type { CheckInsRepository } from './checkins';
import type { RoundDashboardRepository } from './dashboard';
import type { ApplicationDecisionRepository } from './decisions';
import type { MailQueueRepository } from './mail';
import type { MatchingRepository } from './matching';
import type { MessagePreview, MessageQueue } from './messages';
import type { PeopleRepository, SignInAttemptsRepository } from './people';
import type { PrivacyRepository } from './privacy';
import type { ProgramRepository } from './program';
import type { ResourcesRepository } from './resources';
import type { ApplicationReviewRepository, CoordinatorDashboardRepository } from './review';
import type { RoundsRepository } from './rounds';
import type { SurveysRepository } from './surveys';
import type { TopicDeliveriesRepository, TopicsRepository } from './topics';

/**
 * Every repository a use case may use, with the message queue and the audit log. A store is bound
 * to one connection or to one transaction: inside UnitOfWork.transaction every part of it shares
 * the transaction, so a change, the messages it causes and its audit entry commit together or not
 * at all.
 */
export interface Store {
  rounds: RoundsRepository;
  topics: TopicsRepository;
  topicDeliveries: TopicDeliveriesRepository;
  applications: ApplicationsRepository;
  applicantRecords: ApplicantRecordsRepository;
  duplicates: DuplicateCheckRepository;
  review: ApplicationReviewRepository;
  decisions: ApplicationDecisionRepository;
  dashboard: CoordinatorDashboardRepository;
  roundDashboard: RoundDashboardRepository;
  people: PeopleRepository;
  signInAttempts: SignInAttemptsRepository;
  resources: ResourcesRepository;
  matching: MatchingRepository;
  program: ProgramRepository;
  mail: MailQueueRepository;
  surveys: SurveysRepository;
  checkIns: CheckInsRepository;
  privacy: PrivacyRepository;
  messages: MessageQueue;
  messagePreview: MessagePreview;
  audit: AuditLog;
  /** Reads the audit trail (written only through `audit`). */
  auditTrail: AuditTrailRepository;
}

/**
 * The one contract for every write. `transaction` runs `work` with a store bound to one
 * transaction and commits when it resolves (nothing is kept when it throws); the result is
 * returned only once the commit is durable. Implementations: one database transaction per call
 * (db/unit-of-work/transaction-unit-of-work.ts), or group commit, where calls that arrive together
 * share a commit and each still runs as if alone (db/unit-of-work/group-commit-unit-of-work.ts).
 * A unit of work must not start another transaction from inside `work`.
 */
export interface UnitOfWork {
  transaction: <T>(work: (store: Store) => Promise<T>) => Promise<T>;
  /** True for the database's "unique constraint violated" error (the last guard against doubles). */
  isUniqueViolation: (error: unknown) => boolean;
}
