import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings';
import { CAP_LOOKBACK_MS, capBlockedUntil } from './contact-cap';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T = Date.parse('2026-11-23T10:00:00+08:00');
const defaults = { capPer24h: DEFAULT_SETTINGS.capPer24h, capPer7d: DEFAULT_SETTINGS.capPer7d };

describe('capBlockedUntil with the defaults (2 per 24 h, 4 per 7 d)', () => {
  const cases: { name: string; attempts: number[]; now: number; expected: number | null }[] = [
    { name: 'no attempts', attempts: [], now: T, expected: null },
    { name: 'one attempt just now', attempts: [T], now: T, expected: null },
    { name: 'two attempts within 24 h: blocked until the first is 24 h old', attempts: [T, T + HOUR], now: T + 2 * HOUR, expected: T + DAY },
    { name: 'order of the input does not matter', attempts: [T + HOUR, T], now: T + 2 * HOUR, expected: T + DAY },
    { name: 'one millisecond before the first is 24 h old: still blocked', attempts: [T, T + HOUR], now: T + DAY - 1, expected: T + DAY },
    { name: 'exactly 24 h after the first: free again', attempts: [T, T + HOUR], now: T + DAY, expected: null },
    { name: 'two attempts at the same instant', attempts: [T, T], now: T, expected: T + DAY },
    { name: 'attempts 24 h apart never block the 24 h cap', attempts: [T, T + DAY], now: T + DAY, expected: null },
    { name: 'attempts after `now` are ignored', attempts: [T, T + HOUR], now: T + HOUR - 1, expected: null },
    { name: 'attempts older than 7 days are ignored', attempts: [T - 8 * DAY, T - 7 * DAY, T - 7 * DAY - 1, T], now: T, expected: null },
    {
      name: 'four attempts in 7 days: blocked until the oldest is 7 days old',
      attempts: [T, T + 2 * DAY, T + 4 * DAY, T + 6 * DAY],
      now: T + 6 * DAY + HOUR,
      expected: T + 7 * DAY,
    },
    { name: 'exactly 7 days after the oldest of four: free', attempts: [T, T + 2 * DAY, T + 4 * DAY, T + 6 * DAY], now: T + 7 * DAY, expected: null },
    {
      name: 'both caps bite and free at the same instant',
      attempts: [T, T + 2 * DAY, T + 6 * DAY, T + 6 * DAY + HOUR],
      now: T + 6 * DAY + 2 * HOUR,
      // 7 d frees when T is 7 d old; 24 h frees when T + 6 d is 24 h old: both T + 7 d.
      expected: T + 7 * DAY,
    },
    {
      name: 'both caps bite: 24 h frees later than 7 d',
      attempts: [T, T + 3 * DAY, T + 6 * DAY + 2 * HOUR, T + 6 * DAY + 3 * HOUR],
      now: T + 6 * DAY + 4 * HOUR,
      expected: T + 7 * DAY + 2 * HOUR,
    },
    {
      name: 'both caps bite: 7 d frees later than 24 h',
      attempts: [T, T + 2 * HOUR, T + 5 * DAY, T + 5 * DAY + HOUR],
      now: T + 5 * DAY + 2 * HOUR,
      // 24 h: oldest of the two recent (T+5d) + 24 h = T + 6 d; 7 d: oldest (T) + 7 d = T + 7 d.
      expected: T + 7 * DAY,
    },
    {
      name: 'five attempts in 7 days (over the cap after a settings change): two must age out',
      attempts: [T, T + DAY, T + 2 * DAY, T + 3 * DAY, T + 4 * DAY],
      now: T + 4 * DAY + HOUR,
      expected: T + DAY + 7 * DAY,
    },
    {
      name: 'three in 24 h (over the cap): the second oldest must age out',
      attempts: [T, T + HOUR, T + 2 * HOUR],
      now: T + 3 * HOUR,
      expected: T + HOUR + DAY,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(capBlockedUntil(c.attempts, c.now, defaults)).toBe(c.expected);
    });
  }
});

describe('capBlockedUntil with other limits', () => {
  it('1 per 24 h blocks after one attempt', () => {
    expect(capBlockedUntil([T], T + MIN, { capPer24h: 1, capPer7d: 4 })).toBe(T + DAY);
  });
  it('3 per 24 h allows two attempts', () => {
    expect(capBlockedUntil([T, T + HOUR], T + 2 * HOUR, { capPer24h: 3, capPer7d: 10 })).toBeNull();
    expect(capBlockedUntil([T, T + HOUR, T + 2 * HOUR], T + 2 * HOUR, { capPer24h: 3, capPer7d: 10 })).toBe(T + DAY);
  });
  it('7-day cap equal to the 24 h cap', () => {
    expect(capBlockedUntil([T, T + HOUR], T + 2 * DAY, { capPer24h: 2, capPer7d: 2 })).toBe(T + 7 * DAY);
  });
  it('does not mutate its input', () => {
    const input = [T + HOUR, T];
    capBlockedUntil(input, T + 2 * HOUR, defaults);
    expect(input).toEqual([T + HOUR, T]);
  });
  it('looks back exactly 7 days', () => {
    expect(CAP_LOOKBACK_MS).toBe(7 * DAY);
  });
});

describe('capBlockedUntil properties', () => {
  const arbCase = fc.record({
    offsets: fc.array(fc.integer({ min: 0, max: 10 * DAY }), { maxLength: 12 }),
    nowOffset: fc.integer({ min: 0, max: 10 * DAY }),
    capPer24h: fc.integer({ min: 1, max: 4 }),
    extra7d: fc.integer({ min: 0, max: 6 }),
  });

  // Reference: counts attempts in (now - window, now].
  const count = (times: number[], now: number, windowMs: number) => times.filter((t) => t > now - windowMs && t <= now).length;

  it('null exactly when one more attempt is within both limits; otherwise the first instant at which it is', () => {
    fc.assert(
      fc.property(arbCase, ({ offsets, nowOffset, capPer24h, extra7d }) => {
        const rules = { capPer24h, capPer7d: capPer24h + extra7d };
        const times = offsets.map((o) => T + o);
        const now = T + nowOffset;
        const allowedAt = (t: number) =>
          count(times, t, DAY) < rules.capPer24h && count(times, t, 7 * DAY) < rules.capPer7d;
        const until = capBlockedUntil(times, now, rules);
        if (until === null) {
          expect(allowedAt(now)).toBe(true);
          return;
        }
        expect(allowedAt(now)).toBe(false);
        expect(until).toBeGreaterThan(now);
        // Only attempts up to `now` are known: at `until` they leave room, one millisecond before they do not.
        const known = times.filter((t) => t <= now);
        const allowedKnown = (t: number) =>
          count(known, t, DAY) < rules.capPer24h && count(known, t, 7 * DAY) < rules.capPer7d;
        expect(allowedKnown(until)).toBe(true);
        expect(allowedKnown(until - 1)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
