/** Business calendars, business-time arithmetic and SLA policies. */
export {
  CALENDAR_PROBLEM_CODES,
  calendarContentSchema,
  checkCalendar,
  civilDate,
  DEFAULT_CALENDAR,
  DEFAULT_TIMEZONE,
  dayNumber,
  formatLocalDate,
  isoWeekday,
  isValidTimezone,
  MINUTES_PER_DAY,
  parseLocalDate,
  WEEKDAYS,
} from './calendar';
export type { CalendarContent, CalendarDate, CalendarProblem, CalendarProblemCode, Period, Weekday } from './calendar';
export { CHINA_2026_HOLIDAYS, CHINA_2026_WORKDAYS } from './china-2026';
export {
  addBusinessMinutes,
  addBusinessMs,
  businessMinutesBetween,
  businessMsBetween,
  compileCalendar,
  CompiledCalendar,
  InvalidCalendarError,
  isBusinessTime,
  NoBusinessTimeError,
} from './business-time';
export type { AnyCalendar } from './business-time';
export { mergeHolidayYear, parseHolidayYear } from './year-import';
export type { ParsedHolidayYear, YearImportError } from './year-import';
export { DEFAULT_POLICIES, matchPolicy, MAX_TARGET_MINUTES, slaPolicyListSchema, slaPolicySchema, slaWarningSchema, TICKET_PRIORITIES } from './policy';
export type { SlaPolicy, SlaWarning, TicketPriority } from './policy';
