/**
 * The audit trail's closed list of actions. Every change a person or the schedule makes to the
 * program's data, and every export of personal data, is recorded as one of these, by the one audit
 * writer (services' AuditLog port), in the same transaction as the change. A new kind of change
 * adds its action here first, so the list of what can appear in the trail is always this list.
 *
 * Recording an action (the one way; docs/decisions/0019-audit-trail-and-sessions.md):
 * 1. add its name below, in its group, and its label under `actions` in
 *    i18n/locales/en/audit.json (a test checks every action has one);
 * 2. in the use case, inside the transaction of the change (`deps.uow.transaction`), call
 *    `store.audit.record({ actorPersonId: actorIdOf(viewer), action, subjectType, subjectId,
 *    details }, now)`. An export or another read worth recording gets a transaction of its own.
 * Who acted is the actor; *from where* is added by the unit of work from the request it runs in
 * (services/audit/audit-origin.ts: the web edge sets the signed-in person's client address, the
 * CLI and the schedule say so), so a use case never passes addresses or anything of the web.
 * Details hold ids and the values that changed, never a token or a whole application.
 */
export const AUDIT_ACTIONS = [
  'application.submitted',
  'application.resubmitted',
  'application.edited',
  'application.withdrawn',
  'application.link-resent',
  'application.carry-over-declined',
  'application.accept',
  'application.decline',
  'application.waitlist',
  'application.restore',
  'application.decision-undone',
  'application.waitlisted',
  'application.carried-over',
  'application.note-added',
  'applications.imported',
  'applications.exported',
  'round.created',
  'round.updated',
  'round.transitioned',
  'round.quota-settled',
  'coordinator.created',
  'person.time-zone-set',
  'coordinator.changed',
  'coordinator.removed',
  'person.signed-out-everywhere',
  'match.settings-updated',
  'match.run',
  'match.locked',
  'match.unlocked',
  'match.excluded',
  'match.exclusion-removed',
  'match.commented',
  'match.published',
  'match.graph-exported',
  'partnership.member-left',
  'partnership.repaired',
  'survey.created',
  'survey.edited',
  'survey.scheduled',
  'survey.unscheduled',
  'survey.exported',
  'survey.report-published',
  'survey.report-unpublished',
  'resource.added',
  'resource.updated',
  'resource.removed',
  'resource.moved',
  'audit.exported',
  'round.partnerships-ended',
  'partnership.silent-reminder-sent',
  'partnership.intervention-dismissed',
  'topic.created',
  'topic.edited',
  'topic.rescheduled',
  'topic.deleted',
  'topic.sent',
  'mail.dead-letter-retried',
  'person.data-exported',
  'person.data-erased',
  'application.erased',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_SUBJECT_TYPES = [
  'application',
  'round',
  'person',
  'match-run',
  'partnership',
  'survey',
  'resource',
  'audit-trail',
  'topic',
  'mail-message',
] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

/**
 * How an action reached the program: a web request, the `iln` command on the server, or the
 * schedule (the job runner). Unknown (null in the trail) only for writes made outside all three,
 * such as tests calling a use case directly.
 */
export const AUDIT_CHANNELS = ['web', 'command-line', 'schedule'] as const;
export type AuditChannel = (typeof AUDIT_CHANNELS)[number];

/** From where: the channel, and for a signed-in person's web request their client address. */
export interface AuditOrigin {
  channel: AuditChannel;
  /** The client's IP address as the web edge sees it (TRUST_PROXY); null when none applies. */
  clientAddress: string | null;
}

/** One line of the trail: who (null for the system or an applicant) did what to which thing. */
export interface AuditEntry {
  actorPersonId: string | null;
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId: string;
  details: Record<string, unknown>;
  /**
   * From where. Use cases leave it out: the unit of work fills it in from the request it runs in
   * (services/audit/audit-origin.ts).
   */
  origin?: AuditOrigin | undefined;
}

/** An entry as the trail holds it: when, and the actor's name and address as they are now. */
export interface AuditRecord extends Omit<AuditEntry, 'origin'> {
  id: string;
  /** ISO-8601 UTC instant. */
  at: string;
  channel: AuditChannel | null;
  clientAddress: string | null;
  actor: { name: string; email: string } | null;
}

export const isAuditAction = (value: unknown): value is AuditAction =>
  typeof value === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(value);

export const isAuditSubjectType = (value: unknown): value is AuditSubjectType =>
  typeof value === 'string' && (AUDIT_SUBJECT_TYPES as readonly string[]).includes(value);
