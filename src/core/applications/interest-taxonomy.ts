/**
 * Areas of interest applicants choose from (3 to 8 each). The groups and names follow the
 * professional units of IFLA (its sections and special interest groups), so a librarian
 * anywhere recognises them. Ids are stable kebab-case: they are stored with applications and used
 * as i18n keys, so rename a label freely but never an id.
 */
export const INTEREST_GROUPS = [
  {
    id: 'library-types',
    label: 'Types of library',
    interests: [
      { id: 'academic-and-research-libraries', label: 'Academic and research libraries' },
      { id: 'public-libraries', label: 'Public libraries' },
      { id: 'school-libraries', label: 'School libraries' },
      { id: 'national-libraries', label: 'National libraries' },
      { id: 'government-libraries', label: 'Government libraries' },
      { id: 'parliamentary-libraries', label: 'Library and research services for parliaments' },
      { id: 'law-libraries', label: 'Law libraries' },
      { id: 'health-and-biosciences-libraries', label: 'Health and biosciences libraries' },
      { id: 'art-libraries', label: 'Art libraries' },
      { id: 'science-and-technology-libraries', label: 'Science and technology libraries' },
      { id: 'metropolitan-libraries', label: 'Metropolitan libraries' },
    ],
  },
  {
    id: 'collections',
    label: 'Collections and heritage',
    interests: [
      { id: 'rare-books-and-special-collections', label: 'Rare books and special collections' },
      { id: 'preservation-and-conservation', label: 'Preservation and conservation' },
      { id: 'audiovisual-and-multimedia', label: 'Audiovisual and multimedia' },
      { id: 'newspapers', label: 'Newspapers' },
      { id: 'genealogy-and-local-history', label: 'Genealogy and local history' },
      { id: 'archives-and-records-management', label: 'Archives and records management' },
      { id: 'acquisition-and-collection-development', label: 'Acquisition and collection development' },
      { id: 'document-delivery-and-resource-sharing', label: 'Document delivery and resource sharing' },
      { id: 'maps-and-geospatial-information', label: 'Maps and geospatial information' },
    ],
  },
  {
    id: 'organising-knowledge',
    label: 'Organising knowledge',
    interests: [
      { id: 'cataloguing', label: 'Cataloguing' },
      { id: 'metadata', label: 'Metadata and linked data' },
      { id: 'subject-analysis-and-access', label: 'Subject analysis and access' },
      { id: 'bibliography', label: 'Bibliography' },
      { id: 'knowledge-management', label: 'Knowledge management' },
    ],
  },
  {
    id: 'services-to-people',
    label: 'Services to people',
    interests: [
      { id: 'reference-and-information-services', label: 'Reference and information services' },
      { id: 'information-literacy', label: 'Information literacy' },
      { id: 'literacy-and-reading', label: 'Literacy and reading' },
      { id: 'children-and-young-adults', label: 'Children and young adults' },
      { id: 'services-to-people-with-special-needs', label: 'Library services to people with special needs' },
      { id: 'print-disabilities', label: 'Libraries serving persons with print disabilities' },
      { id: 'multicultural-populations', label: 'Library services to multicultural populations' },
      { id: 'indigenous-matters', label: 'Indigenous matters' },
    ],
  },
  {
    id: 'technology-and-scholarship',
    label: 'Technology and scholarly communication',
    interests: [
      { id: 'information-technology', label: 'Information technology' },
      { id: 'digital-libraries', label: 'Digital libraries and digitisation' },
      { id: 'digital-humanities', label: 'Digital humanities and digital scholarship' },
      { id: 'open-access', label: 'Open access and scholarly communication' },
      { id: 'research-data-management', label: 'Research data management' },
      { id: 'artificial-intelligence', label: 'Artificial intelligence' },
      { id: 'social-media-and-outreach', label: 'Social media and outreach' },
    ],
  },
  {
    id: 'management-and-profession',
    label: 'Management and the profession',
    interests: [
      { id: 'management-and-marketing', label: 'Management and marketing' },
      { id: 'leadership', label: 'Leadership' },
      { id: 'library-buildings-and-equipment', label: 'Library buildings and equipment' },
      { id: 'statistics-and-evaluation', label: 'Statistics and evaluation' },
      { id: 'continuing-professional-development', label: 'Continuing professional development' },
      { id: 'education-and-training', label: 'Education and training' },
      { id: 'new-professionals', label: 'New professionals' },
      { id: 'library-theory-and-research', label: 'Library theory and research' },
      { id: 'library-history', label: 'Library history' },
      { id: 'library-associations-and-advocacy', label: 'Library associations and advocacy' },
      { id: 'copyright-and-legal-matters', label: 'Copyright and other legal matters' },
      { id: 'freedom-of-access-to-information', label: 'Freedom of access to information and expression' },
      { id: 'environmental-sustainability', label: 'Environmental sustainability and libraries' },
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
