import type { ApplicantTables } from './tables/applicant';
import type { AuthTables } from './tables/auth';
import type { CoreTables } from './tables/core';
import type { MailTables } from './tables/mail';

/** Every table Kysely knows; each area declares its own in src/db/tables/. */
export interface Database extends CoreTables, AuthTables, MailTables, ApplicantTables {}
