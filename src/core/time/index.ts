export {
  isLocalDate,
  isLocalTime,
  type LocalDate,
  LocalDateSchema,
  type LocalTime,
  LocalTimeSchema,
  parseLocalTimeMinutes,
} from './local-time';
export {
  type CallMode,
  describeProfileOverlap,
  describeWeeklyOverlap,
  type LocalSpan,
  type OverlapPeriod,
  type SharedWindow,
  type WeeklyOverlap,
} from './overlap-periods';
export {
  describeZoneOverSpan,
  listOffsetChanges,
  type OffsetChange,
  offsetMinutesAt,
  type RoundCalendar,
  type RoundSpan,
  roundSpanOf,
  type ZoneOverSpan,
} from './round-calendar';
export { describeTimeDifference, type TimeDifferencePeriod } from './time-difference';
export { formatUtcOffset, listTimeZoneChoices, type TimeZoneChoice } from './time-zone-choices';
export { CURRENT_TIME_ZONES, isValidTimeZone, normaliseTimeZone, TimeZoneSchema } from './time-zones';
export {
  type AvailabilityWindow,
  DAYS_OF_WEEK,
  type DayOfWeek,
  type Interval,
  listAvailabilityIntervals,
  overlapMinutesBetween,
  overlapMinutesPerWeek,
  type WeeklyAvailability,
} from './weekly-availability';
export {
  type AvailabilityProfile,
  type AvailabilityRegime,
  buildAvailabilityProfile,
  forEachOverlapPeriod,
  guaranteedWeeklyOverlapMinutes,
  overlapMinutesOfRegimes,
  WEEK_MINUTES,
} from './weekly-overlap';
