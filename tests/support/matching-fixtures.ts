import type { Kysely } from 'kysely';
import type { ApplicationAnswers } from '../../src/core/applications';
import type { Database } from '../../src/db/schema';
import { seedApplication, seedRound } from './review-fixtures';

/**
 * A closed round ready for matching, for the matching pages' tests and journey: two people who
 * want calls between Sydney and Berlin (their shared hours move twice with daylight saving in
 * March and April 2026), a hundred and four who prefer email in eight countries (so more than one
 * page of partnerships), and one who speaks only Portuguese (left without a partner).
 */
export const MATCHING_ROUND_ID = 'round-m';
export const FILLER_COUNTRIES = ['KE', 'NG', 'GB', 'IN', 'US', 'CA', 'NZ', 'ZA'] as const;

export const OLIVIA = { id: 'au-olivia', name: 'Olivia Chen', country: 'AU' };
export const JONAS = { id: 'de-jonas', name: 'Jonas Weber', country: 'DE' };
export const RUI = { id: 'br-rui', name: 'Rui Costa', country: 'BR' };

const sharedArchiving: Partial<ApplicationAnswers> = {
  interests: ['preservation-and-conservation', 'research-data-management', 'digital-humanities'],
  otherInterests: 'Web archiving and born-digital collections.',
  partnerPreference: { openToAnyone: true, sectors: [], careerStages: [] },
};

export const fillerId = (n: number) => `filler-${String(n).padStart(3, '0')}`;
export const fillerName = (n: number) => `Filler ${String(n).padStart(3, '0')}`;
export const fillerCountry = (n: number) => FILLER_COUNTRIES[n % FILLER_COUNTRIES.length]!;

export const seedMatchingRound = async (
  db: Kysely<Database>,
  options: { id?: string; fillers?: number } = {},
) => {
  const roundId = options.id ?? MATCHING_ROUND_ID;
  await seedRound(db, { id: roundId, name: 'September matching round', status: 'closed' });
  await seedApplication(db, {
    roundId,
    id: OLIVIA.id,
    name: OLIVIA.name,
    country: OLIVIA.country,
    status: 'accepted',
    answers: {
      ...sharedArchiving,
      timeZone: 'Australia/Sydney',
      sector: 'academic',
      careerStage: 'mid',
      languages: [
        { code: 'en', level: 'native' },
        { code: 'de', level: 'fluent' },
      ],
      hopes: 'To learn how others run web archiving.',
      availability: {
        emailOnly: false,
        windows: [
          { day: 'tue', startTime: '07:00', endTime: '08:30' },
          { day: 'thu', startTime: '07:00', endTime: '08:30' },
        ],
      },
    },
  });
  await seedApplication(db, {
    roundId,
    id: JONAS.id,
    name: JONAS.name,
    country: JONAS.country,
    status: 'accepted',
    answers: {
      ...sharedArchiving,
      timeZone: 'Europe/Berlin',
      sector: 'national-or-state',
      careerStage: 'early',
      languages: [
        { code: 'de', level: 'native' },
        { code: 'en', level: 'fluent' },
      ],
      hopes: 'Web archiving with a partner far away.',
      availability: {
        emailOnly: false,
        windows: [
          { day: 'mon', startTime: '20:00', endTime: '23:30' },
          { day: 'wed', startTime: '20:00', endTime: '23:30' },
        ],
      },
    },
  });
  await seedApplication(db, {
    roundId,
    id: RUI.id,
    name: RUI.name,
    country: RUI.country,
    status: 'accepted',
    answers: {
      languages: [{ code: 'pt', level: 'native' }],
      availability: { emailOnly: true, windows: [] },
    },
  });
  for (let n = 1; n <= (options.fillers ?? 104); n++) {
    await seedApplication(db, {
      roundId,
      id: fillerId(n),
      name: fillerName(n),
      country: fillerCountry(n),
      status: 'accepted',
      answers: {
        interests: [
          'public-libraries',
          'literacy-and-reading',
          'children-and-young-adults',
        ] as ApplicationAnswers['interests'],
        languages: [{ code: 'en', level: 'fluent' }],
        availability: { emailOnly: true, windows: [] },
      },
    });
  }
  return roundId;
};
