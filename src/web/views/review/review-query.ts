import { isApplicationStatus } from '../../../core/applications/application-status';
import { CAREER_STAGES, type CareerStage, SECTORS, type Sector } from '../../../core/applications/labels';
import { isCountryCode } from '../../../core/countries';
import {
  APPLICATION_SORTS,
  type ApplicationFilters,
  type ApplicationSort,
} from '../../../services/ports/review';

/**
 * The list's filters from a query string, shared by the page, the CSV export and the JSON API.
 * Forgiving: a value that is not one of the choices is ignored rather than refused, so an old or
 * hand-edited link still shows a list.
 */
export const PAGE_SIZE = 50;

export interface ReviewQuery {
  filters: ApplicationFilters;
  sort: ApplicationSort;
  page: number;
}

const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined =>
  value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

export const parseReviewQuery = (query: Record<string, string | undefined>): ReviewQuery => {
  const country = query.country?.trim().toUpperCase();
  const page = Number.parseInt(query.page ?? '1', 10);
  const search = query.q?.trim().slice(0, 200);
  return {
    filters: {
      countryCode: country && isCountryCode(country) ? country : undefined,
      status: isApplicationStatus(query.status) ? query.status : undefined,
      sector: pick<Sector>(query.sector, SECTORS),
      careerStage: pick<CareerStage>(query.careerStage, CAREER_STAGES),
      isLikelyDuplicate: ['1', 'on', 'true', 'yes'].includes(query.duplicates ?? '') || undefined,
      search: search || undefined,
    },
    sort: pick<ApplicationSort>(query.sort, APPLICATION_SORTS) ?? 'submitted',
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 100_000) : 1,
  };
};

/** The query string of a list view (for paging links and the export link). */
export const toQueryString = (query: ReviewQuery, overrides: { page?: number } = {}): string => {
  const params = new URLSearchParams();
  const { filters } = query;
  if (filters.search) params.set('q', filters.search);
  if (filters.countryCode) params.set('country', filters.countryCode);
  if (filters.status) params.set('status', filters.status);
  if (filters.sector) params.set('sector', filters.sector);
  if (filters.careerStage) params.set('careerStage', filters.careerStage);
  if (filters.isLikelyDuplicate) params.set('duplicates', '1');
  if (query.sort !== 'submitted') params.set('sort', query.sort);
  const page = overrides.page ?? query.page;
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
};

/**
 * The list's query string from a form field such as the bulk form's `back`: only the list's own
 * parameters, with values the list accepts, written again by toQueryString. Anything else (an
 * unknown parameter, a path, a line break that would break the redirect) is dropped.
 */
export const safeReviewQueryString = (value: unknown): string => {
  if (typeof value !== 'string' || !value.startsWith('?') || value.length > 2000) return '';
  return toQueryString(parseReviewQuery(Object.fromEntries(new URLSearchParams(value.slice(1)))));
};
