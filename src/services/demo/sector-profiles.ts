import type { InterestId } from '../../core/applications/interest-taxonomy';
import type { Sector } from '../../core/applications/labels';

/**
 * What people in each sector tend to do and care about, so synthetic interests correlate with
 * sector the way real ones do (an academic librarian is likelier to pick open access than
 * children and young adults).
 */
export const SECTOR_PROFILES: Record<Sector, { weight: number; roles: string[]; interests: InterestId[] }> = {
  academic: {
    weight: 34,
    roles: [
      'Liaison librarian',
      'Research support librarian',
      'Systems librarian',
      'Subject librarian',
      'Library director',
    ],
    interests: [
      'academic-and-research-libraries',
      'information-literacy',
      'open-access',
      'research-data-management',
      'digital-humanities',
      'metadata',
      'reference-and-information-services',
    ],
  },
  public: {
    weight: 22,
    roles: [
      'Branch librarian',
      'Community librarian',
      'Youth services librarian',
      'Library manager',
      'Outreach officer',
    ],
    interests: [
      'public-libraries',
      'literacy-and-reading',
      'children-and-young-adults',
      'multicultural-populations',
      'library-buildings-and-equipment',
      'social-media-and-outreach',
      'services-to-people-with-special-needs',
    ],
  },
  school: {
    weight: 8,
    roles: ['Teacher librarian', 'School library coordinator', 'Library technician'],
    interests: [
      'school-libraries',
      'children-and-young-adults',
      'literacy-and-reading',
      'information-literacy',
      'education-and-training',
    ],
  },
  special: {
    weight: 5,
    roles: ['Information specialist', 'Special librarian', 'Research officer'],
    interests: [
      'knowledge-management',
      'reference-and-information-services',
      'science-and-technology-libraries',
      'art-libraries',
    ],
  },
  'national-or-state': {
    weight: 4,
    roles: ['Curator', 'Collection librarian', 'Legal deposit officer', 'Digitisation coordinator'],
    interests: [
      'national-libraries',
      'rare-books-and-special-collections',
      'preservation-and-conservation',
      'digital-libraries',
      'bibliography',
      'newspapers',
    ],
  },
  government: {
    weight: 5,
    roles: ['Government librarian', 'Information manager', 'Parliamentary research librarian'],
    interests: [
      'government-libraries',
      'parliamentary-libraries',
      'knowledge-management',
      'freedom-of-access-to-information',
    ],
  },
  health: {
    weight: 5,
    roles: ['Clinical librarian', 'Health sciences librarian', 'Evidence synthesis librarian'],
    interests: [
      'health-and-biosciences-libraries',
      'reference-and-information-services',
      'information-literacy',
      'open-access',
    ],
  },
  law: {
    weight: 3,
    roles: ['Law librarian', 'Legal information specialist'],
    interests: [
      'law-libraries',
      'copyright-and-legal-matters',
      'reference-and-information-services',
      'knowledge-management',
    ],
  },
  corporate: {
    weight: 3,
    roles: ['Knowledge manager', 'Corporate information specialist', 'Taxonomist'],
    interests: [
      'knowledge-management',
      'metadata',
      'information-technology',
      'artificial-intelligence',
      'management-and-marketing',
    ],
  },
  archives: {
    weight: 3,
    roles: ['Archivist', 'Records manager', 'Digital archivist'],
    interests: [
      'archives-and-records-management',
      'preservation-and-conservation',
      'genealogy-and-local-history',
      'digital-libraries',
      'metadata',
    ],
  },
  museum: {
    weight: 2,
    roles: ['Museum librarian', 'Collections officer', 'Gallery librarian'],
    interests: [
      'art-libraries',
      'rare-books-and-special-collections',
      'audiovisual-and-multimedia',
      'digital-humanities',
    ],
  },
  'lis-education': {
    weight: 5,
    roles: ['Library and information science student', 'Lecturer in information studies', 'Graduate trainee'],
    interests: [
      'library-theory-and-research',
      'education-and-training',
      'new-professionals',
      'continuing-professional-development',
    ],
  },
  other: {
    weight: 1,
    roles: ['Library consultant', 'Bookseller turned librarian', 'Independent researcher'],
    interests: [
      'management-and-marketing',
      'library-associations-and-advocacy',
      'environmental-sustainability',
    ],
  },
};

/** Interests many applicants choose whatever their sector. */
export const POPULAR_INTERESTS: InterestId[] = [
  'continuing-professional-development',
  'leadership',
  'management-and-marketing',
  'information-technology',
  'digital-libraries',
  'library-associations-and-advocacy',
];

export const HOPES = [
  'A wider view of how libraries work in other countries.',
  'A peer to share ideas and challenges with.',
  'Practical ideas I can try in my own library.',
  'To grow my professional network beyond my country.',
  'Advice on moving into a leadership role.',
  'To learn how others approach community engagement.',
  'Confidence in talking about my work with international colleagues.',
  'To understand open access and research support elsewhere.',
  'Perspective on my career after a change of role.',
  'A friend in the profession on the other side of the world.',
];

export const OTHER_INTERESTS = [
  'Makerspaces',
  'Library podcasts',
  'Zines and community publishing',
  'Games in libraries',
  'Wellbeing at work',
  'Translation and multilingual collections',
];
