import type { UnmatchedParticipant } from '../../../core/matchmaking';
import type { BoardPerson, MatchBoard } from '../../../services/matching/match-board';

/**
 * The pair-by-hand page for a round of a thousand, without JavaScript: each of the (up to) three
 * places lists the accepted people of the country chosen for it, or, before a country is chosen,
 * the people the run shown left without a partner. Choices travel in the query string.
 */
export const PAIR_SLOTS = ['first', 'second', 'third'] as const;
export type PairSlotName = (typeof PAIR_SLOTS)[number];

export interface PairChoices {
  people: Partial<Record<PairSlotName, string>>;
  countries: Partial<Record<PairSlotName, string>>;
}

export interface PairSlot {
  name: PairSlotName;
  country: string | undefined;
  chosen: string | undefined;
  options: BoardPerson[];
}

export interface PairPageModel {
  board: MatchBoard;
  choices: PairChoices;
  slots: PairSlot[];
  /** Countries with accepted participants, with how many. */
  countries: { code: string; count: number }[];
  unmatched: UnmatchedParticipant[];
  /** Each participant's partners in the run shown (empty when unmatched). */
  partnersOf: ReadonlyMap<string, string[]>;
}

const clean = (value: unknown, pattern: RegExp): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed !== '' && trimmed.length <= 200 && pattern.test(trimmed) ? trimmed : undefined;
};

/** Choices from a query string or a posted form (anything else is ignored). */
export const readPairChoices = (values: Record<string, unknown>): PairChoices => {
  const choices: PairChoices = { people: {}, countries: {} };
  for (const slot of PAIR_SLOTS) {
    const person = clean(values[slot], /^[^\s]+$/);
    const country = clean(values[`${slot}Country`], /^[A-Za-z]{2}$/)?.toUpperCase();
    if (person) choices.people[slot] = person;
    if (country) choices.countries[slot] = country;
  }
  return choices;
};

/** The ids chosen, in slot order (duplicates kept: the check names them). */
export const chosenIds = (choices: PairChoices): string[] =>
  PAIR_SLOTS.flatMap((slot) => (choices.people[slot] ? [choices.people[slot]] : []));

export const buildPairPage = (board: MatchBoard, choices: PairChoices, locale: string): PairPageModel => {
  const accepted = [...board.people.values()].filter((person) => person.status === 'accepted');
  const collator = new Intl.Collator(locale);
  const byName = (a: BoardPerson, b: BoardPerson) => collator.compare(a.name, b.name);
  const unmatched = board.run?.result.unmatched ?? [];
  const unmatchedPeople = unmatched.flatMap((u) => board.people.get(u.applicationId) ?? []).sort(byName);
  const partnersOf = new Map<string, string[]>();
  for (const partnership of board.run?.result.partnerships ?? []) {
    for (const id of partnership.applicationIds) {
      partnersOf.set(
        id,
        partnership.applicationIds.filter((other) => other !== id),
      );
    }
  }
  const counts = new Map<string, number>();
  for (const person of accepted) counts.set(person.countryCode, (counts.get(person.countryCode) ?? 0) + 1);
  const slots = PAIR_SLOTS.map((name): PairSlot => {
    const country = choices.countries[name];
    const chosen = choices.people[name];
    const listed = country
      ? accepted.filter((person) => person.countryCode === country).sort(byName)
      : unmatchedPeople;
    const chosenPerson = chosen ? board.people.get(chosen) : undefined;
    const options = chosenPerson && !listed.includes(chosenPerson) ? [chosenPerson, ...listed] : listed;
    return { name, country, chosen, options };
  });
  return {
    board,
    choices,
    slots,
    countries: [...counts].map(([code, count]) => ({ code, count })),
    unmatched,
    partnersOf,
  };
};

/** The query string that keeps every choice, with some changed. */
export const pairQuery = (choices: PairChoices, changes: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string | undefined> = {};
  for (const slot of PAIR_SLOTS) {
    values[slot] = choices.people[slot];
    values[`${slot}Country`] = choices.countries[slot];
  }
  return { ...values, ...changes };
};
