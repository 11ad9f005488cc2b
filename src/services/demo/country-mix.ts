import type { NameGroupId, NameMix } from './name-lists';

const only = (id: NameGroupId): NameMix => [[id, 1]];

/**
 * Where synthetic applicants come from, with relative weights shaped like the real program:
 * founded in Sydney, strongest in English-speaking countries, with a long tail. The first full
 * round had 50 of 392 applicants (12.8%) from one country; the weights give the top country
 * that share and the top five close to half of the pool. `names`: the naming traditions of the
 * country's people, weighted (a person's given and family names always come from one of them).
 */
export const COUNTRY_MIX: ReadonlyArray<{ code: string; weight: number; names: NameMix }> = [
  {
    code: 'AU',
    weight: 12.8,
    names: [
      ['anglophone', 85],
      ['chinese', 5],
      ['vietnamese', 4],
      ['north-indian', 3],
      ['greek', 3],
    ],
  },
  {
    code: 'US',
    weight: 11,
    names: [
      ['anglophone', 82],
      ['latin-american', 12],
      ['chinese', 3],
      ['korean', 3],
    ],
  },
  {
    code: 'GB',
    weight: 7,
    names: [
      ['anglophone', 85],
      ['pakistani', 5],
      ['north-indian', 5],
      ['irish', 5],
    ],
  },
  {
    code: 'CA',
    weight: 5.5,
    names: [
      ['anglophone', 70],
      ['quebecois', 25],
      ['chinese', 5],
    ],
  },
  {
    code: 'IN',
    weight: 4.5,
    names: [
      ['north-indian', 55],
      ['south-indian', 45],
    ],
  },
  {
    code: 'NZ',
    weight: 4,
    names: [
      ['anglophone', 80],
      ['maori', 20],
    ],
  },
  { code: 'NG', weight: 3.5, names: only('nigerian') },
  {
    code: 'ZA',
    weight: 3,
    names: [
      ['south-african', 75],
      ['afrikaans', 20],
      ['tamil', 5],
    ],
  },
  { code: 'PH', weight: 3, names: only('filipino') },
  { code: 'IE', weight: 2.2, names: only('irish') },
  {
    code: 'MY',
    weight: 2,
    names: [
      ['malay', 60],
      ['malaysian-chinese', 30],
      ['tamil', 10],
    ],
  },
  { code: 'KE', weight: 2, names: only('kenyan') },
  { code: 'DE', weight: 1.8, names: only('german') },
  {
    code: 'SG',
    weight: 1.5,
    names: [
      ['malaysian-chinese', 75],
      ['malay', 15],
      ['tamil', 10],
    ],
  },
  { code: 'NL', weight: 1.4, names: only('dutch') },
  { code: 'GH', weight: 1.4, names: only('ghanaian') },
  { code: 'PK', weight: 1.4, names: only('pakistani') },
  { code: 'ES', weight: 1.4, names: only('spanish') },
  { code: 'IT', weight: 1.3, names: only('italian') },
  { code: 'FR', weight: 1.3, names: only('french') },
  { code: 'BR', weight: 1.3, names: only('brazilian') },
  { code: 'MX', weight: 1.3, names: only('latin-american') },
  { code: 'JP', weight: 1.1, names: only('japanese') },
  { code: 'CN', weight: 1, names: only('chinese') },
  { code: 'TW', weight: 0.6, names: only('taiwanese') },
  { code: 'TR', weight: 1, names: only('turkish') },
  { code: 'SE', weight: 0.9, names: only('swedish') },
  { code: 'NO', weight: 0.8, names: only('norwegian') },
  { code: 'DK', weight: 0.8, names: only('danish') },
  { code: 'FI', weight: 0.8, names: only('finnish') },
  { code: 'PL', weight: 0.9, names: only('polish') },
  { code: 'UA', weight: 0.7, names: only('ukrainian') },
  { code: 'HR', weight: 0.5, names: only('croatian') },
  { code: 'RO', weight: 0.6, names: only('romanian') },
  { code: 'GR', weight: 0.7, names: only('greek') },
  { code: 'PT', weight: 0.7, names: only('portuguese') },
  {
    code: 'AR',
    weight: 1,
    names: [
      ['latin-american', 80],
      ['italian', 20],
    ],
  },
  { code: 'CO', weight: 0.9, names: only('latin-american') },
  { code: 'CL', weight: 0.7, names: only('latin-american') },
  { code: 'PE', weight: 0.6, names: only('latin-american') },
  { code: 'EG', weight: 0.9, names: only('egyptian') },
  {
    code: 'AE',
    weight: 0.6,
    names: [
      ['emirati', 60],
      ['egyptian', 20],
      ['south-indian', 20],
    ],
  },
  { code: 'LB', weight: 0.5, names: only('lebanese') },
  { code: 'UG', weight: 0.9, names: only('ugandan') },
  { code: 'TZ', weight: 0.7, names: only('tanzanian') },
  { code: 'ZW', weight: 0.7, names: only('zimbabwean') },
  { code: 'BD', weight: 0.9, names: only('bangladeshi') },
  { code: 'LK', weight: 0.7, names: only('sri-lankan') },
  { code: 'NP', weight: 0.5, names: only('nepali') },
  { code: 'ID', weight: 0.9, names: only('indonesian') },
  { code: 'TH', weight: 0.6, names: only('thai') },
  { code: 'VN', weight: 0.6, names: only('vietnamese') },
  { code: 'KR', weight: 0.7, names: only('korean') },
  { code: 'JM', weight: 0.6, names: only('afro-caribbean') },
  {
    code: 'TT',
    weight: 0.5,
    names: [
      ['afro-caribbean', 50],
      ['indo-caribbean', 50],
    ],
  },
  {
    code: 'FJ',
    weight: 0.4,
    names: [
      ['fijian', 60],
      ['indo-fijian', 40],
    ],
  },
  { code: 'IL', weight: 0.5, names: only('hebrew') },
  { code: 'IR', weight: 0.4, names: only('persian') },
  {
    code: 'BE',
    weight: 0.6,
    names: [
      ['flemish', 60],
      ['french', 40],
    ],
  },
  {
    code: 'CH',
    weight: 0.6,
    names: [
      ['german', 65],
      ['french', 25],
      ['italian', 10],
    ],
  },
  { code: 'AT', weight: 0.5, names: only('german') },
];

/**
 * Zones where people in big countries mostly live, with rough population weights; countries not
 * listed use their primary zone.
 */
export const POPULATED_TIME_ZONES: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = {
  US: [
    ['America/New_York', 47],
    ['America/Chicago', 29],
    ['America/Denver', 5],
    ['America/Phoenix', 2],
    ['America/Los_Angeles', 15],
    ['America/Anchorage', 1],
    ['Pacific/Honolulu', 1],
  ],
  AU: [
    ['Australia/Sydney', 32],
    ['Australia/Melbourne', 26],
    ['Australia/Brisbane', 20],
    ['Australia/Perth', 11],
    ['Australia/Adelaide', 7],
    ['Australia/Hobart', 2],
    ['Australia/Darwin', 2],
  ],
  CA: [
    ['America/Toronto', 60],
    ['America/Vancouver', 14],
    ['America/Edmonton', 12],
    ['America/Winnipeg', 6],
    ['America/Halifax', 6],
    ['America/St_Johns', 2],
  ],
  BR: [
    ['America/Sao_Paulo', 80],
    ['America/Bahia', 10],
    ['America/Manaus', 5],
    ['America/Fortaleza', 5],
  ],
  MX: [
    ['America/Mexico_City', 80],
    ['America/Monterrey', 10],
    ['America/Tijuana', 10],
  ],
  ID: [
    ['Asia/Jakarta', 80],
    ['Asia/Makassar', 15],
    ['Asia/Jayapura', 5],
  ],
};
