import { DateTime } from 'luxon';
import type { Settings } from '../settings';

export type WindowVerdict =
  | { allowed: true }
  | { allowed: false; reason: 'outside_window' | 'no_call_day'; localTime: string; nextOpenAt: number | null };

type WindowRules = Pick<Settings, 'callWindowStart' | 'callWindowEnd' | 'noCallWeekdays' | 'noCallDates'>;

function isNoCallDay(local: DateTime, rules: WindowRules): boolean {
  return rules.noCallWeekdays.includes(local.weekday) || rules.noCallDates.includes(local.toISODate() ?? '');
}

/**
 * Whether `now` falls inside the calling window in the customer's own zone. The window is local wall
 * time, so it moves with daylight saving and never crosses midnight (start < end is a settings rule).
 */
export function checkCallingWindow(now: number, timezone: string, rules: WindowRules): WindowVerdict {
  const local = DateTime.fromMillis(now, { zone: timezone });
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

/** The next instant at or after `from` when the window is open, searching two weeks ahead. */
export function nextWindowOpening(from: number, timezone: string, rules: WindowRules): number | null {
  const start = DateTime.fromMillis(from, { zone: timezone });
  for (let day = 0; day < 15; day++) {
    const date = start.plus({ days: day }).startOf('day');
    if (isNoCallDay(date, rules)) continue;
    const open = date.plus({ minutes: rules.callWindowStart });
    const close = date.plus({ minutes: rules.callWindowEnd });
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
