import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { type ApplicationAnswers, normaliseName } from '../../../core/applications';
import type { Application } from '../../../core/applications/application';
import type { ApplicationStatus } from '../../../core/applications/application-status';
import { DomainError } from '../../../core/errors';
import { normalizeEmail } from '../../../core/people/person';
import type { ApplicationsRepository, NewApplication } from '../../../services/ports/applications';
import type { Database } from '../../schema';
import type { ApplicationsTable } from '../../tables/core';

/** The language of applications stored before 0008 or without one: migration 0008's default. */
const DEFAULT_APPLICATION_LOCALE = 'en';

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

export const toStoredApplication = (row: Row): Application =>
  writtenApplication(row, JSON.parse(row.answers) as ApplicationAnswers);

/** A row this process just wrote, whose answers it has already (no need to parse them back). */
export const writtenApplication = (row: Row, answers: ApplicationAnswers): Application => ({
  id: row.id,
  roundId: row.round_id,
  personId: row.person_id,
  email: row.email,
  name: row.name,
  countryCode: row.country_code,
  status: row.status as ApplicationStatus,
  answers,
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
    sector: application.answers.sector,
    role: application.answers.role,
    edit_token_hash: application.editTokenHash,
    submitted_at: at,
    updated_at: at,
    duplicate_checked: application.duplicateChecked === false ? 0 : 1,
    locale: application.locale ?? DEFAULT_APPLICATION_LOCALE,
    consent_version: application.consentVersion ?? null,
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
      throw new DomainError('NOT_FOUND', 'application.notFound', { id });
    }
  };
  return {
    insertApplication: async (application) => {
      const row = applicationRow(application);
      await db.insertInto('applications').values(row).execute();
      return writtenApplication(row, application.answers);
    },
    insertApplications: async (applications) => {
      if (applications.length === 0) return;
      await db.insertInto('applications').values(applications.map(applicationRow)).execute();
    },
    findApplication,
    getApplication: async (id) => {
      const application = await findApplication(id);
      if (!application) throw new DomainError('NOT_FOUND', 'application.notFound', { id });
      return application;
    },
    listApplicationsByIds: async (ids) =>
      ids.length === 0
        ? []
        : (
            await db
              .selectFrom('applications')
              .selectAll()
              .where('id', 'in', [...ids])
              .execute()
          ).map(toStoredApplication),
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
      const row =
        (await db
          .selectFrom('applications')
          .selectAll()
          .where('edit_token_hash', '=', tokenHash)
          .executeTakeFirst()) ??
        (await db
          .selectFrom('application_private_links as link')
          .innerJoin('applications', 'applications.id', 'link.application_id')
          .selectAll('applications')
          .where('link.token_hash', '=', tokenHash)
          .executeTakeFirst());
      return row ? toStoredApplication(row) : undefined;
    },
    listApplicationsByEmail: async (email) =>
      (
        await db
          .selectFrom('applications')
          .selectAll()
          .where('email', '=', normalizeEmail(email))
          .orderBy('submitted_at', 'desc')
          .orderBy('id')
          .execute()
      ).map(toStoredApplication),
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
        sector: answers.sector,
        role: answers.role,
        name: answers.name,
        ...nameKeyColumns(answers.name),
        email: normalizeEmail(answers.email),
        country_code: answers.countryOfResidence,
        updated_at: now.toISOString(),
      }),
    setStatus: (id, status, now) => changeOne(id, { status, updated_at: now.toISOString() }),
    addPrivateLink: async (applicationId, tokenHash, now) => {
      await db
        .insertInto('application_private_links')
        .values({ token_hash: tokenHash, application_id: applicationId, created_at: now.toISOString() })
        .execute();
    },
    countPrivateLinksSince: async (applicationId, since) => {
      const row = await db
        .selectFrom('application_private_links')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('application_id', '=', applicationId)
        .where('created_at', '>', since.toISOString())
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    addPrivateLinks: async (links, now) => {
      if (links.length === 0) return;
      await db
        .insertInto('application_private_links')
        .values(
          links.map(({ applicationId, tokenHash }) => ({
            token_hash: tokenHash,
            application_id: applicationId,
            created_at: now.toISOString(),
          })),
        )
        .execute();
    },
    findLatestPrivateLinkAt: async (applicationId) => {
      const row = await db
        .selectFrom('application_private_links')
        .select('created_at')
        .where('application_id', '=', applicationId)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? new Date(row.created_at) : undefined;
    },
  };
};
