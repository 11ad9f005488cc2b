/**
 * Areas of interest applicants choose from (3 to 8 each). The groups and names follow the
 * professional units of IFLA (its sections and special interest groups), so a librarian
 * anywhere recognises them. Ids are stable kebab-case: they are stored with applications and used
 * as i18n keys (their names, in every language, are in the `applications` catalog under
 * `labels.interest` and `labels.interestGroup`), so rename a label freely but never an id.
 */
export const INTEREST_GROUPS = [
  {
    id: 'library-types',
    interests: [
      { id: 'academic-and-research-libraries' },
      { id: 'public-libraries' },
      { id: 'school-libraries' },
      { id: 'national-libraries' },
      { id: 'government-libraries' },
      { id: 'parliamentary-libraries' },
      { id: 'law-libraries' },
      { id: 'health-and-biosciences-libraries' },
      { id: 'art-libraries' },
      { id: 'science-and-technology-libraries' },
      { id: 'metropolitan-libraries' },
    ],
  },
  {
    id: 'collections',
    interests: [
      { id: 'rare-books-and-special-collections' },
      { id: 'preservation-and-conservation' },
      { id: 'audiovisual-and-multimedia' },
      { id: 'newspapers' },
      { id: 'genealogy-and-local-history' },
      { id: 'archives-and-records-management' },
      { id: 'acquisition-and-collection-development' },
      { id: 'document-delivery-and-resource-sharing' },
      { id: 'maps-and-geospatial-information' },
    ],
  },
  {
    id: 'organising-knowledge',
    interests: [
      { id: 'cataloguing' },
      { id: 'metadata' },
      { id: 'subject-analysis-and-access' },
      { id: 'bibliography' },
      { id: 'knowledge-management' },
    ],
  },
  {
    id: 'services-to-people',
    interests: [
      { id: 'reference-and-information-services' },
      { id: 'information-literacy' },
      { id: 'literacy-and-reading' },
      { id: 'children-and-young-adults' },
      { id: 'services-to-people-with-special-needs' },
      { id: 'print-disabilities' },
      { id: 'multicultural-populations' },
      { id: 'indigenous-matters' },
    ],
  },
  {
    id: 'technology-and-scholarship',
    interests: [
      { id: 'information-technology' },
      { id: 'digital-libraries' },
      { id: 'digital-humanities' },
      { id: 'open-access' },
      { id: 'research-data-management' },
      { id: 'artificial-intelligence' },
      { id: 'social-media-and-outreach' },
    ],
  },
  {
    id: 'management-and-profession',
    interests: [
      { id: 'management-and-marketing' },
      { id: 'leadership' },
      { id: 'library-buildings-and-equipment' },
      { id: 'statistics-and-evaluation' },
      { id: 'continuing-professional-development' },
      { id: 'education-and-training' },
      { id: 'new-professionals' },
      { id: 'library-theory-and-research' },
      { id: 'library-history' },
      { id: 'library-associations-and-advocacy' },
      { id: 'copyright-and-legal-matters' },
      { id: 'freedom-of-access-to-information' },
      { id: 'environmental-sustainability' },
    ],
  },
] as const;

export type InterestGroupId = (typeof INTEREST_GROUPS)[number]['id'];
export type InterestId = (typeof INTEREST_GROUPS)[number]['interests'][number]['id'];

export const INTEREST_IDS = INTEREST_GROUPS.flatMap((group) =>
  group.interests.map((interest) => interest.id),
) as [InterestId, ...InterestId[]];

const INTEREST_ID_SET: ReadonlySet<string> = new Set(INTEREST_IDS);
const GROUP_BY_INTEREST = new Map<string, InterestGroupId>(
  INTEREST_GROUPS.flatMap((group) => group.interests.map((interest) => [interest.id, group.id] as const)),
);

export const isInterestId = (value: unknown): value is InterestId =>
  typeof value === 'string' && INTEREST_ID_SET.has(value);

export const findInterestGroupId = (interest: string): InterestGroupId | undefined =>
  GROUP_BY_INTEREST.get(interest);

export const MIN_INTERESTS = 3;
export const MAX_INTERESTS = 8;
