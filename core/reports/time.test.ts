import { describe, expect, it } from 'vitest';
import {
  dayIso,
  dayNumber,
  dayStartMs,
  daysInRange,
  isoDayNumber,
  isoRange,
  MAX_RANGE_DAYS,
  presetRange,
  weekOfDay,
  weeksInRange,
  weekStartDay,
} from './time';

const at = (iso: string) => Date.parse(iso);

describe('Beijing days', () => {
  it('a day runs from 00:00 to 24:00 Beijing time, which is 16:00 UTC the day before', () => {
    const d = dayNumber(at('2026-11-23T00:00:00+08:00'));
    expect(dayIso(d)).toBe('2026-11-23');
    expect(dayNumber(at('2026-11-22T23:59:59.999+08:00'))).toBe(d - 1);
    expect(dayNumber(at('2026-11-23T23:59:59.999+08:00'))).toBe(d);
    expect(dayStartMs(d)).toBe(at('2026-11-22T16:00:00Z'));
  });

  it('agrees with the zone database for every day of a year (no daylight saving since 1991)', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let ms = at('2026-01-01T05:00:00Z'); ms < at('2027-01-01T00:00:00Z'); ms += 86_400_000) {
      expect(dayIso(dayNumber(ms))).toBe(fmt.format(ms));
    }
  });

  it('reads YYYY-MM-DD and refuses dates that do not exist', () => {
    expect(isoDayNumber('2026-11-23')).toBe(dayNumber(at('2026-11-23T12:00:00+08:00')));
    expect(isoDayNumber('2026-02-30')).toBeNull();
    expect(isoDayNumber('2026-2-3')).toBeNull();
    expect(isoDayNumber('')).toBeNull();
  });

  it('lists every day a half-open range touches', () => {
    const days = daysInRange(at('2026-11-20T00:00:00+08:00'), at('2026-11-23T00:00:00+08:00'));
    expect(days.map(dayIso)).toEqual(['2026-11-20', '2026-11-21', '2026-11-22']);
    expect(daysInRange(at('2026-11-20T23:00:00+08:00'), at('2026-11-21T01:00:00+08:00')).map(dayIso)).toEqual(['2026-11-20', '2026-11-21']);
    expect(daysInRange(5, 5)).toEqual([]);
  });
});

describe('weeks', () => {
  it('start on Monday', () => {
    const monday = isoDayNumber('2026-11-23')!;
    for (let i = 0; i < 7; i++) expect(weekOfDay(monday + i)).toBe(weekOfDay(monday));
    expect(weekOfDay(monday - 1)).toBe(weekOfDay(monday) - 1);
    expect(dayIso(weekStartDay(weekOfDay(isoDayNumber('2026-11-29')!)))).toBe('2026-11-23');
    expect(dayIso(weekStartDay(weekOfDay(isoDayNumber('1970-01-01')!)))).toBe('1969-12-29');
  });

  it('a range lists its partial first and last weeks', () => {
    const weeks = weeksInRange(at('2026-11-19T00:00:00+08:00'), at('2026-12-01T00:00:00+08:00'));
    expect(weeks.map((w) => dayIso(weekStartDay(w)))).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
  });
});

describe('presets', () => {
  const now = at('2026-11-23T10:00:00+08:00');

  it('end with today and count today in', () => {
    const d7 = presetRange('d7', now);
    expect(d7.to).toBe(at('2026-11-24T00:00:00+08:00'));
    expect(d7.from).toBe(at('2026-11-17T00:00:00+08:00'));
    expect(daysInRange(d7.from, d7.to)).toHaveLength(7);
    expect(daysInRange(presetRange('d30', now).from, presetRange('d30', now).to)).toHaveLength(30);
    expect(daysInRange(presetRange('d90', now).from, presetRange('d90', now).to)).toHaveLength(90);
  });

  it('this month starts on the 1st, in Beijing even when UTC is still in the last month', () => {
    expect(presetRange('month', now).from).toBe(at('2026-11-01T00:00:00+08:00'));
    const earlyOnTheFirst = at('2026-12-01T02:00:00+08:00'); // 30 November in UTC
    expect(presetRange('month', earlyOnTheFirst)).toEqual({ from: at('2026-12-01T00:00:00+08:00'), to: at('2026-12-02T00:00:00+08:00') });
  });
});

describe('isoRange', () => {
  it('includes both dates and refuses reversed, invalid or too long ranges', () => {
    expect(isoRange('2026-11-01', '2026-11-30')).toEqual({ from: at('2026-11-01T00:00:00+08:00'), to: at('2026-12-01T00:00:00+08:00') });
    expect(isoRange('2026-11-30', '2026-11-01')).toBeNull();
    expect(isoRange('2026-11-31', '2026-12-01')).toBeNull();
    const first = isoDayNumber('2020-01-01')!;
    expect(isoRange('2020-01-01', dayIso(first + MAX_RANGE_DAYS - 1))).not.toBeNull();
    expect(isoRange('2020-01-01', dayIso(first + MAX_RANGE_DAYS))).toBeNull();
  });
});
