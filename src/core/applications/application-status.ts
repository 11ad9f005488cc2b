/**
 * Where an application stands in its round.
 *
 *   pending ──accept──▶ accepted        (a participant of the round)
 *      │ ▲   ──decline─▶ declined       (with a reason the coordinator gives)
 *      ▼ │
 *   waitlisted                           (beyond the country quota, or moved there by a coordinator;
 *                                         carried into the next round unless the person declined)
 *   any but declined ──withdraw──▶ withdrawn (by the applicant, through their private link)
 */
export const APPLICATION_STATUSES = ['pending', 'waitlisted', 'accepted', 'declined', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const isApplicationStatus = (value: unknown): value is ApplicationStatus =>
  typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);

/** Statuses that hold a place in the round (count towards the country quota's accepted side). */
export const PLACE_HOLDING_STATUSES: readonly ApplicationStatus[] = ['pending', 'accepted'];
