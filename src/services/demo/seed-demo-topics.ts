import { DateTime } from 'luxon';
import { countFortnights, fortnightAt, fortnightFirstDay } from '../../core/checkins/fortnights';
import type { Viewer } from '../../core/people/viewer';
import { DEFAULT_TOPIC_TIME } from '../../core/topics';
import type { UseCaseDeps } from '../ports/deps';
import { createTopic } from '../topics/create-topic';

/**
 * The topic calendar of the demo's round under way, written by the demo coordinator through the
 * use case coordinators use: one topic per fortnight, a welcome first and a "what next?" last.
 * The fortnights before the current one are history: their topics are recorded as published at
 * their moments (the demo did not exist then, so nobody is emailed them). The current fortnight's
 * topic is due a minute before the seed, so the worker sends it to every participant within its
 * first pass after start-up (and `iln run-due` sends it at once); later ones wait for their days.
 */
const TOPICS: readonly { title: string; body: string }[] = [
  {
    title: 'Welcome: getting to know each other',
    body: 'Say hello to your partner. Where do you work, what does a normal week look like, and what made you join this round?',
  },
  {
    title: 'The spaces we work in',
    body: 'Describe the building or service you work in. What would you change about it if you could, and what works well?',
  },
  {
    title: 'A book, a record, an object',
    body: 'Share one item from your collection that you love to show visitors, and why it matters to the people you serve.',
  },
  {
    title: 'How you get to work',
    body: 'Walk, bus, boat or a kitchen table? Tell each other about the journey and what you do with the time.',
  },
  {
    title: 'Asking for what you need',
    body: 'Budgets, staff, time: how do you make the case for your service? Swap one thing that worked and one that did not.',
  },
  {
    title: 'Reaching people who do not come in',
    body: 'Who in your community does not use your service yet? Compare how each of you tries to reach them.',
  },
  {
    title: 'Learning on the job',
    body: 'What have you learned recently, formally or not? Recommend each other one course, text or habit.',
  },
  {
    title: 'Something from your partner',
    body: 'Pick one idea from your partner’s work that you could try in yours, and tell them how you would adapt it.',
  },
  {
    title: 'What next?',
    body: 'The round is ending. Decide together whether you will stay in touch, and note what you will take from these months.',
  },
];

export const seedDemoTopics = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer; roundId: string },
): Promise<{ topics: number; dueTopicId: string | undefined }> => {
  const now = deps.clock.now();
  const round = await deps.store.rounds.getRound(input.roundId);
  const fortnights = countFortnights(round);
  const current = fortnightAt(round, now);
  // The moment of the topic due now: a whole minute before the seed (a topic's time is in minutes).
  const dueNow = DateTime.fromJSDate(now, { zone: round.programTimeZone }).minus({ minutes: 1 });
  let dueTopicId: string | undefined;
  for (let fortnight = 1; fortnight <= fortnights; fortnight++) {
    // A welcome first and "what next?" last, whatever the round's length.
    const text =
      fortnight === fortnights ? TOPICS.at(-1)! : TOPICS[Math.min(fortnight - 1, TOPICS.length - 2)]!;
    const isNow = fortnight === current;
    const topic = await createTopic(deps, {
      viewer: input.viewer,
      roundId: round.id,
      form: {
        title: text.title,
        body: text.body,
        publishOn: isNow ? dueNow.toISODate() : fortnightFirstDay(round, fortnight),
        publishTime: isNow ? dueNow.toFormat('HH:mm') : DEFAULT_TOPIC_TIME,
        status: 'scheduled',
      },
    });
    if (isNow) dueTopicId = topic.id;
    else if (current !== undefined && fortnight < current) {
      await deps.uow.transaction((store) => store.topics.markTopicPublished(topic.id, topic.dueAt));
    }
  }
  return { topics: fortnights, dueTopicId };
};
