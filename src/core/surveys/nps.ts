/**
 * Net Promoter Score (Reichheld, "The One Number You Need to Grow", Harvard Business Review 2003):
 * on a 0–10 "how likely are you to recommend" scale, 9–10 are promoters, 7–8 passives and 0–6
 * detractors; the score is the percentage of promoters minus the percentage of detractors, from
 * −100 (all detractors) to +100 (all promoters). Undefined without answers.
 */
export interface NpsScore {
  count: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100 … 100, unrounded; null when nobody answered. */
  score: number | null;
}

export const PROMOTER_MIN = 9;
export const PASSIVE_MIN = 7;

export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export const npsCategoryOf = (value: number): NpsCategory =>
  value >= PROMOTER_MIN ? 'promoter' : value >= PASSIVE_MIN ? 'passive' : 'detractor';

/** Scores a list of 0–10 answers; values outside 0–10 are a programming error. */
export const scoreNps = (values: readonly number[]): NpsScore => {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const value of values) {
    if (!Number.isInteger(value) || value < 0 || value > 10) {
      throw new RangeError(`a net promoter answer is a whole number from 0 to 10, not ${value}`);
    }
    const category = npsCategoryOf(value);
    if (category === 'promoter') promoters++;
    else if (category === 'passive') passives++;
    else detractors++;
  }
  const count = values.length;
  return {
    count,
    promoters,
    passives,
    detractors,
    score: count === 0 ? null : ((promoters - detractors) / count) * 100,
  };
};

/** An NPS from category counts (merging groups adds their counts). */
export const npsFromCounts = (counts: Record<string, number>): NpsScore => {
  const values: number[] = [];
  for (const [value, count] of Object.entries(counts)) {
    for (let i = 0; i < count; i++) values.push(Number(value));
  }
  return scoreNps(values);
};
