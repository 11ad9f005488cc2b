import { formatTimeZone, type TimeStyle, useTimes } from './format';
import { useShell } from './shell-context';

/**
 * Instants on coordinators' pages (views/format.ts useTimes): in the reader's zone or the page's,
 * the zone always named, and the page saying once which zone that is and where to change it.
 */
export const Instant = ({
  at,
  pageTimeZone,
  style,
}: {
  at: Date | string;
  /** The page's own zone (a round's program zone, or UTC), used when the reader chose none. */
  pageTimeZone: string;
  style?: TimeStyle;
}) => {
  const times = useTimes(pageTimeZone);
  return <time datetime={new Date(at).toISOString()}>{times.format(at, style)}</time>;
};

export const PROFILE_PATH = '/coordinator/profile';

/** "Times are in Australia/Sydney, the round's time zone. Show times in your own time zone." */
export const TimeZoneNote = ({
  pageTimeZone,
  pageZone = 'round',
}: {
  pageTimeZone: string;
  /** What the page's own zone is: a round's, each round's own (a list of rounds), or UTC for pages about no round. */
  pageZone?: 'round' | 'rounds' | 'utc';
}) => {
  const { t } = useShell();
  const times = useTimes(pageTimeZone);
  const zone = formatTimeZone(times.timeZone);
  return (
    <p class="time-zone-note">
      {times.isOwnZone
        ? t('coordinator:times.ownZone', { zone })
        : pageZone === 'utc'
          ? t('coordinator:times.utc')
          : pageZone === 'rounds'
            ? t('coordinator:times.roundsZones')
            : t('coordinator:times.roundZone', { zone })}{' '}
      <a href={PROFILE_PATH}>
        {times.isOwnZone ? t('coordinator:times.change') : t('coordinator:times.choose')}
      </a>
    </p>
  );
};
