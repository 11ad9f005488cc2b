import type { TFunction } from 'i18next';
import { neutraliseFormula } from '../../../core/applications/csv-columns';
import type { AuditRecord } from '../../../core/audit/audit-entry';

export const AUDIT_CSV_COLUMNS = [
  'at',
  'actorName',
  'actorEmail',
  'action',
  'subjectType',
  'subjectId',
  'channel',
  'clientAddress',
  'details',
] as const;

/**
 * The audit trail as CSV rows: a header in the viewer's language, then one row an entry, newest
 * first. Action and subject type are written as their codes (stable, and what the page's filters
 * take), details as JSON. Every cell goes through neutraliseFormula: details hold what people
 * typed (names, reasons), and a cell such as `=HYPERLINK(…)` must not run in a spreadsheet.
 */
export const auditCsvRows = (t: TFunction, entries: readonly AuditRecord[]): string[][] => [
  AUDIT_CSV_COLUMNS.map((column) => neutraliseFormula(t(`audit:csv.${column}`))),
  ...entries.map((entry) =>
    [
      entry.at,
      entry.actor?.name ?? '',
      entry.actor?.email ?? '',
      entry.action,
      entry.subjectType,
      entry.subjectId,
      entry.channel ?? '',
      entry.clientAddress ?? '',
      JSON.stringify(entry.details),
    ].map(neutraliseFormula),
  ),
];
