export {
  isLocalDate,
  isLocalTime,
  type LocalDate,
  LocalDateSchema,
  type LocalTime,
  LocalTimeSchema,
  parseLocalTimeMinutes,
} from './local-time';
export { isValidTimeZone, normaliseTimeZone, TimeZoneSchema } from './time-zones';
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
