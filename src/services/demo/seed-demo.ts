import { DateTime } from 'luxon';
import { decideCountryQuota } from '../../core/applications';
import type { ApplicationStatus } from '../../core/applications/application-status';
import { DEFAULT_QUOTA_SETTINGS } from '../../core/applications/country-quota';
import { DomainError } from '../../core/errors';
import { normalizeEmail } from '../../core/people/person';
import type { Round } from '../../core/rounds';
import type { MatchSettingsInput } from '../../core/scoring/match-settings';
import type { LocalDate } from '../../core/time/local-time';
import { grantCoordinator } from '../people/create-coordinator';
import type { UseCaseDeps } from '../ports/deps';
import { introduceDemoPartners } from './seed-demo-partnerships';
import { generateSyntheticPool, type SyntheticApplicant } from './synthetic-pool';

/**
 * Seeds a demo program a newcomer can click through: a round open for applications with a
 * synthetic pool (all pending: the country quota is settled when applications close, and the top
 * country is over it, so closing the round shows the waitlist at work), a closed round of accepted
 * applicants ready to be matched, a round under way whose partners were matched and introduced
 * through the same use cases coordinators use (seed-demo-partnerships.ts), a program coordinator
 * and a country coordinator for the most represented country. Deterministic for a seed, apart
 * from dates, which follow `now`, and ids. No email is sent for seeded applications; the round
 * under way's introductions are queued like any others (to reserved example domains).
 */
export interface SeedDemoInput {
  applicants: number;
  seed: number;
  /** Never in production: the caller passes config.isProduction. */
  isProduction: boolean;
}

export interface SeedDemoResult {
  coordinatorEmail: string;
  countryCoordinatorEmail: string;
  countryCoordinatorCountry: string;
  /** `overQuota`: how many would go to the waitlist if applications closed now. */
  openRound: { id: string; applications: number; overQuota: number; countries: number };
  closedRound: { id: string; applications: number };
  runningRound: {
    id: string;
    participants: number;
    partnerships: number;
    checkIns: number;
    topics: number;
    /** This fortnight's topic, due at the seed: the next `run-due` (or the worker) sends it to everyone. */
    dueTopicId: string | undefined;
    survey: { surveyId: string; invited: number; answered: number };
  };
  /** Two participants of the round under way, in different partnerships (the home page names them). */
  participantEmails: string[];
}

/** The program setting that marks a demo installation (the home page's sign-in hint reads it). */
export const DEMO_SETTING = 'demo';

export const DEMO_COORDINATOR_EMAIL = 'coordinator@demo.example.org';
export const DEMO_COUNTRY_COORDINATOR_EMAIL = 'country-coordinator@demo.example.org';
const PROGRAM_TIME_ZONE = 'Australia/Sydney';
const RUNNING_ROUND_SETTINGS: MatchSettingsInput = {
  rules: { workingLanguageLevel: 'basic', minWeeklyOverlapHours: 0, allowTrios: true },
};
const DEMO_COUNTRIES = 40;

const localDate = (at: DateTime): LocalDate => at.toISODate() as LocalDate;

/** A round whose window and dates sit around `now`, shifted by whole days. */
const demoRound = (
  id: string,
  status: Round['status'],
  now: Date,
  days: { opens: number; closes: number; starts: number },
): Round => {
  const today = DateTime.fromJSDate(now, { zone: PROGRAM_TIME_ZONE }).startOf('day');
  const startsOn = today.plus({ days: days.starts });
  return {
    id,
    // Named the way the program names rounds: by the month it starts.
    name: `${startsOn.setLocale('en').toFormat('LLLL yyyy')} round (demo)`,
    status,
    programTimeZone: PROGRAM_TIME_ZONE,
    applicationsOpenAt: today.plus({ days: days.opens }).toJSDate(),
    applicationsCloseAt: today.plus({ days: days.closes }).set({ hour: 23, minute: 59 }).toJSDate(),
    startsOn: localDate(startsOn),
    endsOn: localDate(startsOn.plus({ months: 4 })),
    quota: DEFAULT_QUOTA_SETTINGS,
  };
};

const submittedAtWithin = (round: Round, applicant: SyntheticApplicant, now: Date): Date => {
  const at = round.applicationsOpenAt.getTime() + applicant.submittedOffsetMinutes * 60_000;
  // The open round's pool arrived before now, spread over the days the window has been open.
  const latest = Math.min(now.getTime(), round.applicationsCloseAt.getTime()) - 60_000;
  const span = latest - round.applicationsOpenAt.getTime();
  return new Date(span > 0 && at > latest ? round.applicationsOpenAt.getTime() + (at % span) : at);
};

export const seedDemo = async (deps: UseCaseDeps, input: SeedDemoInput): Promise<SeedDemoResult> => {
  if (input.isProduction) {
    throw new DomainError('FORBIDDEN', 'demo.production');
  }
  if (!Number.isInteger(input.applicants) || input.applicants < 2 || input.applicants > 100_000) {
    throw new DomainError('VALIDATION', 'demo.applicants', { min: 2, max: 100_000 });
  }
  const now = deps.clock.now();
  const stamp = DateTime.fromJSDate(now, { zone: 'UTC' }).toFormat('yyyyMMddHHmmss');
  const openRound = demoRound(`demo-open-${stamp}`, 'open', now, {
    opens: -14,
    closes: 21,
    starts: 35,
  });
  const closedRound = demoRound(`demo-closed-${stamp}`, 'closed', now, {
    opens: -40,
    closes: -3,
    starts: 10,
  });
  // Closed for now: matching and publishing move it to under way, as they would a real round.
  const runningRound = demoRound(`demo-running-${stamp}`, 'closed', now, {
    opens: -90,
    closes: -60,
    starts: -45,
  });
  // A little more skew than the real first round (50 of 392) so the demo shows the quota and waitlist at work.
  const openPool = generateSyntheticPool({
    count: input.applicants,
    seed: input.seed,
    countries: DEMO_COUNTRIES,
    topCountryShare: 0.24,
  });
  const runningPool = generateSyntheticPool({
    count: input.applicants,
    seed: input.seed + 1,
    countries: DEMO_COUNTRIES,
  });
  const closedPool = generateSyntheticPool({
    count: input.applicants,
    seed: input.seed + 2,
    countries: DEMO_COUNTRIES,
  });
  const quota = decideCountryQuota(
    openPool.map((applicant) => ({
      id: applicant.key,
      countryOfResidence: applicant.answers.countryOfResidence,
    })),
    openRound.quota,
  );
  const topCountry = [...quota.byCountry].sort(
    (a, b) => b.withinQuota + b.waitlisted - (a.withinQuota + a.waitlisted),
  )[0]!.countryOfResidence;

  const seeded = await deps.uow.transaction(async (store) => {
    const { rounds, applications } = store;
    await rounds.insertRound(runningRound, now);
    // Everyone in the round under way finds a partner (N applicants give N participants): basic
    // English counts as a working language and a call overlap is not required.
    await store.matching.saveSettings(runningRound.id, RUNNING_ROUND_SETTINGS, now);
    await rounds.insertRound(closedRound, now);
    await rounds.insertRound(openRound, now);
    const insertPool = async (
      round: Round,
      pool: SyntheticApplicant[],
      statusOf: (a: SyntheticApplicant) => ApplicationStatus,
    ) => {
      for (const applicant of pool) {
        await applications.insertApplication({
          id: `${round.id}-${applicant.key}`,
          roundId: round.id,
          personId: null,
          status: statusOf(applicant),
          answers: applicant.answers,
          editTokenHash: null,
          submittedAt: submittedAtWithin(round, applicant, now),
        });
      }
    };
    await insertPool(openRound, openPool, () => 'pending');
    await insertPool(runningRound, runningPool, () => 'accepted');
    await insertPool(closedRound, closedPool, () => 'accepted');

    const coordinator = await grantCoordinator(store, now, {
      email: DEMO_COORDINATOR_EMAIL,
      name: 'Demo Program Coordinator',
      countryCodes: [],
      actorPersonId: null,
    });
    await grantCoordinator(store, now, {
      email: DEMO_COUNTRY_COORDINATOR_EMAIL,
      name: 'Demo Country Coordinator',
      countryCodes: [topCountry],
      actorPersonId: null,
    });
    return { coordinator: coordinator.viewer };
  });
  const introduced = await introduceDemoPartners(deps, {
    viewer: seeded.coordinator,
    roundId: runningRound.id,
    emailOf: new Map(
      runningPool.map((a) => [`${runningRound.id}-${a.key}`, normalizeEmail(a.answers.email)]),
    ),
    seed: input.seed,
  });
  await deps.uow.transaction((store) =>
    store.program.saveSetting(
      DEMO_SETTING,
      JSON.stringify({
        coordinatorEmail: DEMO_COORDINATOR_EMAIL,
        countryCoordinatorEmail: DEMO_COUNTRY_COORDINATOR_EMAIL,
        participantEmails: introduced.participantEmails,
      }),
      now,
    ),
  );
  return {
    coordinatorEmail: DEMO_COORDINATOR_EMAIL,
    countryCoordinatorEmail: DEMO_COUNTRY_COORDINATOR_EMAIL,
    countryCoordinatorCountry: topCountry,
    openRound: {
      id: openRound.id,
      applications: openPool.length,
      overQuota: quota.waitlisted.length,
      countries: quota.byCountry.length,
    },
    closedRound: { id: closedRound.id, applications: closedPool.length },
    runningRound: {
      id: runningRound.id,
      participants: introduced.participants,
      partnerships: introduced.partnerships,
      checkIns: introduced.checkIns,
      topics: introduced.topics,
      dueTopicId: introduced.dueTopicId,
      survey: introduced.survey,
    },
    participantEmails: introduced.participantEmails,
  };
};

/** Whether the database holds nothing a person made: no rounds and no people. */
export const isProgramEmpty = (deps: UseCaseDeps): Promise<boolean> => deps.store.program.isProgramEmpty();
