import { actorIdOf } from '../../core/people/viewer';
import type { UseCaseDeps } from '../ports/deps';
import { type ExportApplicationsInput, exportApplications } from './export-applications';

/**
 * The applications export, recorded in the audit trail: a CSV file of personal data leaving the
 * program is an action like any other (who, which round, with which filters, from where). Recorded
 * once the export is allowed (exportApplications has checked the viewer and the round), before the
 * file is written.
 */
export const exportApplicationsAudited = async (
  deps: UseCaseDeps,
  input: ExportApplicationsInput,
): Promise<Awaited<ReturnType<typeof exportApplications>>> => {
  const exported = await exportApplications(deps, input);
  const now = deps.clock.now();
  await deps.uow.transaction((store) =>
    store.audit.record(
      {
        // exportApplications refused anyone who is not a coordinator.
        actorPersonId: input.viewer ? actorIdOf(input.viewer) : null,
        action: 'applications.exported',
        subjectType: 'round',
        subjectId: exported.round.id,
        details: { filters: { ...input.filters }, sort: input.sort },
      },
      now,
    ),
  );
  return exported;
};
