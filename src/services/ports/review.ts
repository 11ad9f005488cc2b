import type { Application } from '../../core/applications/application';
import type { ApplicationStatus } from '../../core/applications/application-status';
import type { CareerStage, Sector } from '../../core/applications/labels';

/** Which applications a viewer may see: every country, or only these (a country coordinator's). */
export type CountryScope = { kind: 'all' } | { kind: 'countries'; countryCodes: string[] };

export const APPLICATION_SORTS = ['submitted', 'name', 'country'] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

export interface ApplicationFilters {
  countryCode?: string | undefined;
  status?: ApplicationStatus | undefined;
  sector?: Sector | undefined;
  careerStage?: CareerStage | undefined;
  /** Only applications flagged as likely duplicates (either side of a pair). */
  isLikelyDuplicate?: boolean | undefined;
  /** Part of the name, email address or role, any case. */
  search?: string | undefined;
}

export interface ApplicationListQuery {
  roundId: string;
  scope: CountryScope;
  filters: ApplicationFilters;
  sort: ApplicationSort;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/**
 * Where a keyset page of the list ended: the sort key of its last application. Opaque outside the
 * repository that made it; valid only for the same round, scope, filters and sort.
 */
export type ApplicationCursor = string & { readonly __applicationCursor: unique symbol };

export interface ApplicationKeysetQuery {
  roundId: string;
  scope: CountryScope;
  filters: ApplicationFilters;
  sort: ApplicationSort;
  /** The page starts after this application; undefined: from the start. */
  after: ApplicationCursor | undefined;
  limit: number;
}

export interface ApplicationKeysetPage {
  items: ReviewedApplication[];
  /** Where the next page starts; undefined when this page is the last. */
  next: ApplicationCursor | undefined;
}

/** An application's neighbours in a filtered, sorted list (the detail page's previous and next). */
export interface ApplicationNeighbours {
  previous: { id: string; name: string } | undefined;
  next: { id: string; name: string } | undefined;
}

export interface NeighboursQuery {
  roundId: string;
  scope: CountryScope;
  filters: ApplicationFilters;
  sort: ApplicationSort;
  /** The application whose neighbours are wanted; it need not match the filters itself (any more). */
  applicationId: string;
}

/** An application with what coordinators decided about it. */
export interface ReviewedApplication extends Application {
  declineReason: string | null;
  /** The earlier application this one probably duplicates. */
  duplicateOf: string | null;
  duplicateReason: string | null;
  /** True for either side of a likely-duplicate pair. */
  isLikelyDuplicate: boolean;
  declinedCarryOver: boolean;
}

export interface ApplicationCounts {
  total: number;
  byStatus: Partial<Record<ApplicationStatus, number>>;
  byCountry: { countryCode: string; count: number }[];
  bySector: { sector: Sector; count: number }[];
}

export interface ApplicationNote {
  id: string;
  applicationId: string;
  authorPersonId: string | null;
  authorName: string | null;
  body: string;
  createdAt: Date;
}

export interface ApplicationImport {
  id: string;
  roundId: string;
  authorPersonId: string | null;
  fileName: string;
  content: string;
  status: 'uploaded' | 'imported';
  createdAt: Date;
}

/** Who is on a round's waitlist or holding a place, in submission order. */
export interface QuotaRow {
  id: string;
  email: string;
  name: string;
  countryCode: string;
  status: ApplicationStatus;
  declinedCarryOver: boolean;
  submittedAt: Date;
}

/**
 * The coordinators' view of a round's applications: filtered lists, counts, notes, decisions,
 * carry-over and imports. Every read takes a CountryScope and applies it in the query itself, so
 * a country coordinator's list, counts, export and detail never contain another country's
 * application, whatever a route asks for.
 */
export interface ApplicationReviewRepository {
  /** One numbered page and the number of matching applications. */
  listApplications: (query: ApplicationListQuery) => Promise<{ items: ReviewedApplication[]; total: number }>;
  /**
   * The matching applications after a cursor, in the list's order (the CSV export reads a round
   * this way, page by page): each page costs its own rows, however far into the list it is.
   */
  listApplicationsAfter: (query: ApplicationKeysetQuery) => Promise<ApplicationKeysetPage>;
  countApplications: (roundId: string, scope: CountryScope) => Promise<ApplicationCounts>;
  /**
   * The applications just before and just after one in a list's order, among those the filters
   * and scope let through: two index-ordered reads of one row each, however long the list.
   */
  findNeighbours: (query: NeighboursQuery) => Promise<ApplicationNeighbours>;
  /** How many of the round's applications stand in each status, per country: every country, unscoped (the quota's cap depends on the whole round). */
  countByCountryAndStatus: (
    roundId: string,
  ) => Promise<{ countryCode: string; status: ApplicationStatus; count: number }[]>;
  /** The application if it exists and is within the scope; undefined otherwise (never a hint which). */
  findApplicationInScope: (id: string, scope: CountryScope) => Promise<ReviewedApplication | undefined>;
  /**
   * Changes the status only if it is still `from` (a concurrent change makes this return false).
   * The decline reason is kept for `declined` and cleared otherwise.
   */
  changeStatus: (
    id: string,
    change: { from: ApplicationStatus; to: ApplicationStatus; declineReason: string | null },
    now: Date,
  ) => Promise<boolean>;
  /**
   * changeStatus for many applications in one statement (a few hundred at a time): resolves with
   * the ids that were still `from` and so changed, in no particular order.
   */
  changeStatuses: (
    ids: readonly string[],
    change: { from: ApplicationStatus; to: ApplicationStatus; declineReason: string | null },
    now: Date,
  ) => Promise<string[]>;
  setDuplicateFlag: (id: string, duplicateOf: string, reason: string) => Promise<void>;
  listNotes: (applicationId: string) => Promise<ApplicationNote[]>;
  insertNote: (
    note: { applicationId: string; authorPersonId: string | null; body: string },
    now: Date,
  ) => Promise<ApplicationNote>;
  /** Every application of the round in submission order, with the fields quota and duplicates need. */
  listQuotaRows: (roundId: string) => Promise<QuotaRow[]>;
  /** The same with only what the country quota decides by (read from an index alone). */
  listQuotaCandidates: (roundId: string) => Promise<Pick<QuotaRow, 'id' | 'countryCode' | 'status'>[]>;
  /** Which of these applications were carried over already (a few hundred ids at a time). */
  listCarriedOver: (fromApplicationIds: readonly string[]) => Promise<string[]>;
  /** Records which application became which, in one statement (a few hundred at a time). */
  recordCarryOvers: (
    carryOvers: readonly { fromApplicationId: string; toApplicationId: string; toRoundId: string }[],
    now: Date,
  ) => Promise<void>;
  insertImport: (
    upload: { roundId: string; authorPersonId: string | null; fileName: string; content: string },
    now: Date,
  ) => Promise<ApplicationImport>;
  findImport: (id: string, roundId: string) => Promise<ApplicationImport | undefined>;
  markImportImported: (id: string, now: Date) => Promise<void>;
}

export interface RoundSummary {
  id: string;
  name: string;
  status: string;
  applicationsOpenAt: string;
  applicationsCloseAt: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  /** Applications by status, counting only the countries in scope. */
  applicationCounts: Record<string, number>;
  totalApplications: number;
}

export interface CoordinatorDashboardRepository {
  listRoundSummaries: (scope: CountryScope) => Promise<RoundSummary[]>;
}
