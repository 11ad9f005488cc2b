import { expect, test } from 'vitest';
import { planTopicMessages, topicDedupeKey } from './topic-messages';

const topic = {
  id: 't1',
  roundId: 'r1',
  roundName: 'March 2027',
  publishOn: '2027-03-01',
  title: 'Getting to know you',
  body: 'Say hello.',
  translations: { fr: { title: 'Faire connaissance', body: 'Dites bonjour.' } },
};

test('one message per recipient, in their language where there is a translation, keyed for exactly once', () => {
  const recipients = [
    { applicationId: 'a1', email: 'ana@example.org', name: 'Ana', locale: 'fr-CA' },
    { applicationId: 'a2', email: 'ben@example.org', name: 'Ben', locale: 'es' },
  ];
  const planned = planTopicMessages(topic, 1, recipients);
  expect(planned.map((item) => item.applicationId)).toEqual(['a1', 'a2']);
  expect(planned[0]?.message).toEqual({
    kind: 'topic',
    to: 'ana@example.org',
    locale: 'fr-CA',
    dedupeKey: 'topic:t1:a1',
    payload: {
      name: 'Ana',
      roundId: 'r1',
      roundName: 'March 2027',
      topicId: 't1',
      number: 1,
      publishOn: '2027-03-01',
      title: 'Faire connaissance',
      body: 'Dites bonjour.',
      textLocale: 'fr',
      applicationId: 'a1',
    },
  });
  expect(planned[1]?.message).toMatchObject({
    dedupeKey: 'topic:t1:a2',
    payload: { title: 'Getting to know you', textLocale: 'en' },
  });
  expect(topicDedupeKey('t1', 'a2')).toBe('topic:t1:a2');
  expect(planTopicMessages(topic, 1, [])).toEqual([]);
});
