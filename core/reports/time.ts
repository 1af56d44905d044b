/*
 * Beijing calendar days and weeks for the supervisor reports. Asia/Shanghai has been UTC+8 all year
 * since 1991 (no daylight saving), so a day is plain integer arithmetic on epoch milliseconds: the same
 * expression runs in SQL (db/repos/reports.ts builds it from these constants) and here, and both agree
 * to the millisecond. Days are numbered from 1970-01-01 (Beijing); weeks start on Monday.
 */

export const BEIJING_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;
/** The longest range a report accepts (about three years): bounds every by-day series. */
export const MAX_RANGE_DAYS = 1100;

/** The Beijing day an instant falls on. */
export function dayNumber(ms: number): number {
  return Math.floor((ms + BEIJING_OFFSET_MS) / DAY_MS);
}

/** The instant a Beijing day starts (00:00 +08:00). */
export function dayStartMs(day: number): number {
  return day * DAY_MS - BEIJING_OFFSET_MS;
}

/** 'YYYY-MM-DD' of a day number. */
export function dayIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of a 'YYYY-MM-DD' date; null when it is not a real calendar date. */
export function isoDayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 2026-02-30 over into March: a date that does not round-trip is not a date.
  if (dayIso(ms / DAY_MS) !== iso) return null;
  return ms / DAY_MS;
}

/** Monday-based week of a day: day 0 (1970-01-01) was a Thursday, so Monday 1969-12-29 starts week 0. */
export function weekOfDay(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** The Monday that starts a week, as a day number. */
export function weekStartDay(week: number): number {
  return week * 7 - 3;
}

/** Every day touched by the half-open range [from, to), in order. */
export function daysInRange(from: number, to: number): number[] {
  if (to <= from) return [];
  const first = dayNumber(from);
  const last = dayNumber(to - 1);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Every week touched by [from, to), in order (the first and last may be partial). */
export function weeksInRange(from: number, to: number): number[] {
  if (to <= from) return [];
  const first = weekOfDay(dayNumber(from));
  const last = weekOfDay(dayNumber(to - 1));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export const RANGE_PRESETS = ['d7', 'd30', 'd90', 'month'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/**
 * A preset as whole Beijing days ending with today (today included): the last 7, 30 or 90 days, or
 * this calendar month so far. `to` is the start of tomorrow, so the range is half-open.
 */
export function presetRange(preset: RangePreset, now: number): { from: number; to: number } {
  const today = dayNumber(now);
  const to = dayStartMs(today + 1);
  switch (preset) {
    case 'd7':
      return { from: dayStartMs(today - 6), to };
    case 'd30':
      return { from: dayStartMs(today - 29), to };
    case 'd90':
      return { from: dayStartMs(today - 89), to };
    case 'month': {
      const firstOfMonth = isoDayNumber(`${dayIso(today).slice(0, 8)}01`)!;
      return { from: dayStartMs(firstOfMonth), to };
    }
  }
}

/** Whole Beijing days from 'YYYY-MM-DD' to 'YYYY-MM-DD' (both included); null when invalid or reversed. */
export function isoRange(fromIso: string, toIso: string): { from: number; to: number } | null {
  const a = isoDayNumber(fromIso);
  const b = isoDayNumber(toIso);
  if (a === null || b === null || b < a || b - a + 1 > MAX_RANGE_DAYS) return null;
  return { from: dayStartMs(a), to: dayStartMs(b + 1) };
}
