import { MAX_FIT_POINTS } from '../scoring/match-settings';

/**
 * The pure part of the coordinators' dashboard: the database counts applications per UTC hour
 * and partnerships per band of fit points (cheap, portable GROUP BYs on both databases); these
 * functions fold those counts into the weeks of the application window and the bands shown.
 *
 * Weeks are counted from the instant the window opened (week 1 is its first seven days), so no
 * time zone is involved; an hour is placed by its start, which matters only when a window opens
 * off the hour (its first applications may then land in week 1 a few minutes early or late).
 */
export const WEEK_MS = 7 * 24 * 3_600_000;

export interface HourCount {
  /** The hour's start, UTC. */
  hourAt: Date;
  count: number;
}

export interface ApplicationWeek {
  /** 1-based, from the window's opening. */
  week: number;
  startsAt: Date;
  count: number;
  /** Applications up to the end of this week. */
  cumulative: number;
}

/**
 * Every week from the window's opening to the later of its close and the last application seen
 * (imports may come late), with empty weeks kept so the chart's gaps are real; nothing before
 * the opening is lost (it counts in week 1).
 */
export const foldApplicationWeeks = (
  hours: readonly HourCount[],
  window: { opensAt: Date; closesAt: Date },
): ApplicationWeek[] => {
  const opensAt = window.opensAt.getTime();
  const weekOf = (at: number) => Math.max(0, Math.floor((at - opensAt) / WEEK_MS));
  const lastAt = Math.max(window.closesAt.getTime() - 1, ...hours.map((h) => h.hourAt.getTime()));
  const counts = new Array<number>(weekOf(lastAt) + 1).fill(0);
  for (const hour of hours) counts[weekOf(hour.hourAt.getTime())]! += hour.count;
  let cumulative = 0;
  return counts.map((count, index) => {
    cumulative += count;
    return { week: index + 1, startsAt: new Date(opensAt + index * WEEK_MS), count, cumulative };
  });
};

/** Fit points per band of the distribution (ten bands over 0..MAX_FIT_POINTS). */
export const FIT_BAND_POINTS = 1_000;
export const FIT_BAND_COUNT = MAX_FIT_POINTS / FIT_BAND_POINTS;

export interface FitBand {
  /** Inclusive lower and upper fit of the band; the last band includes MAX_FIT_POINTS. */
  from: number;
  to: number;
  count: number;
}

/** Every band, empty ones included; band index `b` holds fits from b·1000 (a perfect fit joins the last). */
export const foldFitBands = (counts: readonly { band: number; count: number }[]): FitBand[] => {
  const bands: FitBand[] = Array.from({ length: FIT_BAND_COUNT }, (_, index) => ({
    from: index * FIT_BAND_POINTS,
    to: index === FIT_BAND_COUNT - 1 ? MAX_FIT_POINTS : (index + 1) * FIT_BAND_POINTS - 1,
    count: 0,
  }));
  for (const row of counts) {
    const index = Math.min(Math.max(Math.trunc(row.band), 0), FIT_BAND_COUNT - 1);
    bands[index]!.count += row.count;
  }
  return bands;
};

/** A share in percent, or null when there is nobody to share among. */
export const percentOf = (part: number, whole: number): number | null =>
  whole > 0 ? (Math.min(part, whole) / whole) * 100 : null;
