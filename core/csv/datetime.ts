import { IANAZone } from 'luxon';

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
// Module-level caches outlive one import; cap them so a hostile file cannot grow them forever.
const CACHE_LIMIT = 50_000;

const zoneNames = new Map<string, string | null>();
// Only names shaped like IANA ids: Intl would also take '+08:00', which is an offset, not a zone.
const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/**
 * The canonical spelling of an IANA zone ('asia/shanghai' → 'Asia/Shanghai'), or null.
 * Validity is cached per input string: an import repeats the same few zones 100k times and
 * luxon's check builds an Intl formatter each call.
 */
export function canonicalZone(raw: string): string | null {
  const hit = zoneNames.get(raw);
  if (hit !== undefined) return hit;
  let name: string | null = null;
  if (ZONE_SHAPE.test(raw) && IANAZone.isValidZone(raw)) {
    name = new Intl.DateTimeFormat('en-US', { timeZone: raw }).resolvedOptions().timeZone;
  }
  if (zoneNames.size >= CACHE_LIMIT) zoneNames.clear();
  zoneNames.set(raw, name);
  return name;
}

interface ZoneOffsets {
  zone: IANAZone;
  /** UTC hour index → offset in minutes, or NaN when a transition falls inside that hour. */
  hours: Map<number, number>;
}
const offsetCache = new Map<string, ZoneOffsets>();

function offsetAt(z: ZoneOffsets, ts: number): number {
  const h = Math.floor(ts / HOUR);
  let o = z.hours.get(h);
  if (o === undefined) {
    // luxon's offset() formats through Intl (~3 µs); per-hour caching is what makes 100k rows cheap.
    const first = z.zone.offset(h * HOUR);
    o = first === z.zone.offset(h * HOUR + HOUR - 1) ? first : NaN;
    if (z.hours.size >= CACHE_LIMIT) z.hours.clear();
    z.hours.set(h, o);
  }
  return Number.isNaN(o) ? z.zone.offset(ts) : o;
}

/**
 * Wall-clock time (given as if it were UTC) in `zone` → epoch ms. Deterministic, unlike luxon's
 * fromObject which seeds its guess with the current offset: a repeated hour (DST end) resolves
 * to the earlier instant, a skipped hour (DST start) moves forward by the gap — the same rule
 * as Temporal's 'compatible'.
 */
export function wallClockToUtc(zoneName: string, wallAsUtc: number): number {
  let z = offsetCache.get(zoneName);
  if (!z) {
    z = { zone: IANAZone.create(zoneName), hours: new Map() };
    offsetCache.set(zoneName, z);
  }
  const before = offsetAt(z, wallAsUtc - DAY);
  const after = offsetAt(z, wallAsUtc + DAY);
  const early = wallAsUtc - before * MINUTE;
  const late = wallAsUtc - after * MINUTE;
  const earlyFits = offsetAt(z, early) === before;
  const lateFits = offsetAt(z, late) === after;
  if (earlyFits && lateFits) return Math.min(early, late);
  if (earlyFits) return early;
  if (lateFits) return late;
  return early;
}

// 'YYYY-MM-DD HH:mm[:ss]', slashes too, single-digit month/day/hour as Excel writes them
// ('2026/11/3 9:00'), or ISO 8601 with 'T', optional fraction and optional offset.
const DUE_AT =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Parses a due time to UTC epoch ms. Without an offset the wall-clock time is read in `zone`
 * (the customer's zone, which is what a supervisor schedules in). Returns null when unparseable.
 */
export function parseDueAt(raw: string, zone: string): number | null {
  // Chinese IMEs produce full-width digits and '：'.
  const s = NON_ASCII.test(raw) ? raw.normalize('NFKC').trim() : raw;
  const m = DUE_AT.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[3]);
  const day = Number(m[4]);
  const hour = Number(m[5]);
  const minute = Number(m[6]);
  const second = m[7] === undefined ? 0 : Number(m[7]);
  const ms = m[8] === undefined ? 0 : Number(m[8].slice(0, 3).padEnd(3, '0'));
  // Below 1900 is a typo, and Date.UTC would read years 0–99 as 1900–1999.
  if (year < 1900 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);

  const offset = m[9];
  if (offset === undefined) return wallClockToUtc(zone, wall);
  if (offset === 'Z' || offset === 'z') return wall;
  const sign = offset.startsWith('-') ? -1 : 1;
  const oh = Number(offset.slice(1, 3));
  const om = offset.length > 3 ? Number(offset.slice(-2)) : 0;
  if (oh > 23 || om > 59) return null;
  return wall - sign * (oh * 60 + om) * MINUTE;
}
