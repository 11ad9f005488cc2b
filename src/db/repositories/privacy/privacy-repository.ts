import type { Kysely } from 'kysely';
import type { ApplicationAnswers } from '../../../core/applications/application-answers';
import { ERASED_NAME, eraseAnswers, erasedEmail } from '../../../core/privacy/erasure';
import type { DataSubject, HeldData, PrivacyRepository } from '../../../services/ports/privacy';
import type { Database } from '../../schema';

const date = (value: string) => new Date(value);
const dateOrNull = (value: string | null | undefined) => (value ? new Date(value) : null);
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Ids are queried a few hundred at a time at most: a person has a handful of applications. */
const orEmpty = (ids: readonly string[]) => (ids.length > 0 ? [...ids] : ['']);

export const createPrivacyRepository = (db: Kysely<Database>): PrivacyRepository => {
  const listApplicationsOf = async (subject: DataSubject) =>
    (
      await db
        .selectFrom('applications')
        .select(['id', 'status', 'round_id', 'erased_at'])
        .where((eb) =>
          subject.personId
            ? eb.or([eb('email', '=', subject.email), eb('person_id', '=', subject.personId)])
            : eb('email', '=', subject.email),
        )
        .orderBy('submitted_at')
        .execute()
    ).map((row) => ({
      id: row.id,
      status: row.status,
      roundId: row.round_id,
      erasedAt: dateOrNull(row.erased_at),
    }));

  const collectHeldData = async (
    subject: DataSubject,
    applicationIds: readonly string[],
  ): Promise<HeldData> => {
    const ids = orEmpty(applicationIds);
    const person = subject.personId
      ? await db.selectFrom('people').selectAll().where('id', '=', subject.personId).executeTakeFirst()
      : undefined;
    const roles = person
      ? await db
          .selectFrom('person_roles')
          .select(['role', 'country_code'])
          .where('person_id', '=', person.id)
          .execute()
      : [];
    const applications = await db
      .selectFrom('applications')
      .innerJoin('rounds', 'rounds.id', 'applications.round_id')
      .selectAll('applications')
      .select(['rounds.name as round_name', 'rounds.ends_on as round_ends_on'])
      .where('applications.id', 'in', ids)
      .orderBy('applications.submitted_at')
      .execute();
    const links = await db
      .selectFrom('application_private_links')
      .select(['application_id', 'created_at'])
      .where('application_id', 'in', ids)
      .orderBy('created_at')
      .execute();
    const notes = await db
      .selectFrom('application_notes')
      .select(['application_id', 'created_at', 'body'])
      .where('application_id', 'in', ids)
      .orderBy('created_at')
      .execute();
    const memberships = await db
      .selectFrom('partnership_members')
      .innerJoin('partnerships', 'partnerships.id', 'partnership_members.partnership_id')
      .select([
        'partnerships.id',
        'partnerships.round_id',
        'partnerships.status',
        'partnership_members.application_id',
        'partnership_members.joined_at',
        'partnership_members.left_at',
        'partnership_members.left_reason',
      ])
      .where('partnership_members.application_id', 'in', ids)
      .orderBy('partnership_members.joined_at')
      .execute();
    const partners = await db
      .selectFrom('partnership_members')
      .innerJoin('applications', 'applications.id', 'partnership_members.application_id')
      .select(['partnership_members.partnership_id', 'applications.name'])
      .where('partnership_members.partnership_id', 'in', orEmpty(memberships.map((m) => m.id)))
      .where('partnership_members.application_id', 'not in', ids)
      .execute();
    const checkIns = await db
      .selectFrom('check_ins')
      .select(['round_id', 'fortnight', 'answer', 'source', 'answered_at'])
      .where('application_id', 'in', ids)
      .orderBy('answered_at')
      .execute();
    const deliveries = await db
      .selectFrom('survey_deliveries')
      .innerJoin('surveys', 'surveys.id', 'survey_deliveries.survey_id')
      .select(['surveys.id', 'surveys.round_id', 'surveys.kind', 'survey_deliveries.sent_at'])
      .where('survey_deliveries.application_id', 'in', ids)
      .orderBy('survey_deliveries.sent_at')
      .execute();
    // Only that they answered, and the day: survey_responses hold no application (ADR 0015).
    const respondents = await db
      .selectFrom('survey_respondents')
      .select(['survey_id', 'answered_on'])
      .where('application_id', 'in', ids)
      .execute();
    const emailAddresses = [
      ...new Set([subject.email, ...(person ? [person.email] : []), ...applications.map((a) => a.email)]),
    ];
    const emails = await db
      .selectFrom('mail_messages')
      .select(['kind', 'subject', 'status', 'created_at', 'sent_at'])
      .where('to_address', 'in', emailAddresses)
      .orderBy('created_at')
      .execute();
    const sessions = await db
      .selectFrom('auth_sessions')
      .innerJoin('auth_users', 'auth_users.id', 'auth_sessions.user_id')
      .select([
        'auth_sessions.created_at',
        'auth_sessions.expires_at',
        'auth_sessions.ip_address',
        'auth_sessions.user_agent',
      ])
      .where('auth_users.email', 'in', emailAddresses)
      .orderBy('auth_sessions.created_at')
      .execute();
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('subject_id', 'in', [...ids, ...(person ? [person.id] : [])]),
          ...(person ? [eb('actor_person_id', '=', person.id)] : []),
          // Entries about a partnership or a batch name the application in their details; ids are
          // random, so a match is theirs. A scan of the trail, for a download someone asked for.
          ...applicationIds.map((id) => eb('details', 'like', `%"${id}"%`)),
        ]),
      )
      .orderBy('at')
      .orderBy('id')
      .execute();

    const surveys = new Map<string, HeldData['surveys'][number]>();
    for (const row of deliveries) {
      const survey = surveys.get(row.id) ?? {
        surveyId: row.id,
        roundId: row.round_id,
        kind: row.kind,
        invitationsSentAt: [],
        answeredOn: null,
      };
      survey.invitationsSentAt.push(date(row.sent_at));
      surveys.set(row.id, survey);
    }
    for (const row of respondents) {
      const survey = surveys.get(row.survey_id);
      if (survey) survey.answeredOn = row.answered_on;
    }
    return {
      person: person
        ? {
            id: person.id,
            email: person.email,
            name: person.name,
            locale: person.locale,
            timeZone: person.time_zone,
            createdAt: date(person.created_at),
            roles: roles.map((role) => ({ role: role.role, countryCode: role.country_code })),
          }
        : null,
      applications: applications.map((row) => ({
        id: row.id,
        roundId: row.round_id,
        roundName: row.round_name,
        roundEndsOn: row.round_ends_on,
        status: row.status,
        email: row.email,
        name: row.name,
        countryCode: row.country_code,
        locale: row.locale ?? 'en',
        answers: parseJson(row.answers),
        submittedAt: date(row.submitted_at),
        updatedAt: date(row.updated_at),
        consentVersion: row.consent_version ?? null,
        withdrawnAt: dateOrNull(row.withdrawn_at),
        declinedCarryOver: row.declined_carry_over === 1,
        declineReason: row.decline_reason ?? null,
        privateLinksSentAt: links.filter((l) => l.application_id === row.id).map((l) => date(l.created_at)),
        notes: notes
          .filter((n) => n.application_id === row.id)
          .map((n) => ({ createdAt: date(n.created_at), body: n.body })),
      })),
      partnerships: memberships.map((row) => ({
        id: row.id,
        roundId: row.round_id,
        status: row.status,
        applicationId: row.application_id,
        joinedAt: date(row.joined_at),
        leftAt: dateOrNull(row.left_at),
        leftReason: row.left_reason,
        partnerNames: partners.filter((p) => p.partnership_id === row.id).map((p) => p.name),
      })),
      checkIns: checkIns.map((row) => ({
        roundId: row.round_id,
        fortnight: row.fortnight,
        answer: row.answer,
        source: row.source,
        answeredAt: date(row.answered_at),
      })),
      surveys: [...surveys.values()],
      emails: emails.map((row) => ({
        kind: row.kind,
        subject: row.subject,
        status: row.status,
        createdAt: date(row.created_at),
        sentAt: dateOrNull(row.sent_at),
      })),
      sessions: sessions.map((row) => ({
        createdAt: date(row.created_at),
        expiresAt: date(row.expires_at),
        ipAddress: row.ip_address,
        userAgent: row.user_agent,
      })),
      auditEntries: audit.map((row) => ({
        at: date(row.at),
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        byThemselves: person !== undefined && row.actor_person_id === person.id,
        channel: row.channel,
        clientAddress: person !== undefined && row.actor_person_id === person.id ? row.client_address : null,
        details: parseJson(row.details),
      })),
    };
  };

  const eraseApplication = async (applicationId: string, now: Date) => {
    const row = await db
      .selectFrom('applications')
      .select(['email', 'answers', 'erased_at'])
      .where('id', '=', applicationId)
      .executeTakeFirst();
    if (!row || row.erased_at) return;
    const at = now.toISOString();
    const answers = eraseAnswers(JSON.parse(row.answers) as ApplicationAnswers, applicationId);
    await db
      .updateTable('applications')
      .set({
        email: answers.email,
        name: ERASED_NAME,
        name_key: '',
        answers: JSON.stringify(answers),
        role: '',
        decline_reason: null,
        edit_token_hash: null,
        erased_at: at,
        updated_at: at,
      })
      .where('id', '=', applicationId)
      .execute();
    await db.deleteFrom('application_private_links').where('application_id', '=', applicationId).execute();
    await db.deleteFrom('check_in_links').where('application_id', '=', applicationId).execute();
    await db.deleteFrom('survey_links').where('application_id', '=', applicationId).execute();
    await db.deleteFrom('application_notes').where('application_id', '=', applicationId).execute();
    // Subjects and bodies name the person; a message being sent right now finishes on its lease.
    // Mail is addressed, not tied to an application: it stays while the address is still in use
    // (another application of theirs, or their account), and goes with the last of them.
    const stillUsed =
      (await db.selectFrom('applications').select('id').where('email', '=', row.email).executeTakeFirst()) ??
      (await db.selectFrom('people').select('id').where('email', '=', row.email).executeTakeFirst());
    if (stillUsed) return;
    await db
      .deleteFrom('mail_messages')
      .where('to_address', '=', row.email)
      .where('status', '!=', 'sending')
      .execute();
  };

  const erasePerson = async (subject: DataSubject, now: Date) => {
    const at = now.toISOString();
    const person = subject.personId
      ? await db
          .selectFrom('people')
          .select(['id', 'email', 'erased_at'])
          .where('id', '=', subject.personId)
          .executeTakeFirst()
      : undefined;
    const addresses = [...new Set([subject.email, ...(person ? [person.email] : [])])];
    if (person && !person.erased_at) {
      await db
        .updateTable('people')
        .set({
          email: erasedEmail(person.id),
          name: ERASED_NAME,
          time_zone: null,
          erased_at: at,
          updated_at: at,
        })
        .where('id', '=', person.id)
        .execute();
    }
    // Its sessions and accounts go with the user (ON DELETE CASCADE): signed out everywhere.
    await db.deleteFrom('auth_users').where('email', 'in', addresses).execute();
    await db.deleteFrom('prefill_links').where('email', 'in', addresses).execute();
    await db
      .deleteFrom('mail_messages')
      .where('to_address', 'in', addresses)
      .where('status', '!=', 'sending')
      .execute();
  };

  const listPastRetention = async (cutoff: string, limit: number) =>
    (
      await db
        .selectFrom('applications')
        .innerJoin('rounds', 'rounds.id', 'applications.round_id')
        .select('applications.id')
        .where('applications.status', 'in', ['declined', 'withdrawn'])
        .where('applications.erased_at', 'is', null)
        .where('rounds.ends_on', '<', cutoff)
        .orderBy('rounds.ends_on')
        .orderBy('applications.id')
        .limit(limit)
        .execute()
    ).map((row) => row.id);

  return { listApplicationsOf, collectHeldData, eraseApplication, erasePerson, listPastRetention };
};
