import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { type ApplicationAnswers, normaliseName } from '../../../core/applications';
import type { ApplicationStatus } from '../../../core/applications/application-status';
import { DomainError } from '../../../core/errors';
import type { Database } from '../../schema';
import type { ApplicationsTable } from '../../tables/core';
import { normalizeEmail } from '../people/people-repository';

/** The language of applications stored before 0008 or without one: migration 0008's default. */
const DEFAULT_APPLICATION_LOCALE = 'en';

/** An application as the core and services see it. */
export interface StoredApplication {
  id: string;
  roundId: string;
  personId: string | null;
  email: string;
  name: string;
  countryCode: string;
  status: ApplicationStatus;
  answers: ApplicationAnswers;
  editTokenHash: string | null;
  submittedAt: Date;
  updatedAt: Date;
  /** The language they applied in: later emails about the application are written in it. */
  locale: string;
}

export interface NewApplication {
  id: string;
  roundId: string;
  personId: string | null;
  status: ApplicationStatus;
  answers: ApplicationAnswers;
  editTokenHash: string | null;
  submittedAt: Date;
  /** The language they applied in; the program's default (migration 0008) when not given. */
  locale?: string;
  /**
   * False leaves the duplicate check to the duplicate worker (submissions, carry-overs); true
   * (the default) when the caller has decided the flag itself (imports) or none is wanted.
   */
  duplicateChecked?: boolean;
}

/**
 * The basic reads and writes of applications. Review queries (filters, counts, bulk changes) live
 * in their own repository; this one is what submitting, editing and seeding need.
 */
export interface ApplicationsRepository {
  insertApplication: (application: NewApplication) => Promise<StoredApplication>;
  findApplication: (id: string) => Promise<StoredApplication | undefined>;
  getApplication: (id: string) => Promise<StoredApplication>;
  findApplicationByEmail: (roundId: string, email: string) => Promise<StoredApplication | undefined>;
  findApplicationByTokenHash: (tokenHash: string) => Promise<StoredApplication | undefined>;
  /** The person's most recent application in any round (a returning participant's answers). */
  findLatestApplicationByEmail: (email: string) => Promise<StoredApplication | undefined>;
  /** Every application of a round in submission order (the order the quota is decided in). */
  listRoundApplications: (roundId: string) => Promise<StoredApplication[]>;
  updateAnswers: (id: string, answers: ApplicationAnswers, now: Date) => Promise<void>;
  setStatus: (id: string, status: ApplicationStatus, now: Date) => Promise<void>;
  /** Replaces the private link's token hash: earlier links stop working. */
  setEditTokenHash: (id: string, tokenHash: string, now: Date) => Promise<void>;
}

/** The columns this repository maps; review columns are read by the review repository. */
type Row = Pick<
  Selectable<ApplicationsTable>,
  | 'id'
  | 'round_id'
  | 'person_id'
  | 'email'
  | 'name'
  | 'country_code'
  | 'status'
  | 'answers'
  | 'edit_token_hash'
  | 'submitted_at'
  | 'updated_at'
  | 'locale'
>;
type Db = Kysely<Database> | Transaction<Database>;

export const toStoredApplication = (row: Row): StoredApplication =>
  writtenApplication(row, JSON.parse(row.answers) as ApplicationAnswers);

/** A row this process just wrote, whose answers it has already (no need to parse them back). */
export const writtenApplication = (row: Row, answers: ApplicationAnswers): StoredApplication => ({
  id: row.id,
  roundId: row.round_id,
  personId: row.person_id,
  email: row.email,
  name: row.name,
  countryCode: row.country_code,
  status: row.status as ApplicationStatus,
  answers,
  editTokenHash: row.edit_token_hash,
  submittedAt: new Date(row.submitted_at),
  updatedAt: new Date(row.updated_at),
  // Rows are never without one (the column defaults to the program's language); the type allows it.
  locale: row.locale ?? DEFAULT_APPLICATION_LOCALE,
});

/** The folded name the duplicate check reads (core normaliseName), kept with every name written. */
const nameKeyColumns = (name: string) => ({ name_key: normaliseName(name) });

/** The row for a new application (also written in batches: batched-writes.ts). */
export const applicationRow = (application: NewApplication) => {
  const at = application.submittedAt.toISOString();
  return {
    id: application.id,
    round_id: application.roundId,
    person_id: application.personId,
    email: normalizeEmail(application.answers.email),
    name: application.answers.name,
    ...nameKeyColumns(application.answers.name),
    country_code: application.answers.countryOfResidence,
    status: application.status,
    answers: JSON.stringify(application.answers),
    edit_token_hash: application.editTokenHash,
    submitted_at: at,
    updated_at: at,
    duplicate_checked: application.duplicateChecked === false ? 0 : 1,
    locale: application.locale ?? DEFAULT_APPLICATION_LOCALE,
  } satisfies Insertable<ApplicationsTable>;
};

export const createApplicationsRepository = (db: Db): ApplicationsRepository => {
  const findApplication = async (id: string) => {
    const row = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toStoredApplication(row) : undefined;
  };
  const changeOne = async (id: string, set: Partial<ApplicationsTable>) => {
    const result = await db.updateTable('applications').set(set).where('id', '=', id).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new DomainError('NOT_FOUND', `There is no application with id "${id}".`);
    }
  };
  return {
    insertApplication: async (application) => {
      const row = applicationRow(application);
      await db.insertInto('applications').values(row).execute();
      return writtenApplication(row, application.answers);
    },
    findApplication,
    getApplication: async (id) => {
      const application = await findApplication(id);
      if (!application) throw new DomainError('NOT_FOUND', `There is no application with id "${id}".`);
      return application;
    },
    findApplicationByEmail: async (roundId, email) => {
      const row = await db
        .selectFrom('applications')
        .selectAll()
        .where('round_id', '=', roundId)
        .where('email', '=', normalizeEmail(email))
        .executeTakeFirst();
      return row ? toStoredApplication(row) : undefined;
    },
    findApplicationByTokenHash: async (tokenHash) => {
      const row = await db
        .selectFrom('applications')
        .selectAll()
        .where('edit_token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? toStoredApplication(row) : undefined;
    },
    findLatestApplicationByEmail: async (email) => {
      const row = await db
        .selectFrom('applications')
        .selectAll()
        .where('email', '=', normalizeEmail(email))
        .orderBy('submitted_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toStoredApplication(row) : undefined;
    },
    listRoundApplications: async (roundId) =>
      (
        await db
          .selectFrom('applications')
          .selectAll()
          .where('round_id', '=', roundId)
          .orderBy('submitted_at')
          .orderBy('id')
          .execute()
      ).map(toStoredApplication),
    updateAnswers: (id, answers, now) =>
      changeOne(id, {
        answers: JSON.stringify(answers),
        name: answers.name,
        ...nameKeyColumns(answers.name),
        email: normalizeEmail(answers.email),
        country_code: answers.countryOfResidence,
        updated_at: now.toISOString(),
      }),
    setStatus: (id, status, now) => changeOne(id, { status, updated_at: now.toISOString() }),
    setEditTokenHash: (id, tokenHash, now) =>
      changeOne(id, { edit_token_hash: tokenHash, updated_at: now.toISOString() }),
  };
};
