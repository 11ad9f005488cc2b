import type { Kysely } from 'kysely';
import type { Store } from '../services/ports/store';
import type { Dialect } from './connection';
import { createApplicantRecordsRepository } from './repositories/applications/applicant-records-repository';
import { createApplicationsRepository } from './repositories/applications/applications-repository';
import { createDuplicateCheckRepository } from './repositories/applications/duplicate-check-repository';
import { createAuditLog } from './repositories/audit/audit-log';
import { createAuditTrailRepository } from './repositories/audit/audit-trail-repository';
import { createCheckInsRepository } from './repositories/checkins/checkins-repository';
import { createRoundDashboardRepository } from './repositories/dashboard/round-dashboard-repository';
import { createMailQueueRepository } from './repositories/mail/mail-queue-repository';
import { createMessageQueue, type MessageRenderer } from './repositories/mail/message-queue';
import { createMatchingRepository } from './repositories/matching/matching-repository';
import { createPeopleRepository } from './repositories/people/people-repository';
import { createSignInAttemptsRepository } from './repositories/people/sign-in-attempts-repository';
import { createPrivacyRepository } from './repositories/privacy/privacy-repository';
import { createProgramRepository } from './repositories/program/program-repository';
import { createResourcesRepository } from './repositories/resources/resources-repository';
import { createApplicationDecisionRepository } from './repositories/review/application-decisions-repository';
import { createApplicationReviewRepository } from './repositories/review/application-review-repository';
import { createCoordinatorDashboardRepository } from './repositories/review/coordinator-dashboard-repository';
import { createRoundsRepository } from './repositories/rounds/rounds-repository';
import { createSurveysRepository } from './repositories/surveys/surveys-repository';
import { createTopicDeliveriesRepository } from './repositories/topics/topic-deliveries-repository';
import { createTopicsRepository } from './repositories/topics/topics-repository';
import type { Database } from './schema';

export interface StoreOptions {
  dialect: Dialect;
  /** Renders a message when it is queued (the email adapter's renderer). */
  render: MessageRenderer;
}

/**
 * Every repository over one connection or transaction. Each is made on first use: a request or a
 * transaction builds only the few it touches.
 */
export const createStore = (db: Kysely<Database>, options: StoreOptions): Store => {
  const makers: { [K in keyof Store]: () => Store[K] } = {
    rounds: () => createRoundsRepository(db),
    topics: () => createTopicsRepository(db),
    topicDeliveries: () => createTopicDeliveriesRepository(db, options.render),
    applications: () => createApplicationsRepository(db),
    applicantRecords: () => createApplicantRecordsRepository(db, options.dialect),
    duplicates: () => createDuplicateCheckRepository(db),
    review: () => createApplicationReviewRepository(db),
    decisions: () => createApplicationDecisionRepository(db),
    dashboard: () => createCoordinatorDashboardRepository(db),
    roundDashboard: () => createRoundDashboardRepository(db),
    people: () => createPeopleRepository(db),
    signInAttempts: () => createSignInAttemptsRepository(db),
    resources: () => createResourcesRepository(db),
    matching: () => createMatchingRepository(db),
    program: () => createProgramRepository(db),
    mail: () => createMailQueueRepository(db),
    surveys: () => createSurveysRepository(db),
    checkIns: () => createCheckInsRepository(db),
    privacy: () => createPrivacyRepository(db),
    messages: () => createMessageQueue(db, options.render),
    messagePreview: () => ({ render: async (message) => options.render(message) }),
    audit: () => createAuditLog(db),
    auditTrail: () => createAuditTrailRepository(db),
  };
  const made: Partial<Store> = {};
  const store = {} as Store;
  for (const key of Object.keys(makers) as (keyof Store)[]) {
    Object.defineProperty(store, key, {
      enumerable: true,
      get: () => {
        if (!(key in made)) (made as Record<string, unknown>)[key] = makers[key]();
        return made[key];
      },
    });
  }
  return store;
};
