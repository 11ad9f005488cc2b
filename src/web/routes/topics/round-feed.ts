import type { TFunction } from 'i18next';
import ical, { type ICalEventData } from 'ical-generator';
import type { RoundFeed } from '../../../services/topics/public-topics';

/**
 * A round's iCalendar feed (RFC 5545, written by ical-generator): its application window, its
 * first and last days, and each scheduled topic at its moment. Public and without personal data: a
 * topic not yet published says only that a topic comes. UIDs are stable, so a calendar that
 * subscribes updates events in place when a topic is rescheduled.
 */
export const buildRoundFeed = (
  feed: RoundFeed,
  options: { t: TFunction; baseUrl: string; now: Date },
): string => {
  const { round } = feed;
  const { t } = options;
  const base = options.baseUrl.replace(/\/+$/, '');
  const host = new URL(base).host || 'iln';
  const uid = (what: string) => `${what}.${round.id}@${host}`;
  const calendar = ical({
    name: t('topics:feed.name', { round: round.name, program: t('common:program.name') }),
    prodId: { company: 'ILN', product: 'rounds', language: 'EN' },
    url: `${base}/rounds/${encodeURIComponent(round.id)}`,
    ttl: 60 * 60,
  });
  const event = (data: ICalEventData) => calendar.createEvent({ stamp: options.now, ...data });
  const at = (instant: Date) => ({ start: instant, end: instant });
  const day = (date: string) => ({ start: new Date(`${date}T00:00:00.000Z`), allDay: true });
  event({
    id: uid('applications-open'),
    ...at(round.applicationsOpenAt),
    summary: t('topics:feed.applicationsOpen', { round: round.name }),
  });
  event({
    id: uid('applications-close'),
    ...at(round.applicationsCloseAt),
    summary: t('topics:feed.applicationsClose', { round: round.name }),
  });
  event({
    id: uid('starts'),
    ...day(round.startsOn),
    summary: t('topics:feed.starts', { round: round.name }),
  });
  event({ id: uid('ends'), ...day(round.endsOn), summary: t('topics:feed.ends', { round: round.name }) });
  for (const topic of feed.topics) {
    event({
      id: `topic.${topic.id}@${host}`,
      ...at(topic.dueAt),
      summary: topic.title
        ? t('topics:feed.topic', { number: topic.number, title: topic.title })
        : t('topics:feed.topicToCome', { number: topic.number }),
      ...(topic.title ? { url: `${base}/topics/${encodeURIComponent(topic.id)}` } : {}),
    });
  }
  return calendar.toString();
};
