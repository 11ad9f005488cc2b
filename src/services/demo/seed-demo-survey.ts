import { DateTime } from 'luxon';
import type { Viewer } from '../../core/people/viewer';
import { checkSurveyAnswers } from '../../core/surveys/survey-answers';
import type { UseCaseDeps } from '../ports/deps';
import { recordAnswers } from '../surveys/answer-survey';
import { sendSurveyEmails } from '../surveys/deliver-surveys';
import { addSurveyQuestion, createSurvey, scheduleSurvey } from '../surveys/manage-surveys';
import { createRandom } from './prng';

/**
 * The demo round's mid-round survey, built, scheduled and sent by the demo coordinator through
 * the coordinators' use cases: it went out a week ago (the invitations are queued like any
 * others), its one reminder is due in three days, and it closes in three weeks. About half the
 * participants have answered, through the same recorder the survey link uses, so the results page
 * and the dashboard's response rate show something real; the participants the home page offers
 * as sign-ins have not, so they can answer it themselves. Deterministic for a seed.
 */
const QUESTIONS = [
  {
    type: 'scale',
    promptEn: 'How useful has your partnership been so far?',
    required: 'on',
    scaleMin: '1',
    scaleMax: '5',
    minLabelEn: 'Not useful',
    maxLabelEn: 'Very useful',
  },
  { type: 'nps', promptEn: 'How likely are you to recommend the program to a colleague?' },
  {
    type: 'single',
    promptEn: 'How often are you in touch with your partner?',
    optionsEn: 'Every week\nEvery fortnight\nOnce a month\nLess often',
  },
  { type: 'text', promptEn: 'What has surprised you most so far?', maxLength: '500' },
];

const SURPRISES = [
  'How similar our daily problems are.',
  'How much we have in common despite the distance.',
  'That my partner’s library runs on half our budget.',
  'How easy it was to find a time to talk.',
  'The questions my partner asked about my own work.',
];

export const seedDemoSurvey = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer; roundId: string; seed: number; leaveAlone: ReadonlySet<string> },
): Promise<{ surveyId: string; invited: number; answered: number }> => {
  const round = await deps.store.rounds.getRound(input.roundId);
  const today = DateTime.fromJSDate(deps.clock.now(), { zone: round.programTimeZone });
  const day = (days: number) => today.plus({ days }).toISODate()!;
  const created = await createSurvey(deps, {
    viewer: input.viewer,
    roundId: round.id,
    form: {
      kind: 'mid-round',
      titleEn: 'Mid-round survey',
      sendOn: day(-7),
      sendTime: '09:00',
      remindOn: day(3),
      remindTime: '09:00',
      closesOn: day(21),
      closesTime: '23:59',
    },
  });
  for (const form of QUESTIONS) {
    await addSurveyQuestion(deps, { viewer: input.viewer, surveyId: created.id, form });
  }
  const survey = await scheduleSurvey(deps, { viewer: input.viewer, surveyId: created.id });
  const { sent } = await sendSurveyEmails(deps, { surveyId: survey.id, kind: 'invitation' });

  const [scale, nps, often, surprise] = survey.definition.questions;
  const options = often?.type === 'single' ? often.options.map((option) => option.id) : [];
  const random = createRandom(input.seed + 3);
  const invited = (
    await deps.store.surveys.listSurveyRecipients({
      surveyId: survey.id,
      roundId: round.id,
      kind: 'reminder',
      remindAt: survey.remindAt,
      limit: 1_000_000,
    })
  )
    .map((recipient) => recipient.applicationId)
    .sort();
  let answered = 0;
  for (const applicationId of invited) {
    if (input.leaveAlone.has(applicationId) || !random.chance(0.5)) continue;
    const body: Record<string, string> = {
      [`q_${scale!.id}`]: String(random.pickWeighted([2, 3, 4, 5], [1, 3, 5, 3])),
      [`q_${nps!.id}`]: String(random.pickWeighted([3, 6, 7, 8, 9, 10], [1, 1, 2, 3, 4, 3])),
      [`q_${often!.id}`]: random.pickWeighted(options, [3, 4, 2, 1]),
    };
    if (random.chance(0.3)) body[`q_${surprise!.id}`] = random.pick(SURPRISES);
    const checked = checkSurveyAnswers(survey.definition, body);
    if (!checked.ok) continue;
    if ((await recordAnswers(deps, survey, applicationId, checked.answers)).state === 'recorded') answered++;
  }
  return { surveyId: survey.id, invited: sent, answered };
};
