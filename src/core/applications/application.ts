import type { ApplicationAnswers } from './application-answers';
import type { ApplicationStatus } from './application-status';
import type { DuplicateReason } from './duplicates';

/** An application as the program holds it. */
export interface Application {
  id: string;
  roundId: string;
  personId: string | null;
  email: string;
  name: string;
  countryCode: string;
  status: ApplicationStatus;
  answers: ApplicationAnswers;
  submittedAt: Date;
  updatedAt: Date;
  /** The language they applied in: later emails about the application are written in it. */
  locale: string;
}

/** What the applicant and the duplicate check decided beside the answers. */
export interface ApplicationFlags {
  declinedCarryOver: boolean;
  duplicateOf: string | null;
  duplicateReason: DuplicateReason | null;
  withdrawnAt: Date | null;
}
