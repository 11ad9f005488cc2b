import type { InterestId } from '../../core/applications/interest-taxonomy';
import type { CareerStage, Sector } from '../../core/applications/labels';

/** A job and the career stages a person holding it can be at (no student lecturers, no new-graduate directors). */
export interface RoleProfile {
  title: string;
  stages: readonly CareerStage[];
}

const role = (title: string, ...stages: CareerStage[]): RoleProfile => ({ title, stages });

/**
 * What people in each sector tend to do and care about, so synthetic interests correlate with
 * sector the way real ones do (an academic librarian is likelier to pick open access than
 * children and young adults). Every sector has a role for every career stage (tested), so a
 * person's role can always be drawn among those that fit their stage.
 */
export const SECTOR_PROFILES: Record<
  Sector,
  { weight: number; roles: RoleProfile[]; interests: InterestId[] }
> = {
  academic: {
    weight: 34,
    roles: [
      role('Student library assistant', 'student'),
      role('Graduate library trainee', 'student', 'early'),
      role('Liaison librarian', 'early', 'mid', 'late'),
      role('Research support librarian', 'early', 'mid', 'late'),
      role('Systems librarian', 'early', 'mid', 'late'),
      role('Subject librarian', 'early', 'mid', 'late'),
      role('Head of research services', 'mid', 'late'),
      role('Library director', 'late'),
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
      role('Library assistant (while studying)', 'student'),
      role('Library officer', 'early', 'mid'),
      role('Branch librarian', 'early', 'mid', 'late'),
      role('Community librarian', 'early', 'mid', 'late'),
      role('Youth services librarian', 'early', 'mid', 'late'),
      role('Outreach officer', 'early', 'mid'),
      role('Library manager', 'mid', 'late'),
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
    roles: [
      role('Student teacher librarian', 'student'),
      role('Library technician', 'early', 'mid', 'late'),
      role('Teacher librarian', 'early', 'mid', 'late'),
      role('School library coordinator', 'mid', 'late'),
    ],
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
    roles: [
      role('Library intern', 'student'),
      role('Information specialist', 'early', 'mid', 'late'),
      role('Special librarian', 'early', 'mid', 'late'),
      role('Research officer', 'early', 'mid'),
      role('Head of information services', 'mid', 'late'),
    ],
    interests: [
      'knowledge-management',
      'reference-and-information-services',
      'science-and-technology-libraries',
      'art-libraries',
    ],
  },
  'national-or-state': {
    weight: 4,
    roles: [
      role('Graduate intern', 'student'),
      role('Digitisation coordinator', 'early', 'mid'),
      role('Legal deposit officer', 'early', 'mid', 'late'),
      role('Collection librarian', 'early', 'mid', 'late'),
      role('Curator', 'mid', 'late'),
    ],
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
    roles: [
      role('Library intern', 'student'),
      role('Information manager', 'early', 'mid', 'late'),
      role('Government librarian', 'early', 'mid', 'late'),
      role('Parliamentary research librarian', 'mid', 'late'),
    ],
    interests: [
      'government-libraries',
      'parliamentary-libraries',
      'knowledge-management',
      'freedom-of-access-to-information',
    ],
  },
  health: {
    weight: 5,
    roles: [
      role('Library assistant (while studying)', 'student'),
      role('Clinical librarian', 'early', 'mid', 'late'),
      role('Health sciences librarian', 'early', 'mid', 'late'),
      role('Evidence synthesis librarian', 'mid', 'late'),
    ],
    interests: [
      'health-and-biosciences-libraries',
      'reference-and-information-services',
      'information-literacy',
      'open-access',
    ],
  },
  law: {
    weight: 3,
    roles: [
      role('Law library intern', 'student'),
      role('Legal information specialist', 'early', 'mid', 'late'),
      role('Law librarian', 'early', 'mid', 'late'),
      role('Head of knowledge services', 'late'),
    ],
    interests: [
      'law-libraries',
      'copyright-and-legal-matters',
      'reference-and-information-services',
      'knowledge-management',
    ],
  },
  corporate: {
    weight: 3,
    roles: [
      role('Information management intern', 'student'),
      role('Corporate information specialist', 'early', 'mid'),
      role('Taxonomist', 'early', 'mid', 'late'),
      role('Knowledge manager', 'mid', 'late'),
    ],
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
    roles: [
      role('Archives intern', 'student'),
      role('Records officer', 'early', 'mid'),
      role('Digital archivist', 'early', 'mid', 'late'),
      role('Archivist', 'early', 'mid', 'late'),
      role('Records manager', 'mid', 'late'),
    ],
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
    roles: [
      role('Museum library volunteer (student)', 'student'),
      role('Collections officer', 'early', 'mid', 'late'),
      role('Museum librarian', 'early', 'mid', 'late'),
      role('Gallery librarian', 'mid', 'late'),
    ],
    interests: [
      'art-libraries',
      'rare-books-and-special-collections',
      'audiovisual-and-multimedia',
      'digital-humanities',
    ],
  },
  'lis-education': {
    weight: 5,
    roles: [
      role('Library and information science student', 'student'),
      role('Graduate trainee', 'student', 'early'),
      role('Research assistant in information studies', 'early'),
      role('Lecturer in information studies', 'mid', 'late'),
      role('Professor of information studies', 'late'),
    ],
    interests: [
      'library-theory-and-research',
      'education-and-training',
      'new-professionals',
      'continuing-professional-development',
    ],
  },
  other: {
    weight: 1,
    roles: [
      role('Student', 'student'),
      role('Library consultant', 'mid', 'late'),
      role('Bookseller turned librarian', 'early', 'mid'),
      role('Independent researcher', 'early', 'mid', 'late'),
    ],
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
