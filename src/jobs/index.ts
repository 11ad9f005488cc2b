import { DEFAULT_RETENTION_MONTHS } from '../core/privacy/erasure';
import type { Services } from '../services';
import type { MailTransport } from '../services/ports/mail';
import type { Logger } from '../services/ports/runtime';
import { applicantCountsPruningJob } from './definitions/applicant-counts-pruning';
import { checkInPromptsJob } from './definitions/check-in-prompts';
import { duplicateCheckJob } from './definitions/duplicate-check';
import { mailDeliveryJob } from './definitions/mail-delivery';
import { retentionJob } from './definitions/retention';
import { roundClosingJob } from './definitions/round-closing';
import { roundScheduleJob } from './definitions/round-schedule';
import { silentPartnerCheckJob } from './definitions/silent-partner-check';
import { surveyDeliveryJob } from './definitions/survey-delivery';
import { topicDeliveryJob } from './definitions/topic-delivery';
import type { Job } from './job-definition';

export type { Job } from './job-definition';
export { type RunningJobs, runDueJobs, startJobs } from './job-runner';

/** Every scheduled job of the program: topics, check-ins, reminders and surveys join this list. */
export const createJobs = (
  services: Services,
  options: { transport: MailTransport; mailFrom: string; logger: Logger; retentionMonths?: number },
): Job[] => [
  // Before mail delivery, so that one `iln run-due` queues a due topic's emails and then sends them.
  topicDeliveryJob(services),
  mailDeliveryJob(services, options),
  roundScheduleJob(services, options.logger),
  duplicateCheckJob(services),
  applicantCountsPruningJob(services),
  surveyDeliveryJob(services, options.logger),
  checkInPromptsJob(services, options.logger),
  silentPartnerCheckJob(services, options.logger),
  roundClosingJob(services, options.logger),
  retentionJob(services, { retentionMonths: options.retentionMonths ?? DEFAULT_RETENTION_MONTHS }),
];
