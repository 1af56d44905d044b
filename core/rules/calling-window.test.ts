import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { checkCallingWindow, isValidZone, nextWindowOpening, zonesOpenNow } from './calling-window';

type Rules = Pick<Settings, 'callWindowStart' | 'callWindowEnd' | 'noCallWeekdays' | 'noCallDates'>;
const rules = (over: Partial<Rules> = {}): Rules => ({
  callWindowStart: DEFAULT_SETTINGS.callWindowStart,
  callWindowEnd: DEFAULT_SETTINGS.callWindowEnd,
  noCallWeekdays: [],
  noCallDates: [],
  ...over,
});
const at = (iso: string) => Date.parse(iso);
const SH = 'Asia/Shanghai';
const LA = 'America/Los_Angeles';
const NY = 'America/New_York';

describe('checkCallingWindow: boundaries in the customer zone', () => {
  // 2026-11-23 is a Monday.
  const cases: { name: string; now: string; zone: string; allowed: boolean; localTime?: string; nextOpenAt?: string }[] = [
    { name: 'Shanghai 08:59 is before the window', now: '2026-11-23T08:59:00+08:00', zone: SH, allowed: false, localTime: '2026-11-23 08:59', nextOpenAt: '2026-11-23T09:00:00+08:00' },
    { name: 'Shanghai 08:59:59.999 still closed', now: '2026-11-23T08:59:59.999+08:00', zone: SH, allowed: false, localTime: '2026-11-23 08:59', nextOpenAt: '2026-11-23T09:00:00+08:00' },
    { name: 'Shanghai 09:00 opens', now: '2026-11-23T09:00:00+08:00', zone: SH, allowed: true },
    { name: 'Shanghai 20:59 still open', now: '2026-11-23T20:59:00+08:00', zone: SH, allowed: true },
    { name: 'Shanghai 20:59:59.999 still open', now: '2026-11-23T20:59:59.999+08:00', zone: SH, allowed: true },
    { name: 'Shanghai 21:00 closed (end is exclusive)', now: '2026-11-23T21:00:00+08:00', zone: SH, allowed: false, localTime: '2026-11-23 21:00', nextOpenAt: '2026-11-24T09:00:00+08:00' },
    { name: 'Shanghai 23:59 closed, opens next morning', now: '2026-11-23T23:59:00+08:00', zone: SH, allowed: false, localTime: '2026-11-23 23:59', nextOpenAt: '2026-11-24T09:00:00+08:00' },
    { name: 'Shanghai midnight closed, opens same (new) day', now: '2026-11-24T00:00:00+08:00', zone: SH, allowed: false, localTime: '2026-11-24 00:00', nextOpenAt: '2026-11-24T09:00:00+08:00' },
    // Shanghai noon on the 23rd is 20:00 on the 22nd in Los Angeles (PST, UTC-8).
    { name: 'LA customer at Shanghai noon = LA 20:00 previous day', now: '2026-11-23T12:00:00+08:00', zone: LA, allowed: true },
    { name: 'LA customer at Shanghai 14:00 = LA 22:00', now: '2026-11-23T14:00:00+08:00', zone: LA, allowed: false, localTime: '2026-11-22 22:00', nextOpenAt: '2026-11-23T09:00:00-08:00' },
    { name: 'LA customer at Shanghai 13:00 = LA 21:00 exactly', now: '2026-11-23T13:00:00+08:00', zone: LA, allowed: false, localTime: '2026-11-22 21:00', nextOpenAt: '2026-11-23T09:00:00-08:00' },
    { name: 'LA customer at Shanghai 01:00 = LA 09:00', now: '2026-11-24T01:00:00+08:00', zone: LA, allowed: true },
    { name: 'Shanghai customer at Shanghai 10:00 while LA sleeps', now: '2026-11-23T10:00:00+08:00', zone: SH, allowed: true },
    { name: 'LA customer at Shanghai 10:00 = LA 18:00 previous day', now: '2026-11-23T10:00:00+08:00', zone: LA, allowed: true },
    // New York DST: starts 2026-03-08 02:00 local, ends 2026-11-01 02:00 local.
    { name: 'NY spring-forward day 08:59 EDT closed', now: '2026-03-08T08:59:00-04:00', zone: NY, allowed: false, localTime: '2026-03-08 08:59', nextOpenAt: '2026-03-08T09:00:00-04:00' },
    { name: 'NY spring-forward day 09:00 EDT open', now: '2026-03-08T09:00:00-04:00', zone: NY, allowed: true },
    { name: 'NY spring-forward day 20:59 EDT open', now: '2026-03-08T20:59:00-04:00', zone: NY, allowed: true },
    { name: 'NY spring-forward day 21:00 EDT closed', now: '2026-03-08T21:00:00-04:00', zone: NY, allowed: false, localTime: '2026-03-08 21:00', nextOpenAt: '2026-03-09T09:00:00-04:00' },
    { name: 'NY fall-back day 08:30 EST closed', now: '2026-11-01T08:30:00-05:00', zone: NY, allowed: false, localTime: '2026-11-01 08:30', nextOpenAt: '2026-11-01T09:00:00-05:00' },
    { name: 'NY fall-back day 09:00 EST open', now: '2026-11-01T09:00:00-05:00', zone: NY, allowed: true },
    { name: 'NY fall-back day 20:59 EST open', now: '2026-11-01T20:59:00-05:00', zone: NY, allowed: true },
    { name: 'NY the same instant as 09:00 EST, seen the day before the switch (EDT)', now: '2026-10-31T09:00:00-04:00', zone: NY, allowed: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const verdict = checkCallingWindow(at(c.now), c.zone, rules());
      if (c.allowed) {
        expect(verdict).toEqual({ allowed: true });
      } else {
        expect(verdict).toEqual({
          allowed: false,
          reason: 'outside_window',
          localTime: c.localTime,
          nextOpenAt: at(c.nextOpenAt!),
        });
      }
    });
  }
});

describe('checkCallingWindow: no-call weekdays and dates use the customer local date', () => {
  // 2026-11-23 10:00 Shanghai (Monday) is 2026-11-22 18:00 (Sunday) in Los Angeles.
  const now = at('2026-11-23T10:00:00+08:00');

  it('Sunday as a no-call weekday blocks the LA customer (local Sunday) but not the Shanghai one (local Monday)', () => {
    const r = rules({ noCallWeekdays: [7] });
    expect(checkCallingWindow(now, SH, r)).toEqual({ allowed: true });
    expect(checkCallingWindow(now, LA, r)).toEqual({
      allowed: false,
      reason: 'no_call_day',
      localTime: '2026-11-22 18:00',
      nextOpenAt: at('2026-11-23T09:00:00-08:00'),
    });
  });

  it('Monday as a no-call weekday blocks Shanghai, not LA', () => {
    const r = rules({ noCallWeekdays: [1] });
    expect(checkCallingWindow(now, LA, r)).toEqual({ allowed: true });
    expect(checkCallingWindow(now, SH, r)).toEqual({
      allowed: false,
      reason: 'no_call_day',
      localTime: '2026-11-23 10:00',
      nextOpenAt: at('2026-11-24T09:00:00+08:00'),
    });
  });

  it('a no-call date applies to the date the customer is living in', () => {
    const r = rules({ noCallDates: ['2026-11-22'] });
    expect(checkCallingWindow(now, SH, r)).toEqual({ allowed: true });
    expect(checkCallingWindow(now, LA, r)).toMatchObject({ allowed: false, reason: 'no_call_day', nextOpenAt: at('2026-11-23T09:00:00-08:00') });
    const r2 = rules({ noCallDates: ['2026-11-23'] });
    expect(checkCallingWindow(now, LA, r2)).toEqual({ allowed: true });
    expect(checkCallingWindow(now, SH, r2)).toMatchObject({ allowed: false, reason: 'no_call_day', nextOpenAt: at('2026-11-24T09:00:00+08:00') });
  });

  it('a no-call day outranks the hour: 03:00 on a no-call day says no_call_day and skips to the next open day', () => {
    const r = rules({ noCallDates: ['2026-11-23', '2026-11-24'] });
    expect(checkCallingWindow(at('2026-11-23T03:00:00+08:00'), SH, r)).toEqual({
      allowed: false,
      reason: 'no_call_day',
      localTime: '2026-11-23 03:00',
      nextOpenAt: at('2026-11-25T09:00:00+08:00'),
    });
  });

  it('outside the hours on the eve of a no-call day skips that day', () => {
    const r = rules({ noCallWeekdays: [6, 7] }); // 2026-11-27 is a Friday
    expect(checkCallingWindow(at('2026-11-27T21:30:00+08:00'), SH, r)).toEqual({
      allowed: false,
      reason: 'outside_window',
      localTime: '2026-11-27 21:30',
      nextOpenAt: at('2026-11-30T09:00:00+08:00'),
    });
  });
});

describe('nextWindowOpening', () => {
  it('is `from` itself when the window is open', () => {
    const from = at('2026-11-23T15:17:23.456+08:00');
    expect(nextWindowOpening(from, SH, rules())).toBe(from);
  });

  it('is the same day opening before the window', () => {
    expect(nextWindowOpening(at('2026-11-23T06:00:00+08:00'), SH, rules())).toBe(at('2026-11-23T09:00:00+08:00'));
  });

  it('is the next day at the exact closing instant', () => {
    expect(nextWindowOpening(at('2026-11-23T21:00:00+08:00'), SH, rules())).toBe(at('2026-11-24T09:00:00+08:00'));
  });

  it('one millisecond before closing is still `from`', () => {
    const from = at('2026-11-23T21:00:00+08:00') - 1;
    expect(nextWindowOpening(from, SH, rules())).toBe(from);
  });

  it('follows custom hours', () => {
    const r = rules({ callWindowStart: 10 * 60 + 30, callWindowEnd: 18 * 60 + 15 });
    expect(nextWindowOpening(at('2026-11-23T18:15:00+08:00'), SH, r)).toBe(at('2026-11-24T10:30:00+08:00'));
    expect(checkCallingWindow(at('2026-11-23T18:14:00+08:00'), SH, r)).toEqual({ allowed: true });
    expect(checkCallingWindow(at('2026-11-23T10:29:00+08:00'), SH, r)).toMatchObject({ allowed: false, reason: 'outside_window' });
  });

  it('a window ending at 24:00 stays open until local midnight', () => {
    const r = rules({ callWindowEnd: 24 * 60 });
    expect(checkCallingWindow(at('2026-11-23T23:59:59+08:00'), SH, r)).toEqual({ allowed: true });
    expect(nextWindowOpening(at('2026-11-24T00:00:00+08:00'), SH, r)).toBe(at('2026-11-24T09:00:00+08:00'));
  });

  it('is null when every weekday is a no-call day', () => {
    expect(nextWindowOpening(at('2026-11-23T10:00:00+08:00'), SH, rules({ noCallWeekdays: [1, 2, 3, 4, 5, 6, 7] }))).toBeNull();
    expect(checkCallingWindow(at('2026-11-23T10:00:00+08:00'), SH, rules({ noCallWeekdays: [1, 2, 3, 4, 5, 6, 7] }))).toMatchObject({
      allowed: false,
      reason: 'no_call_day',
      nextOpenAt: null,
    });
  });

  it('finds an opening up to two weeks ahead', () => {
    const dates = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29',
      '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05'];
    expect(nextWindowOpening(at('2026-11-23T10:00:00+08:00'), SH, rules({ noCallDates: dates }))).toBe(at('2026-12-06T09:00:00+08:00'));
  });

  it('searches today and the fourteen days after it, no further', () => {
    // From Monday 2026-11-23, blocked day after day: with 14 days blocked the 15th opens; with 15, nothing.
    const blocked = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 10, 23 + i)).toISOString().slice(0, 10));
    const from = at('2026-11-23T10:00:00+08:00');
    expect(nextWindowOpening(from, SH, rules({ noCallDates: blocked(14) }))).toBe(at('2026-12-07T09:00:00+08:00'));
    expect(nextWindowOpening(from, SH, rules({ noCallDates: blocked(15) }))).toBeNull();
    expect(checkCallingWindow(from, SH, rules({ noCallDates: blocked(15) }))).toMatchObject({ reason: 'no_call_day', nextOpenAt: null });
  });

  it('has no opening in a zone nobody can resolve', () => {
    expect(nextWindowOpening(at('2026-11-23T10:00:00+08:00'), 'Mars/Olympus', rules())).toBeNull();
    expect(nextWindowOpening(at('2026-11-23T03:00:00+08:00'), '', rules())).toBeNull();
  });

  // DST days: the window is local wall time, so it opens at 09:00 local even on the day the clocks change.
  it('NY spring-forward day: opens at 09:00 EDT, not 10:00', () => {
    expect(nextWindowOpening(at('2026-03-08T06:00:00-04:00'), NY, rules())).toBe(at('2026-03-08T09:00:00-04:00'));
  });

  it('NY fall-back day: opens at 09:00 EST, not 08:00 (an instant the window itself calls closed)', () => {
    const next = nextWindowOpening(at('2026-11-01T06:00:00-05:00'), NY, rules());
    expect(next).toBe(at('2026-11-01T09:00:00-05:00'));
    expect(checkCallingWindow(next!, NY, rules())).toEqual({ allowed: true });
  });

  it('NY the evening before fall-back: next opening is 09:00 EST on the switch day', () => {
    expect(nextWindowOpening(at('2026-10-31T22:00:00-04:00'), NY, rules())).toBe(at('2026-11-01T09:00:00-05:00'));
  });

  it('whatever instant it returns, the window is open then and closed the minute before (unless `from`)', () => {
    const zones = [SH, LA, NY, 'Europe/London', 'Australia/Sydney'];
    const starts = ['2026-03-07T12:00:00Z', '2026-03-28T20:00:00Z', '2026-10-03T12:00:00Z', '2026-10-31T12:00:00Z', '2026-11-23T02:00:00Z'];
    const bad: string[] = [];
    for (const zone of zones) {
      for (const s of starts) {
        for (let h = 0; h < 48; h += 1) {
          const from = at(s) + h * 3_600_000;
          const next = nextWindowOpening(from, zone, rules())!;
          const open = checkCallingWindow(next, zone, rules()).allowed;
          const closedBefore = next === from || !checkCallingWindow(next - 60_000, zone, rules()).allowed;
          if (!open || !closedBefore) bad.push(`${zone} from ${new Date(from).toISOString()} → ${new Date(next).toISOString()}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('zonesOpenNow and isValidZone', () => {
  it('lists exactly the zones whose window is open', () => {
    // Shanghai 14:00 = LA 22:00 (prev day) = London 06:00 = Tokyo 15:00
    expect(zonesOpenNow(at('2026-11-23T14:00:00+08:00'), [SH, LA, 'Europe/London', 'Asia/Tokyo'], rules())).toEqual([SH, 'Asia/Tokyo']);
    expect(zonesOpenNow(at('2026-11-23T12:00:00+08:00'), [SH, LA], rules())).toEqual([SH, LA]);
    expect(zonesOpenNow(at('2026-11-23T03:00:00+08:00'), [SH, 'Asia/Tokyo'], rules())).toEqual([]);
  });

  it('an unknown zone is never open (fails closed), whatever the hour', () => {
    // A customer row with a zone luxon cannot resolve must not become callable around the clock.
    for (const hour of [3, 10, 23]) {
      const now = at(`2026-11-23T${String(hour).padStart(2, '0')}:00:00+08:00`);
      expect(checkCallingWindow(now, 'Mars/Olympus', rules()).allowed).toBe(false);
      expect(checkCallingWindow(now, '', rules({ noCallWeekdays: [1, 2, 3, 4, 5, 6, 7] })).allowed).toBe(false);
    }
    expect(zonesOpenNow(at('2026-11-23T03:00:00+08:00'), ['Mars/Olympus'], rules())).toEqual([]);
    // There is no local time to show and no opening to promise.
    expect(checkCallingWindow(at('2026-11-23T10:00:00+08:00'), 'Mars/Olympus', rules())).toEqual({ allowed: false, reason: 'outside_window', localTime: '', nextOpenAt: null });
  });

  it('validates IANA zones', () => {
    expect(isValidZone('Asia/Shanghai')).toBe(true);
    expect(isValidZone('America/Los_Angeles')).toBe(true);
    expect(isValidZone('Mars/Olympus')).toBe(false);
  });
});
