/** Figures of a match run: the fit distribution of its partnerships and counts by country. */
import type { CountryFigures, FitDistribution, Partnership, UnmatchedParticipant } from './match-run';

export function describeFitDistribution(fits: readonly number[]): FitDistribution {
  const sorted = [...fits].sort((a, b) => a - b);
  const count = sorted.length;
  const bands = new Array<number>(10).fill(0);
  for (const fit of sorted) bands[Math.min(9, Math.floor(fit / 1000))]!++;
  if (count === 0) return { count, min: 0, max: 0, mean: 0, median: 0, bands };
  const middle = Math.floor(count / 2);
  return {
    count,
    min: sorted[0]!,
    max: sorted[count - 1]!,
    mean: Math.round(sorted.reduce((sum, fit) => sum + fit, 0) / count),
    median: count % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2),
    bands,
  };
}

/** One row per country of the participants (ascending country code). */
export function listCountryFigures(
  countryOf: ReadonlyMap<string, string>,
  partnerships: readonly Partnership[],
  unmatched: readonly UnmatchedParticipant[],
): CountryFigures[] {
  const rows = new Map<string, CountryFigures & { fitSum: number }>();
  const row = (country: string) => {
    let r = rows.get(country);
    if (!r) {
      r = { country, participants: 0, inPartnerships: 0, inTrios: 0, unmatched: 0, meanFit: 0, fitSum: 0 };
      rows.set(country, r);
    }
    return r;
  };
  for (const country of countryOf.values()) row(country).participants++;
  for (const partnership of partnerships) {
    for (const id of partnership.applicationIds) {
      const r = row(countryOf.get(id)!);
      r.inPartnerships++;
      if (partnership.applicationIds.length === 3) r.inTrios++;
      r.fitSum += partnership.fit;
    }
  }
  for (const person of unmatched) row(countryOf.get(person.applicationId)!).unmatched++;
  return [...rows.values()]
    .sort((a, b) => (a.country < b.country ? -1 : 1))
    .map(({ fitSum, ...r }) => ({
      ...r,
      meanFit: r.inPartnerships > 0 ? Math.round(fitSum / r.inPartnerships) : 0,
    }));
}
