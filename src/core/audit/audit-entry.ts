/**
 * The audit trail's closed list of actions. Every change a person or the schedule makes to the
 * program's data is recorded as one of these, by the one audit writer (services' AuditLog port),
 * in the same transaction as the change. A new kind of change adds its action here first, so the
 * list of what can appear in the trail is always this list.
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
  'application.waitlisted',
  'application.carried-over',
  'application.note-added',
  'applications.imported',
  'round.created',
  'round.updated',
  'round.transitioned',
  'round.quota-settled',
  'coordinator.created',
  'match.settings-updated',
  'match.run',
  'match.locked',
  'match.unlocked',
  'match.excluded',
  'match.exclusion-removed',
  'match.commented',
  'match.published',
  'partnership.member-left',
  'partnership.repaired',
  'survey.created',
  'survey.edited',
  'survey.scheduled',
  'survey.unscheduled',
  'survey.exported',
  'survey.report-published',
  'survey.report-unpublished',
  'topic.created',
  'topic.edited',
  'topic.rescheduled',
  'topic.deleted',
  'topic.sent',
  'mail.dead-letter-retried',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_SUBJECT_TYPES = [
  'application',
  'round',
  'person',
  'match-run',
  'partnership',
  'survey',
  'topic',
  'mail-message',
] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

/** One line of the trail: who (null for the system or an applicant) did what to which thing. */
export interface AuditEntry {
  actorPersonId: string | null;
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId: string;
  details: Record<string, unknown>;
}
