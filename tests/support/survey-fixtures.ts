import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { seedApplication, seedRound } from './review-fixtures';

/**
 * A round under way with participants in partnerships, written straight into the tables the
 * matchmaking publish step fills (migration 0010), for survey tests. Each participant gets a
 * country, sector and career stage; `left` ones have left their partnership (withdrawn).
 */
export interface SurveyParticipantSeed {
  id: string;
  country: string;
  sector?: string;
  careerStage?: string;
  left?: boolean;
  locale?: string;
}

export const seedRoundWithParticipants = async (
  db: Kysely<Database>,
  options: { roundId?: string; startsOn?: string; endsOn?: string; participants: SurveyParticipantSeed[] },
) => {
  const round = await seedRound(db, {
    id: options.roundId ?? 'round-s',
    name: options.roundId ? `Round ${options.roundId}` : '2027 March round',
    status: 'under-way',
    programTimeZone: 'Australia/Sydney',
    applicationsOpenAt: new Date('2027-01-10T00:00:00Z'),
    applicationsCloseAt: new Date('2027-02-20T12:59:00Z'),
    startsOn: options.startsOn ?? '2027-03-01',
    endsOn: options.endsOn ?? '2027-07-01',
  });
  for (const person of options.participants) {
    await seedApplication(db, {
      roundId: round.id,
      id: person.id,
      name: `Person ${person.id}`,
      email: `${person.id}@example.org`,
      country: person.country,
      status: 'accepted',
      answers: {
        sector: (person.sector ?? 'academic') as never,
        careerStage: (person.careerStage ?? 'mid') as never,
      },
    });
    if (person.locale) {
      await db
        .updateTable('applications')
        .set({ locale: person.locale })
        .where('id', '=', person.id)
        .execute();
    }
  }
  // Pairs in order; an odd one out joins the last pair.
  const ids = options.participants.map((person) => person.id);
  for (let i = 0; i < ids.length; i += 2) {
    const members = ids.slice(i, i + 2);
    if (members.length === 0) break;
    const partnershipId = `${round.id}-p${i / 2}`;
    await db
      .insertInto('partnerships')
      .values({
        id: partnershipId,
        round_id: round.id,
        run_id: null,
        status: 'active',
        source: 'test',
        fit: 50,
        details: '{}',
        created_at: '2027-02-25T00:00:00.000Z',
        ended_at: null,
        end_reason: null,
      })
      .execute();
    for (const applicationId of members) {
      const left = options.participants.find((person) => person.id === applicationId)?.left;
      await db
        .insertInto('partnership_members')
        .values({
          partnership_id: partnershipId,
          application_id: applicationId,
          person_id: null,
          joined_at: '2027-02-25T00:00:00.000Z',
          left_at: left ? '2027-03-20T00:00:00.000Z' : null,
          left_reason: left ? 'withdrawn' : null,
        })
        .execute();
    }
  }
  return round;
};

/** The survey settings form for a survey in the seeded round (Sydney time). */
export const surveySettingsForm = (overrides: Record<string, string> = {}) => ({
  kind: 'mid-round',
  titleEn: 'Mid-round survey',
  titleFr: 'Enquête de mi-parcours',
  sendOn: '2027-04-15',
  sendTime: '09:00',
  remindOn: '2027-04-22',
  remindTime: '09:00',
  closesOn: '2027-05-06',
  closesTime: '23:59',
  ...overrides,
});

/** 09:00 on 15 April 2027 in Sydney, and the reminder a week later. */
export const SURVEY_SEND_AT = new Date('2027-04-14T23:00:00.000Z');
export const SURVEY_REMIND_AT = new Date('2027-04-21T23:00:00.000Z');
export const SURVEY_CLOSES_AT = new Date('2027-05-06T13:59:00.000Z');

export const scaleQuestionForm = {
  type: 'scale',
  promptEn: 'How useful is your partnership?',
  promptFr: 'Votre partenariat vous est-il utile ?',
  required: 'on',
  scaleMin: '1',
  scaleMax: '5',
  minLabelEn: 'Not useful',
  maxLabelEn: 'Very useful',
};

export const npsQuestionForm = {
  type: 'nps',
  promptEn: 'How likely are you to recommend the program to a colleague?',
};

export const textQuestionForm = { type: 'text', promptEn: 'Anything else?', maxLength: '500' };

/** The personal survey link tokens emailed to an address, newest last. */
export const surveyTokensSentTo = async (db: Kysely<Database>, email: string): Promise<string[]> => {
  const rows = await db
    .selectFrom('mail_messages')
    .select(['text_body', 'created_at'])
    .where('to_address', '=', email)
    .where('kind', 'in', ['survey-invitation', 'survey-reminder'])
    .orderBy('created_at')
    .execute();
  return rows.map((row) => {
    const token = /\/survey\/([A-Za-z0-9_.-]+)/.exec(row.text_body)?.[1];
    if (!token) throw new Error(`no survey link in the email to ${email}`);
    return token;
  });
};
