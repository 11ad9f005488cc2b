import { describe, expect, test } from 'vitest';
import type { Partnership } from '../../../core/matchmaking';
import { DEFAULT_MATCH_SETTINGS } from '../../../core/scoring/match-settings';
import type { BoardPerson, MatchBoard } from '../../../services/matching/match-board';
import { buildBoardPage, parseBoardQuery, toBoardQueryString } from './board-model';
import { readSettingsForm, SETTINGS_FIELD_NAMES, toSettingsFormValues } from './settings-fields';

/** The board's query, filters and pages; the settings form read back into the settings' shape. */
const person = (id: string, name: string, countryCode: string): BoardPerson => ({
  applicationId: id,
  name,
  countryCode,
  timeZone: 'UTC',
  sector: 'academic',
  careerStage: 'mid',
  role: 'Librarian',
  status: 'accepted',
});

const boardOf = (count: number): MatchBoard => {
  const people = new Map<string, BoardPerson>();
  const partnerships: Partnership[] = [];
  for (let i = 0; i < count; i++) {
    const a = `a${String(i).padStart(3, '0')}`;
    const b = `b${String(i).padStart(3, '0')}`;
    people.set(a, person(a, `Ana ${i}`, i % 2 === 0 ? 'KE' : 'NG'));
    people.set(b, person(b, `Ben ${i}`, 'GB'));
    partnerships.push({ applicationIds: [a, b], source: 'pair', fit: 10_000 - i, pairs: [] });
  }
  const result = {
    partnerships,
    unmatched: [],
    skipped: [],
    rejectedLocks: [],
  } as unknown as MatchBoard['run'] & object;
  return {
    people,
    settings: DEFAULT_MATCH_SETTINGS,
    locks: [],
    comments: [],
    run: {
      result,
      attention: [
        { applicationIds: ['a007', 'b007'], fit: 9993, severity: 1, reasons: [{ code: 'trio', params: {} }] },
      ],
      explanations: new Map(),
    },
  } as unknown as MatchBoard;
};

describe('the board query', () => {
  test('keeps what it understands and ignores the rest', () => {
    expect(
      parseBoardQuery({ page: '-4', sort: 'evil', show: 'x', country: 'ke', q: '  Ana  ', run: ' r1 ' }),
    ).toEqual({
      runId: 'r1',
      page: 1,
      search: 'Ana',
      country: 'KE',
      show: 'all',
      sort: 'fit',
    });
    expect(parseBoardQuery({ page: '1e9', country: '<b>' })).toMatchObject({ page: 1, country: undefined });
    const query = parseBoardQuery({ page: '3', sort: 'name', show: 'attention', q: 'a&b' });
    expect(parseBoardQuery(Object.fromEntries(new URLSearchParams(toBoardQueryString(query))))).toEqual(
      query,
    );
  });

  test('pages 50 at a time, lowest fit first, and filters by country, name and attention', () => {
    const board = boardOf(120);
    const first = buildBoardPage(board, parseBoardQuery({}), 'en');
    expect([first.total, first.pages, first.cards.length]).toEqual([120, 3, 50]);
    expect(first.cards[0]!.partnership.fit).toBe(10_000 - 119);
    const last = buildBoardPage(board, parseBoardQuery({ page: '9' }), 'en');
    expect([last.page, last.cards.length]).toEqual([3, 20]);
    expect(buildBoardPage(board, parseBoardQuery({ country: 'KE' }), 'en').total).toBe(60);
    expect(buildBoardPage(board, parseBoardQuery({ q: 'ana 11' }), 'en').total).toBe(11);
    const worth = buildBoardPage(board, parseBoardQuery({ show: 'attention' }), 'en');
    expect(worth.cards.map((card) => card.key)).toEqual(['a007+b007']);
    expect(worth.cards[0]!.attention).toEqual([{ code: 'trio', params: {} }]);
  });
});

describe('the settings form', () => {
  test('reads back what it shows, and passes through what it cannot read for the service to refuse', () => {
    const values = toSettingsFormValues(DEFAULT_MATCH_SETTINGS);
    expect(Object.keys(values).sort()).toEqual([...SETTINGS_FIELD_NAMES].sort());
    expect(readSettingsForm(values).settings).toEqual(DEFAULT_MATCH_SETTINGS);
    const odd = readSettingsForm({
      ...values,
      'weights.sector': 'many',
      'rules.allowTrios': undefined,
      'rules.minWeeklyOverlapHours': '1,5',
    });
    expect(odd.settings.weights.sector).toBeNaN();
    expect(odd.settings.rules).toMatchObject({ allowTrios: false, minWeeklyOverlapHours: 1.5 });
    expect(odd.values['weights.sector']).toBe('many');
  });
});
