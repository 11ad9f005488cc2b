import type { Viewer } from '../../core/people/viewer';
import { publishRun } from '../matching/publish-run';
import { runMatching } from '../matching/run-matching';
import type { UseCaseDeps } from '../ports/deps';

/**
 * The demo's round under way gets its partners the way a real round does: the demo coordinator
 * runs matching over its accepted pool and publishes the run, so partnerships, participants and
 * introductions are what the real path makes. Returns two participants in different partnerships,
 * for the home page to offer as sign-ins.
 */
export const introduceDemoPartners = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer; roundId: string; emailOf: ReadonlyMap<string, string> },
): Promise<{ partnerships: number; participants: number; participantEmails: string[] }> => {
  const run = await runMatching(deps, { viewer: input.viewer, roundId: input.roundId });
  const published = await publishRun(deps, { viewer: input.viewer, roundId: input.roundId, runId: run.id });
  const participantEmails = run.result.partnerships
    .slice(0, 2)
    .flatMap((partnership) => input.emailOf.get(partnership.applicationIds[0]!) ?? []);
  return { partnerships: published.partnerships, participants: published.participants, participantEmails };
};
