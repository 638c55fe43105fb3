/**
 * Wall-clock values as a team thinks of them. All are interpreted in an IANA zone that the
 * owning object names (a schedule's `timeZone`, a service's support hours `timeZone`).
 */

/** `HH:MM` on a 24 h clock, e.g. `09:00`, or `HH:MM:SS` when the seconds are not zero. `24:00` is not allowed. */
export type TimeOfDay = string

/** Local date-time without offset, `YYYY-MM-DDTHH:MM`, or `YYYY-MM-DDTHH:MM:SS` when the seconds are not zero. */
export type LocalDateTime = string

/** ISO weekday: 1 = Monday ... 7 = Sunday (PagerDuty's `start_day_of_week` uses the same numbering). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type WeekdayName = (typeof WEEKDAY_NAMES)[number]
