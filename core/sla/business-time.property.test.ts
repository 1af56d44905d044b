import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from './calendar';
import type { CalendarContent, Period } from './calendar';
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime } from './business-time';

const SPLIT: Period[] = [
  { start: 480, end: 720 },
  { start: 780, end: 1200 },
];
const NIGHT: Period[] = [{ start: 0, end: 210 }]; // 00:00–03:30 crosses both New York changes
const NEW_YORK: CalendarContent = {
  timezone: 'America/New_York',
  weekly: { '1': SPLIT, '2': SPLIT, '3': SPLIT, '4': SPLIT, '5': SPLIT, '6': [], '7': NIGHT },
  holidays: [{ date: '2026-07-03', name: 'Independence Day (observed)' }],
  workdays: [{ date: '2026-03-07', name: 'Saturday shift' }],
  makeupPeriods: SPLIT,
};

const instant = fc.integer({ min: Date.parse('2025-10-01T00:00:00Z'), max: Date.parse('2027-03-01T00:00:00Z') });
const minutes = fc.oneof(fc.integer({ min: 0, max: 6000 }), fc.double({ min: 0, max: 6000, noNaN: true }));

describe.each([
  ['Asia/Shanghai 2026', DEFAULT_CALENDAR],
  ['America/New_York with DST', NEW_YORK],
] as const)('business time properties: %s', (_name, cal) => {
  it('the target is never before the start', () => {
    fc.assert(fc.property(instant, minutes, (t, m) => addBusinessMinutes(cal, t, m) >= t));
  });

  it('round-trips: the business minutes between the start and the target are the minutes added', () => {
    fc.assert(
      fc.property(instant, minutes, (t, m) => {
        const due = addBusinessMinutes(cal, t, m);
        expect(Math.abs(businessMinutesBetween(cal, t, due) - m)).toBeLessThan(1e-6);
      }),
    );
  });

  it('is monotonic in the minutes', () => {
    fc.assert(fc.property(instant, minutes, minutes, (t, a, b) => addBusinessMinutes(cal, t, Math.min(a, b)) <= addBusinessMinutes(cal, t, Math.max(a, b))));
  });

  it('a positive target lands inside or at the end of working time', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 6000 }), (t, m) => {
        const due = addBusinessMinutes(cal, t, m);
        expect(isBusinessTime(cal, due - 1)).toBe(true);
      }),
    );
  });

  it('is additive over a split point', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
        const whole = businessMinutesBetween(cal, x, z);
        expect(Math.abs(whole - businessMinutesBetween(cal, x, y) - businessMinutesBetween(cal, y, z))).toBeLessThan(1e-6);
      }),
    );
  });
});
