import type { Viewer } from '../../core/people/viewer';
import { publishRun } from '../matching/publish-run';
import { runMatching } from '../matching/run-matching';
import type { UseCaseDeps } from '../ports/deps';
import { seedDemoCheckIns } from './seed-demo-check-ins';
import { seedDemoSurvey } from './seed-demo-survey';
import { seedDemoTopics } from './seed-demo-topics';

/**
 * The demo's round under way gets its partners the way a real round does: the demo coordinator
 * runs matching over its accepted pool and publishes the run, so partnerships, participants and
 * introductions are what the real path makes; then some check-ins and one silent partnership
 * (seed-demo-check-ins.ts), the topic calendar with this fortnight's topic due now
 * (seed-demo-topics.ts) and a mid-round survey half answered (seed-demo-survey.ts). Returns two participants in different partnerships, for the home page
 * to offer as sign-ins.
 */
export interface DemoPartners {
  partnerships: number;
  participants: number;
  participantEmails: string[];
  checkIns: number;
  topics: number;
  /** The topic due now (the current fortnight's). */
  dueTopicId: string | undefined;
  survey: { surveyId: string; invited: number; answered: number };
}

export const introduceDemoPartners = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer; roundId: string; emailOf: ReadonlyMap<string, string>; seed: number },
): Promise<DemoPartners> => {
  const run = await runMatching(deps, { viewer: input.viewer, roundId: input.roundId });
  const published = await publishRun(deps, { viewer: input.viewer, roundId: input.roundId, runId: run.id });
  const offered = run.result.partnerships.slice(0, 2);
  const participantEmails = offered.flatMap(
    (partnership) => input.emailOf.get(partnership.applicationIds[0]!) ?? [],
  );
  const leaveAlone = new Set(offered.flatMap((partnership) => partnership.applicationIds));
  const { checkIns } = await seedDemoCheckIns(deps, { roundId: input.roundId, leaveAlone });
  const topics = await seedDemoTopics(deps, { viewer: input.viewer, roundId: input.roundId });
  const survey = await seedDemoSurvey(deps, {
    viewer: input.viewer,
    roundId: input.roundId,
    seed: input.seed,
    leaveAlone,
  });
  return {
    partnerships: published.partnerships,
    participants: published.participants,
    participantEmails,
    checkIns,
    topics: topics.topics,
    dueTopicId: topics.dueTopicId,
    survey,
  };
};
