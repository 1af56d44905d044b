import type { TFunction } from 'i18next';
import {
  checkCalendar,
  WEEKDAYS,
  type CalendarContent,
  type CalendarDate,
  type CalendarProblem,
  type Weekday,
} from '../../../core/sla/calendar';

/*
 * The business calendar as edited. Periods are typed as HH:MM (24:00 allowed for "until midnight").
 * Every problem is keyed by the back end's own path ('weekly.1[0]', 'holidays[3].date', 'timezone'),
 * so a refusal from calendar.save lands on the same field as the check made here.
 */

export interface PeriodDraft {
  start: string;
  end: string;
}

export interface CalendarForm {
  timezone: string;
  weekly: Record<Weekday, PeriodDraft[]>;
  makeupPeriods: PeriodDraft[];
  holidays: CalendarDate[];
  workdays: CalendarDate[];
}

export type CalendarErrors = Partial<Record<string, string>>;

const two = (n: number) => String(n).padStart(2, '0');
export const hhmm = (m: number) => `${two(Math.floor(m / 60))}:${two(m % 60)}`;

/** "9:00", "09:00", "24:00" → minutes after midnight; null when not a time of day. */
export function parseHhmm(text: string): number | null {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

export function toCalendarForm(c: CalendarContent): CalendarForm {
  const periods = (list: readonly { start: number; end: number }[]) => list.map((p) => ({ start: hhmm(p.start), end: hhmm(p.end) }));
  const weekly = {} as Record<Weekday, PeriodDraft[]>;
  for (const wd of WEEKDAYS) weekly[wd] = periods(c.weekly[wd] ?? []);
  return {
    timezone: c.timezone,
    weekly,
    makeupPeriods: periods(c.makeupPeriods),
    holidays: c.holidays.map((d) => ({ ...d })),
    workdays: c.workdays.map((d) => ({ ...d })),
  };
}

/** The periods' own problems, in the user's language: unreadable times, end before start, overlaps. */
function periodErrors(list: readonly PeriodDraft[], base: string, t: TFunction<'sla'>, out: CalendarErrors): void {
  const sound: { start: number; end: number; i: number }[] = [];
  list.forEach((p, i) => {
    const path = `${base}[${i}]`;
    const start = parseHhmm(p.start);
    const end = parseHhmm(p.end);
    if (start === null || end === null) out[path] = t('calendar.v.time');
    else if (end <= start) out[path] = t('calendar.v.order', { start: p.start, end: p.end });
    else sound.push({ start, end, i });
  });
  sound.sort((a, b) => a.start - b.start || a.i - b.i);
  for (let k = 1; k < sound.length; k++) {
    const prev = sound[k - 1]!;
    const cur = sound[k]!;
    if (cur.start < prev.end) {
      const path = `${base}[${Math.max(prev.i, cur.i)}]`;
      out[path] ??= t('calendar.v.overlap', { a: `${hhmm(cur.start)}–${hhmm(cur.end)}`, b: `${hhmm(prev.start)}–${hhmm(prev.end)}` });
    }
  }
}

/** A core problem (dates, zone) in the user's language; the back end's English text as a fallback. */
export function problemText(p: Pick<CalendarProblem, 'code' | 'message'> & { path: string }, t: TFunction<'sla'>): string {
  return t(`calendar.problem.${p.code}`, { defaultValue: p.message });
}

export function fromCalendarForm(f: CalendarForm, t: TFunction<'sla'>): { content: CalendarContent; errors: null } | { content: null; errors: CalendarErrors } {
  const errors: CalendarErrors = {};
  for (const wd of WEEKDAYS) periodErrors(f.weekly[wd], `weekly.${wd}`, t, errors);
  periodErrors(f.makeupPeriods, 'makeupPeriods', t, errors);
  f.holidays.forEach((d, i) => {
    if (!d.name.trim()) errors[`holidays[${i}].name`] = t('calendar.v.name');
  });
  f.workdays.forEach((d, i) => {
    if (!d.name.trim()) errors[`workdays[${i}].name`] = t('calendar.v.name');
  });
  if (Object.keys(errors).length > 0) return { content: null, errors };
  // Kept in the order typed, so a problem the back end reports at weekly.1[2] is the third row here too.
  const minutes = (list: PeriodDraft[]) => list.map((p) => ({ start: parseHhmm(p.start)!, end: parseHhmm(p.end)! }));
  const weekly = {} as CalendarContent['weekly'];
  for (const wd of WEEKDAYS) weekly[wd] = minutes(f.weekly[wd]);
  const byDate = (a: CalendarDate, b: CalendarDate) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  const content: CalendarContent = {
    timezone: f.timezone.trim(),
    weekly,
    makeupPeriods: minutes(f.makeupPeriods),
    holidays: f.holidays.map((d) => ({ date: d.date, name: d.name.trim() })).sort(byDate),
    workdays: f.workdays.map((d) => ({ date: d.date, name: d.name.trim() })).sort(byDate),
  };
  // Dates and the zone: the core's own rules, which the back end runs again on save.
  for (const p of checkCalendar(content)) errors[pathInForm(p.path, f, content)] ??= problemText(p, t);
  return Object.keys(errors).length > 0 ? { content: null, errors } : { content, errors: null };
}

/**
 * Dates are sorted when the content is built, so a problem at `holidays[3]` of the content may be
 * another row of the form: find it by its date.
 */
function pathInForm(path: string, f: CalendarForm, c: CalendarContent): string {
  const m = /^(holidays|workdays)\[(\d+)\]\.date$/.exec(path);
  if (!m) return path;
  const list = m[1] as 'holidays' | 'workdays';
  const date = c[list][Number(m[2])]?.date;
  const rows = f[list].map((d, i) => ({ d, i })).filter((x) => x.d.date === date);
  // A duplicate is reported on its second occurrence.
  const row = rows.length > 1 ? rows[rows.length - 1]! : rows[0];
  return row ? `${list}[${row.i}].date` : path;
}

/** Years the calendar lists dates for, with this year and next so a new year can be started. */
export function calendarYears(f: CalendarForm, thisYear: number): number[] {
  const years = new Set<number>([thisYear, thisYear + 1]);
  for (const d of [...f.holidays, ...f.workdays]) {
    const y = Number(d.date.slice(0, 4));
    if (Number.isInteger(y) && y > 1900) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}
