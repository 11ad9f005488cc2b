import type {
  AttentionItem,
  AttentionReason,
  Partnership,
  PartnershipExplanation,
} from '../../../core/matchmaking';
import type { MatchBoard } from '../../../services/matching/match-board';
import { partnershipKey } from '../../../services/matching/match-board';
import type { MatchComment } from '../../../services/ports/matching';

/**
 * What one page of the matching board shows, from the board the service returns and the page's
 * query: the partnerships filtered (a name, a country, only those worth a look), sorted and cut
 * to a page, each with its explanation, lock, comments and attention reasons. Forgiving like the
 * review list: a value that is not one of the choices is ignored.
 */
export const BOARD_PAGE_SIZE = 50;
/** How many of the attention list the board shows before pointing to the filtered list. */
export const ATTENTION_SHOWN = 10;
export const BOARD_SHOWS = ['all', 'attention'] as const;
export const BOARD_SORTS = ['fit', 'fit-desc', 'name'] as const;

export interface BoardQuery {
  runId: string | undefined;
  page: number;
  search: string | undefined;
  country: string | undefined;
  show: (typeof BOARD_SHOWS)[number];
  sort: (typeof BOARD_SORTS)[number];
}

const pick = <T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T =>
  value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

export const parseBoardQuery = (query: Record<string, string | undefined>): BoardQuery => {
  const page = Number.parseInt(query.page ?? '1', 10);
  const country = query.country?.trim().toUpperCase();
  return {
    runId: query.run?.trim() || undefined,
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 100_000) : 1,
    search: query.q?.trim().slice(0, 200) || undefined,
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    show: pick(query.show, BOARD_SHOWS, 'all'),
    sort: pick(query.sort, BOARD_SORTS, 'fit'),
  };
};

/** The board's query string (for paging links and for coming back after an action). */
export const toBoardQueryString = (query: BoardQuery, overrides: { page?: number } = {}): string => {
  const params = new URLSearchParams();
  if (query.runId) params.set('run', query.runId);
  if (query.search) params.set('q', query.search);
  if (query.country) params.set('country', query.country);
  if (query.show !== 'all') params.set('show', query.show);
  if (query.sort !== 'fit') params.set('sort', query.sort);
  const page = overrides.page ?? query.page;
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
};

export interface PartnershipCardModel {
  key: string;
  partnership: Partnership;
  explanation: PartnershipExplanation | undefined;
  /** The lock keeping exactly these people together, if any. */
  lockId: string | undefined;
  comments: MatchComment[];
  attention: AttentionReason[];
}

export interface BoardPageModel {
  board: MatchBoard;
  query: BoardQuery;
  /** The first few of the attention list, most telling first. */
  attention: AttentionItem[];
  attentionTotal: number;
  cards: PartnershipCardModel[];
  /** Partnerships that pass the filters (all pages). */
  total: number;
  page: number;
  pages: number;
}

export const cardOf = (board: MatchBoard, partnership: Partnership): PartnershipCardModel => {
  const key = partnershipKey(partnership.applicationIds);
  return {
    key,
    partnership,
    explanation: board.run?.explanations.get(key),
    lockId: board.locks.find((lock) => partnershipKey(lock.applicationIds) === key)?.id,
    comments: board.comments.filter((comment) => partnershipKey(comment.applicationIds) === key),
    attention:
      board.run?.attention.find((item) => partnershipKey(item.applicationIds) === key)?.reasons ?? [],
  };
};

export const buildBoardPage = (board: MatchBoard, query: BoardQuery, locale: string): BoardPageModel => {
  const run = board.run;
  const attention = run?.attention ?? [];
  const worthALook = new Set(attention.map((item) => partnershipKey(item.applicationIds)));
  const nameOf = (id: string) => board.people.get(id)?.name ?? id;
  const needle = query.search?.toLocaleLowerCase(locale);
  const collator = new Intl.Collator(locale);
  const firstName = (p: Partnership) => p.applicationIds.map(nameOf).sort(collator.compare)[0] ?? '';
  const partnerships = (run?.result.partnerships ?? [])
    .filter((p) => query.show === 'all' || worthALook.has(partnershipKey(p.applicationIds)))
    .filter(
      (p) =>
        !query.country || p.applicationIds.some((id) => board.people.get(id)?.countryCode === query.country),
    )
    .filter(
      (p) => !needle || p.applicationIds.some((id) => nameOf(id).toLocaleLowerCase(locale).includes(needle)),
    )
    .sort((a, b) =>
      query.sort === 'name'
        ? collator.compare(firstName(a), firstName(b))
        : query.sort === 'fit-desc'
          ? b.fit - a.fit
          : a.fit - b.fit,
    );
  const pages = Math.max(1, Math.ceil(partnerships.length / BOARD_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  return {
    board,
    query,
    attention: attention.slice(0, ATTENTION_SHOWN),
    attentionTotal: attention.length,
    cards: partnerships
      .slice((page - 1) * BOARD_PAGE_SIZE, page * BOARD_PAGE_SIZE)
      .map((partnership) => cardOf(board, partnership)),
    total: partnerships.length,
    page,
    pages,
  };
};
