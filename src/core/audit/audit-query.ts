import { DateTime } from 'luxon';
import type { FieldProblem } from '../errors';
import { type AuditAction, type AuditSubjectType, isAuditAction, isAuditSubjectType } from './audit-entry';

/**
 * The audit trail's filters as a person writes them in the page's form (or its URL), checked and
 * turned into what the trail is read with. Dates are whole days in UTC, the trail's own time, so
 * that the same link shows the same entries to coordinators in any zone.
 */
export interface AuditQueryInput {
  /** A person's id, `none` (no person: applicants, the schedule, the CLI) or empty for anyone. */
  actor?: string | undefined;
  action?: string | undefined;
  subjectType?: string | undefined;
  subject?: string | undefined;
  /** `YYYY-MM-DD`, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** Where the page continues (`after` from the previous page). */
  after?: string | undefined;
}

export interface AuditQuery {
  actorPersonId?: string | null;
  action?: AuditAction;
  subjectType?: AuditSubjectType;
  subjectId?: string;
  /** Inclusive, ISO-8601 UTC instant. */
  from?: string;
  /** Exclusive, ISO-8601 UTC instant (the day after `to`). */
  until?: string;
  after?: { at: string; id: string };
}

export const NO_PERSON = 'none';
const MAX_TEXT = 200;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The `after` of a page ending at this entry. */
export const auditCursorOf = (entry: { at: string; id: string }): string => `${entry.at}_${entry.id}`;

const parseCursor = (value: string): { at: string; id: string } | undefined => {
  const index = value.indexOf('_');
  const at = value.slice(0, index);
  const id = value.slice(index + 1);
  return index > 0 && INSTANT.test(at) && id.length > 0 && id.length <= MAX_TEXT ? { at, id } : undefined;
};

const parseDay = (value: string): DateTime | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const day = DateTime.fromISO(value, { zone: 'utc' });
  return day.isValid ? day : undefined;
};

/** The query, or the problems with it (field names are the form's). */
export const parseAuditQuery = (input: AuditQueryInput): { query: AuditQuery; problems: FieldProblem[] } => {
  const query: AuditQuery = {};
  const problems: FieldProblem[] = [];
  const text = (value: string | undefined) => value?.trim() ?? '';
  const actor = text(input.actor);
  if (actor === NO_PERSON) query.actorPersonId = null;
  else if (actor.length > MAX_TEXT) problems.push({ field: 'actor', code: 'audit.actor' });
  else if (actor) query.actorPersonId = actor;
  const action = text(input.action);
  if (isAuditAction(action)) query.action = action;
  else if (action)
    problems.push({ field: 'action', code: 'audit.action', params: { value: action.slice(0, 60) } });
  const subjectType = text(input.subjectType);
  if (isAuditSubjectType(subjectType)) query.subjectType = subjectType;
  else if (subjectType) problems.push({ field: 'subjectType', code: 'audit.subjectType' });
  const subject = text(input.subject);
  if (subject.length > MAX_TEXT)
    problems.push({ field: 'subject', code: 'audit.subject', params: { max: MAX_TEXT } });
  else if (subject) query.subjectId = subject;
  const from = text(input.from);
  const to = text(input.to);
  const fromDay = from ? parseDay(from) : undefined;
  const toDay = to ? parseDay(to) : undefined;
  if (from && !fromDay)
    problems.push({ field: 'from', code: 'audit.date', params: { value: from.slice(0, 20) } });
  if (to && !toDay) problems.push({ field: 'to', code: 'audit.date', params: { value: to.slice(0, 20) } });
  if (fromDay && toDay && toDay < fromDay) problems.push({ field: 'to', code: 'audit.dateOrder' });
  if (fromDay) query.from = fromDay.toUTC().toISO({ suppressMilliseconds: false })!;
  if (toDay) query.until = toDay.plus({ days: 1 }).toUTC().toISO({ suppressMilliseconds: false })!;
  const after = text(input.after);
  if (after) {
    const cursor = parseCursor(after);
    if (cursor) query.after = cursor;
    else problems.push({ field: 'after', code: 'audit.after' });
  }
  return { query, problems };
};
