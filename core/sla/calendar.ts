import { IANAZone } from 'luxon';
import { z } from 'zod';
import { CHINA_2026_HOLIDAYS, CHINA_2026_WORKDAYS } from './china-2026';
import type { CalendarDate } from './china-2026';

/*
 * A business calendar as supervisors edit it: weekly wall-clock working periods in one zone, public
 * holidays that are not worked, and make-up working days (调休) that are. The schema checks the shape;
 * checkCalendar checks the rules, so an edited draft can be stored with its problems listed beside it.
 */

export type { CalendarDate } from './china-2026';

/** Minutes after local midnight, 0..1440, start < end. Wall time: a period moves with daylight saving. */
export interface Period {
  start: number;
  end: number;
}

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
/** ISO weekday, 1 = Monday … 7 = Sunday. */
export type Weekday = (typeof WEEKDAYS)[number];

export interface CalendarContent {
  /** IANA zone the periods and dates are read in. */
  timezone: string;
  weekly: Record<Weekday, Period[]>;
  /** Local dates that are not worked, whatever their weekday. */
  holidays: CalendarDate[];
  /** Local dates that are worked (调休), whatever their weekday; they use `makeupPeriods`. */
  workdays: CalendarDate[];
  makeupPeriods: Period[];
}

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';
export const MINUTES_PER_DAY = 1440;

const periodSchema = z.object({ start: z.number().int(), end: z.number().int() });
const datedSchema = z.object({ date: z.string(), name: z.string().trim().min(1).max(80) });
const periodsSchema = z.array(periodSchema).max(48).default([]);

export const calendarContentSchema = z
  .object({
    timezone: z.string().trim().min(1).default(DEFAULT_TIMEZONE),
    weekly: z.object({ '1': periodsSchema, '2': periodsSchema, '3': periodsSchema, '4': periodsSchema, '5': periodsSchema, '6': periodsSchema, '7': periodsSchema }),
    holidays: z.array(datedSchema).default([]),
    workdays: z.array(datedSchema).default([]),
    makeupPeriods: z.array(periodSchema).max(48).optional(),
  })
  // A make-up day is "a normal working day" unless said otherwise: Monday's hours.
  .transform((c): CalendarContent => ({ ...c, makeupPeriods: c.makeupPeriods ?? c.weekly['1'] }));

export const CALENDAR_PROBLEM_CODES = ['period_order', 'period_overlap', 'period_range', 'date_format', 'date_both', 'duplicate_date', 'unknown_zone'] as const;
export type CalendarProblemCode = (typeof CALENDAR_PROBLEM_CODES)[number];

export interface CalendarProblem {
  code: CalendarProblemCode;
  /** 'weekly.1[0]', 'holidays[3].date', 'timezone'. */
  path: string;
  message: string;
}

const WORK_DAY: Period[] = [
  { start: 9 * 60, end: 12 * 60 },
  { start: 13 * 60, end: 18 * 60 },
];

export const DEFAULT_CALENDAR: CalendarContent = {
  timezone: DEFAULT_TIMEZONE,
  weekly: { '1': WORK_DAY, '2': WORK_DAY, '3': WORK_DAY, '4': WORK_DAY, '5': WORK_DAY, '6': [], '7': [] },
  holidays: [...CHINA_2026_HOLIDAYS],
  workdays: [...CHINA_2026_WORKDAYS],
  makeupPeriods: WORK_DAY,
};

// ---------------------------------------------------------------------------------------------------
// Local dates as day numbers (days since 1970-01-01 on the proleptic Gregorian calendar), so a holiday
// lookup is a Set.has on an integer rather than a string built per day.

/** Howard Hinnant's days_from_civil. */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of dayNumber. */
export function civilDate(n: number): { year: number; month: number; day: number } {
  const z0 = n + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday (1 = Monday) of a day number; 1970-01-01 was a Thursday. */
export function isoWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a 'YYYY-MM-DD' that names a real date, else null ('2026-02-30' is null). */
export function parseLocalDate(text: string): number | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const n = dayNumber(year, month, day);
  const back = civilDate(n);
  return back.year === year && back.month === month && back.day === day ? n : null;
}

export function formatLocalDate(n: number): string {
  const { year, month, day } = civilDate(n);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isValidTimezone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

// ---------------------------------------------------------------------------------------------------

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function periodProblems(periods: readonly Period[], base: string): CalendarProblem[] {
  const out: CalendarProblem[] = [];
  const sound: { p: Period; i: number }[] = [];
  periods.forEach((p, i) => {
    const path = `${base}[${i}]`;
    const inRange = (v: number) => Number.isInteger(v) && v >= 0 && v <= MINUTES_PER_DAY;
    if (!inRange(p.start) || !inRange(p.end)) {
      out.push({ code: 'period_range', path, message: `${path}: start and end must be whole minutes from 0 (00:00) to 1440 (24:00).` });
    } else if (p.end <= p.start) {
      out.push({ code: 'period_order', path, message: `${path}: ends at ${hhmm(p.end)}, not after it starts at ${hhmm(p.start)}.` });
    } else sound.push({ p, i });
  });
  sound.sort((a, b) => a.p.start - b.p.start || a.i - b.i);
  for (let k = 1; k < sound.length; k++) {
    const prev = sound[k - 1]!;
    const cur = sound[k]!;
    if (cur.p.start < prev.p.end) {
      const path = `${base}[${Math.max(prev.i, cur.i)}]`;
      out.push({
        code: 'period_overlap',
        path,
        message: `${path}: ${hhmm(cur.p.start)}–${hhmm(cur.p.end)} overlaps ${hhmm(prev.p.start)}–${hhmm(prev.p.end)} on the same day.`,
      });
    }
  }
  return out;
}

function dateProblems(list: readonly CalendarDate[], base: string, seen: Map<number, string>, other: Map<number, string> | null): CalendarProblem[] {
  const out: CalendarProblem[] = [];
  list.forEach((d, i) => {
    const path = `${base}[${i}].date`;
    const n = parseLocalDate(d.date);
    if (n === null) {
      out.push({ code: 'date_format', path, message: `${path}: "${d.date}" is not a date written YYYY-MM-DD.` });
      return;
    }
    const dup = seen.get(n);
    if (dup !== undefined) out.push({ code: 'duplicate_date', path, message: `${path}: ${d.date} is listed twice (also ${dup}).` });
    else seen.set(n, path);
    const both = other?.get(n);
    if (both !== undefined) out.push({ code: 'date_both', path, message: `${path}: ${d.date} is both a holiday (${both}) and a make-up working day.` });
  });
  return out;
}

/** Every rule the content breaks; an empty list means it can be compiled and used for SLA clocks. */
export function checkCalendar(content: CalendarContent): CalendarProblem[] {
  const out: CalendarProblem[] = [];
  if (!isValidTimezone(content.timezone)) {
    out.push({ code: 'unknown_zone', path: 'timezone', message: `timezone: "${content.timezone}" is not a time zone this system knows (expected e.g. Asia/Shanghai).` });
  }
  for (const wd of WEEKDAYS) out.push(...periodProblems(content.weekly[wd] ?? [], `weekly.${wd}`));
  out.push(...periodProblems(content.makeupPeriods, 'makeupPeriods'));
  const holidays = new Map<number, string>();
  out.push(...dateProblems(content.holidays, 'holidays', holidays, null));
  out.push(...dateProblems(content.workdays, 'workdays', new Map(), holidays));
  return out;
}
