import { IANAZone } from 'luxon';
import type { Prng } from './prng';

/**
 * Placing demo times at plausible hours of the customer's own day. Agents schedule callbacks and dial
 * by the customer's clock, so a 03:00 due time for a Shanghai customer would give the demo away.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Zone offsets memoised per zone and UTC hour. Asking Intl for an offset (what luxon does underneath)
 * was half the generator's time at 100k customers, and an offset only changes on an hour boundary in
 * every zone the demo uses. Pure memo, so it cannot make two runs differ.
 */
const offsets = new Map<string, number>();

function offsetMs(zone: string, at: number): number {
  const key = `${zone}|${Math.floor(at / HOUR)}`;
  let off = offsets.get(key);
  if (off === undefined) {
    if (offsets.size > 200_000) offsets.clear();
    off = IANAZone.create(zone).offset(at) * MINUTE;
    offsets.set(key, off);
  }
  return off;
}

/**
 * The instant showing local wall-clock `wall` (ms since the local epoch). `hint` is an instant near it;
 * one correction covers a DST change between the two. The demo only asks for 00:00 and 09:00–21:00,
 * never a time inside a spring-forward gap.
 */
function fromWall(wall: number, zone: string, hint: number): number {
  const guess = wall - offsetMs(zone, hint);
  return wall - offsetMs(zone, guess);
}

/** The instant at `minuteOfDay` local time on the customer-local calendar day that contains `at`. */
export function atLocalMinute(at: number, zone: string, minuteOfDay: number): number {
  const local = at + offsetMs(zone, at);
  const dayStart = local - (((local % DAY) + DAY) % DAY);
  return fromWall(dayStart + minuteOfDay * MINUTE, zone, at);
}

/** Whole local days, so the wall-clock time survives a DST change in between. */
export function plusLocalDays(at: number, zone: string, days: number): number {
  return fromWall(at + offsetMs(zone, at) + days * DAY, zone, at + days * DAY);
}

export interface LocalSlot {
  /** Earliest and latest acceptable instant, epoch ms, inclusive. */
  from: number;
  to: number;
  zone: string;
  /** Local minutes of day, inclusive, and the grid the minute sits on (15 = quarter hours). */
  firstMinute: number;
  lastMinute: number;
  step: number;
}

/**
 * A random instant in [from, to] whose local time falls on the grid inside the daily window, or null
 * when the range is too narrow to hold one (the caller then drops or simplifies what it was placing).
 */
export function randomLocalSlot(rng: Prng, slot: LocalSlot): number | null {
  const { from, to, zone, firstMinute, lastMinute, step } = slot;
  if (to < from) return null;
  const slots = Math.floor((lastMinute - firstMinute) / step) + 1;
  for (let tries = 0; tries < 4; tries++) {
    const minute = firstMinute + step * rng.int(0, slots - 1);
    let t = atLocalMinute(rng.range(from, to), zone, minute);
    // The draw's local day may start before `from` or end after `to`; the neighbouring day may not.
    if (t < from) t = plusLocalDays(t, zone, 1);
    else if (t > to) t = plusLocalDays(t, zone, -1);
    if (t >= from && t <= to) return t;
  }
  return null;
}
