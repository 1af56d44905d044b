import { DateTime } from 'luxon';
import type { Settings } from '../settings';

export type WindowVerdict =
  | { allowed: true }
  | { allowed: false; reason: 'outside_window' | 'no_call_day'; localTime: string; nextOpenAt: number | null };

type WindowRules = Pick<Settings, 'callWindowStart' | 'callWindowEnd' | 'noCallWeekdays' | 'noCallDates'>;

function isNoCallDay(local: DateTime, rules: WindowRules): boolean {
  // Stryker disable next-line StringLiteral: toISODate() is null only for an invalid DateTime, which both callers refuse first
  return rules.noCallWeekdays.includes(local.weekday) || rules.noCallDates.includes(local.toISODate() ?? '');
}

/**
 * Whether `now` falls inside the calling window in the customer's own zone. The window is local wall
 * time, so it moves with daylight saving and never crosses midnight (start < end is a settings rule).
 */
export function checkCallingWindow(now: number, timezone: string, rules: WindowRules): WindowVerdict {
  const local = DateTime.fromMillis(now, { zone: timezone });
  // A zone nobody can resolve must never read as "open": fail closed.
  if (!local.isValid) return { allowed: false, reason: 'outside_window', localTime: '', nextOpenAt: null };
  const minute = local.hour * 60 + local.minute;
  const localTime = local.toFormat('yyyy-MM-dd HH:mm');
  if (isNoCallDay(local, rules)) {
    return { allowed: false, reason: 'no_call_day', localTime, nextOpenAt: nextWindowOpening(now, timezone, rules) };
  }
  if (minute < rules.callWindowStart || minute >= rules.callWindowEnd) {
    return { allowed: false, reason: 'outside_window', localTime, nextOpenAt: nextWindowOpening(now, timezone, rules) };
  }
  return { allowed: true };
}

/** Local wall-clock time on `date`'s day; 24:00 is the next midnight. Wall time, not elapsed time, so DST days work. */
function atWallMinute(date: DateTime, minuteOfDay: number): DateTime {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: luxon's set({ hour: 24 }) lands on the same next midnight (DST days included); the branch only says so plainly
  if (minuteOfDay >= 24 * 60) return date.plus({ days: 1 }).startOf('day');
  return date.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60, second: 0, millisecond: 0 });
}

/** The next instant at or after `from` when the window is open, searching two weeks ahead. */
export function nextWindowOpening(from: number, timezone: string, rules: WindowRules): number | null {
  const start = DateTime.fromMillis(from, { zone: timezone });
  if (!start.isValid) return null;
  for (let day = 0; day < 15; day++) {
    const date = start.plus({ days: day }).startOf('day');
    if (isNoCallDay(date, rules)) continue;
    const open = atWallMinute(date, rules.callWindowStart);
    const close = atWallMinute(date, rules.callWindowEnd);
    if (close.toMillis() <= from) continue;
    return Math.max(open.toMillis(), from);
  }
  return null;
}

/** Zones (of those given) whose customers may be called at `now`: the queue's SQL pre-filter. */
export function zonesOpenNow(now: number, zones: readonly string[], rules: WindowRules): string[] {
  return zones.filter((zone) => checkCallingWindow(now, zone, rules).allowed);
}

export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}
