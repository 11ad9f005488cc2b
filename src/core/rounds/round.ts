import type { QuotaSettings } from '../applications/country-quota';
import type { LocalDate } from '../time/local-time';

/** draft → open (for applications) → closed → matching → under-way → finished. */
export const ROUND_STATUSES = ['draft', 'open', 'closed', 'matching', 'under-way', 'finished'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export interface Round {
  id: string;
  name: string;
  status: RoundStatus;
  /** The zone deadlines are set in and the round's dates are read in (IANA). */
  programTimeZone: string;
  applicationsOpenAt: Date;
  applicationsCloseAt: Date;
  /** First day of the round, in the program's zone. */
  startsOn: LocalDate;
  /** Last day of the round, in the program's zone; partnerships dissolve when it ends. */
  endsOn: LocalDate;
  quota: QuotaSettings;
}
