/*
 * Pure date and time helpers for the pickers: parsing what a person types, calendar grids, month and
 * weekday names in the UI language (Intl, not the browser's own language). Dates are ISO calendar days
 * ('2026-12-07'), times are 24-hour 'HH:mm'; no time zone is involved in either.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/*
 * Which day is "today" for the calendars. The kit knows no clock and no display zone of its own: the app
 * sets both once at start (main.tsx, from the back end's clock in the display zone). Until then, the
 * machine's local day.
 */
let todayFn = (): string => {
  const d = new Date();
  return `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
/** Sets where the calendars read today's ISO day ('2026-12-07'). */
export function setCalendarToday(fn: () => string): void {
  todayFn = fn;
}
/** Today's ISO day, as the app sees it. */
export const todayIso = (): string => todayFn();

export interface Ymd {
  y: number;
  m: number; // 1–12
  d: number;
}

export const toIso = ({ y, m, d }: Ymd): string => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;

export function fromIso(iso: string): Ymd | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const ymd = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  return isReal(ymd) ? ymd : null;
}

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const isReal = ({ y, m, d }: Ymd) => y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);

const FULL_WIDTH = /[\uFF10-\uFF19]/g;
const halfWidth = (s: string) => s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));

export type DateParse = { ok: true; iso: string } | { ok: false; problem: 'format' | 'no_such_day' };

/**
 * What a person types as a date: 2026-12-07, 2026-12-7, 2026/12/07, 2026.12.07, 2026年12月7日, 20261207,
 * full-width digits too. '' is an empty value; anything else is a format problem, and 2026-02-30 a day
 * that does not exist.
 */
export function parseDate(text: string): DateParse {
  const s = halfWidth(text).trim();
  if (s === '') return { ok: true, iso: '' };
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return { ok: false, problem: 'format' };
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isReal(ymd) ? { ok: true, iso: toIso(ymd) } : { ok: false, problem: 'no_such_day' };
}

export type TimeParse = { ok: true; value: string } | { ok: false };

/** 24-hour times: 9:00, 09:00, 0900, 9点, 21：30 (full-width colon); 24:00 is the end of the day. */
export function parseTime(text: string): TimeParse {
  const s = halfWidth(text).trim().replace('：', ':');
  if (s === '') return { ok: true, value: '' };
  const m = /^(\d{1,2})(?::?(\d{2}))?\s*(?:点|時)?$/.exec(s);
  if (!m) return { ok: false };
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return { ok: false };
  return { ok: true, value: `${pad(h)}:${pad(min)}` };
}

/** A day moved by whole days (UTC arithmetic: calendar days only). */
export function addDays(iso: string, days: number): string {
  const { y, m, d } = fromIso(iso)!;
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return toIso({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

/** The same day of another month, kept inside that month (Jan 31 + 1 month = Feb 28). */
export function addMonths(iso: string, months: number): string {
  const { y, m, d } = fromIso(iso)!;
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return toIso({ y: ny, m: nm, d: Math.min(d, daysIn(ny, nm)) });
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export function weekday(iso: string): number {
  const { y, m, d } = fromIso(iso)!;
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** The six weeks (Monday first) that show a month: ISO days, the month's own and its neighbours'. */
export function monthGrid(year: number, month: number): string[][] {
  const first = toIso({ y: year, m: month, d: 1 });
  const start = addDays(first, 1 - weekday(first));
  return Array.from({ length: 6 }, (_, w) => Array.from({ length: 7 }, (_, i) => addDays(start, w * 7 + i)));
}

export const clampIso = (iso: string, min?: string, max?: string): string => (min && iso < min ? min : max && iso > max ? max : iso);

const intl = (locale: string) => (locale === 'en' ? 'en-US' : 'zh-CN');

/** "2026年12月" / "December 2026". */
export function monthTitle(year: number, month: number, locale: string): string {
  return new Intl.DateTimeFormat(intl(locale), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 15));
}

/** Monday-first short weekday names: 一 二 … 日 / Mo Tu … Su, and their long forms for screen readers. */
export function weekdayNames(locale: string): { short: string; long: string }[] {
  const monday = Date.UTC(2026, 0, 5); // a Monday
  const short = new Intl.DateTimeFormat(intl(locale), { weekday: locale === 'en' ? 'short' : 'narrow', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(intl(locale), { weekday: 'long', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => ({
    short: locale === 'en' ? short.format(monday + i * 86_400_000).slice(0, 2) : short.format(monday + i * 86_400_000),
    long: long.format(monday + i * 86_400_000),
  }));
}

/** A day read out in full: "2026年12月7日星期一" / "Monday, December 7, 2026". */
export function dayLabel(iso: string, locale: string): string {
  const { y, m, d } = fromIso(iso)!;
  return new Intl.DateTimeFormat(intl(locale), { dateStyle: 'full', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}
