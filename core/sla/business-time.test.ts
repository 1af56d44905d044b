import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from './calendar';
import type { CalendarContent, Period } from './calendar';
import {
  addBusinessMinutes,
  addBusinessMs,
  businessMinutesBetween,
  compileCalendar,
  InvalidCalendarError,
  isBusinessTime,
  NoBusinessTimeError,
} from './business-time';

/** 'YYYY-MM-DD HH:mm' in Shanghai. */
const sh = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00+08:00`);
const fmt = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const cal = DEFAULT_CALENDAR;

describe('addBusinessMinutes on the 2026 China calendar', () => {
  // [what, from, minutes, expected]; 2026-03-02 is a Monday.
  const cases: [string, string, number, string][] = [
    ['inside a period', '2026-03-02 09:30', 60, '2026-03-02 10:30'],
    ['across the lunch break', '2026-03-02 11:30', 60, '2026-03-02 13:30'],
    ['starting in the lunch break', '2026-03-02 12:30', 10, '2026-03-02 13:10'],
    ['starting before opening', '2026-03-02 07:00', 30, '2026-03-02 09:30'],
    ['starting after closing', '2026-03-02 18:30', 30, '2026-03-03 09:30'],
    ['ending exactly at closing lands on closing', '2026-03-02 09:00', 480, '2026-03-02 18:00'],
    ['ending exactly at the lunch break', '2026-03-02 09:00', 180, '2026-03-02 12:00'],
    ['over a weekend', '2026-03-06 17:30', 60, '2026-03-09 09:30'],
    ['starting on a Sunday', '2026-03-08 15:00', 45, '2026-03-09 09:45'],
    ['multi-day: three business days', '2026-03-02 09:00', 1440, '2026-03-04 18:00'],
    ['multi-day: five business days from midday', '2026-03-02 14:00', 2400, '2026-03-09 14:00'],
    ['National Day holiday (Oct 1–7)', '2026-09-30 17:00', 120, '2026-10-08 10:00'],
    ['make-up Saturday 2026-10-10 is worked', '2026-10-09 17:00', 120, '2026-10-10 10:00'],
    ['make-up Sunday 2026-09-20 is worked', '2026-09-19 10:00', 30, '2026-09-20 09:30'],
    ['make-up Saturday 2026-02-14 is worked', '2026-02-13 17:30', 60, '2026-02-14 09:30'],
    ['Spring Festival spanning (Feb 15–23 off)', '2026-02-14 17:00', 120, '2026-02-24 10:00'],
    ['into the Spring Festival from a weekday', '2026-02-13 09:00', 1000, '2026-02-24 09:40'],
    ['New Year holiday then make-up Sunday Jan 4', '2026-01-02 10:00', 30, '2026-01-04 09:30'],
    ['Labour Day (May 1–5 off)', '2026-04-30 17:00', 120, '2026-05-06 10:00'],
    ['make-up Saturday 2026-05-09', '2026-05-08 17:00', 120, '2026-05-09 10:00'],
    ['Mid-Autumn Friday Sep 25 off', '2026-09-24 17:30', 60, '2026-09-28 09:30'],
    ['zero minutes is the start itself, even at night', '2026-03-02 20:00', 0, '2026-03-02 20:00'],
  ];
  it.each(cases)('%s', (_what, from, minutes, expected) => {
    expect(fmt(addBusinessMinutes(cal, sh(from), minutes))).toBe(expected);
  });

  it('keeps seconds and fractions of a minute', () => {
    expect(addBusinessMinutes(cal, sh('2026-03-02 11:59'), 1.5)).toBe(sh('2026-03-02 13:00') + 30_000);
    expect(addBusinessMs(cal, sh('2026-03-02 10:00') + 123, 7)).toBe(sh('2026-03-02 10:00') + 130);
  });

  it('refuses negative and non-finite amounts', () => {
    expect(() => addBusinessMinutes(cal, sh('2026-03-02 10:00'), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(cal, Number.NaN, 1)).toThrow(RangeError);
  });
});

describe('businessMinutesBetween', () => {
  const cases: [string, string, string, number][] = [
    ['a whole working day, from before opening to after closing', '2026-03-02 08:00', '2026-03-02 19:00', 480],
    ['the lunch break does not count', '2026-03-02 11:00', '2026-03-02 14:00', 120],
    ['a weekend does not count', '2026-03-06 17:00', '2026-03-09 10:00', 120],
    ['National Day week counts only the days around it', '2026-09-30 09:00', '2026-10-08 18:00', 960],
    ['a make-up Saturday counts', '2026-10-09 09:00', '2026-10-12 09:00', 960],
    ['Spring Festival: make-up Saturdays count, the holiday does not', '2026-02-13 00:00', '2026-03-02 00:00', 480 * 7],
    ['empty when reversed', '2026-03-02 14:00', '2026-03-02 10:00', 0],
    ['empty outside hours', '2026-03-02 18:00', '2026-03-03 09:00', 0],
  ];
  it.each(cases)('%s', (_what, from, to, expected) => {
    expect(businessMinutesBetween(cal, sh(from), sh(to))).toBe(expected);
  });

  it('returns fractional minutes', () => {
    expect(businessMinutesBetween(cal, sh('2026-03-02 09:00'), sh('2026-03-02 09:00') + 30_000)).toBe(0.5);
  });
});

describe('isBusinessTime', () => {
  const cases: [string, boolean][] = [
    ['2026-03-02 09:00', true],
    ['2026-03-02 11:59', true],
    ['2026-03-02 12:00', false],
    ['2026-03-02 13:00', true],
    ['2026-03-02 18:00', false],
    ['2026-03-07 10:00', false],
    ['2026-10-01 10:00', false],
    ['2026-10-10 10:00', true],
    ['2026-10-17 10:00', false],
    ['2026-02-14 10:00', true],
    ['2026-02-16 10:00', false],
  ];
  it.each(cases)('%s → %s', (at, expected) => expect(isBusinessTime(cal, sh(at))).toBe(expected));
});

const NINE_TO_FIVE: Period[] = [{ start: 540, end: 1020 }];
const newYork = (weekly: Partial<CalendarContent['weekly']>, extra: Partial<CalendarContent> = {}): CalendarContent => ({
  timezone: 'America/New_York',
  weekly: { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [], ...weekly },
  holidays: [],
  workdays: [],
  makeupPeriods: NINE_TO_FIVE,
  ...extra,
});

describe('daylight saving (America/New_York, DST from 2026-03-08 and until 2026-11-01)', () => {
  const ny = (s: string, offset: string) => Date.parse(`${s.replace(' ', 'T')}:00${offset}`);
  const weekdays = newYork({ '1': NINE_TO_FIVE, '2': NINE_TO_FIVE, '3': NINE_TO_FIVE, '4': NINE_TO_FIVE, '5': NINE_TO_FIVE });
  const allDay: Period[] = [{ start: 0, end: 1440 }];
  const always = newYork({ '1': allDay, '2': allDay, '3': allDay, '4': allDay, '5': allDay, '6': allDay, '7': allDay });

  it('periods are wall time: 09:00 stays 09:00 across the change', () => {
    expect(addBusinessMinutes(weekdays, ny('2026-03-06 16:00', '-05:00'), 120)).toBe(ny('2026-03-09 10:00', '-04:00'));
    expect(addBusinessMinutes(weekdays, ny('2026-10-30 16:00', '-04:00'), 120)).toBe(ny('2026-11-02 10:00', '-05:00'));
  });

  it('a day is 23 hours in spring and 25 in autumn', () => {
    expect(businessMinutesBetween(always, ny('2026-03-08 00:00', '-05:00'), ny('2026-03-09 00:00', '-04:00'))).toBe(23 * 60);
    expect(businessMinutesBetween(always, ny('2026-11-01 00:00', '-04:00'), ny('2026-11-02 00:00', '-05:00'))).toBe(25 * 60);
  });

  it('a period spanning the spring gap is an hour shorter', () => {
    const night = newYork({ '7': [{ start: 60, end: 240 }] });
    expect(businessMinutesBetween(night, ny('2026-03-08 00:00', '-05:00'), ny('2026-03-08 12:00', '-04:00'))).toBe(120);
    expect(businessMinutesBetween(night, ny('2026-03-15 00:00', '-04:00'), ny('2026-03-15 12:00', '-04:00'))).toBe(180);
  });
});

describe('calendars without working time', () => {
  it('throws a typed error instead of looping when nothing is ever worked', () => {
    const never = newYork({});
    expect(() => addBusinessMinutes(never, Date.parse('2026-03-02T00:00:00Z'), 1)).toThrow(NoBusinessTimeError);
    expect(businessMinutesBetween(never, 0, Date.parse('2026-03-02T00:00:00Z'))).toBe(0);
    expect(addBusinessMinutes(never, 5, 0)).toBe(5);
  });

  it('counts every make-up day, not only the first', () => {
    const twoMakeupDays = newYork({}, { workdays: [{ date: '2026-03-07', name: 'make-up' }, { date: '2026-03-14', name: 'make-up' }] });
    const from = Date.parse('2026-03-01T00:00:00Z');
    expect(addBusinessMinutes(twoMakeupDays, from, 540)).toBe(Date.parse('2026-03-14T10:00:00-04:00'));
    expect(businessMinutesBetween(twoMakeupDays, from, Date.parse('2026-04-01T00:00:00Z'))).toBe(960);
    expect(() => addBusinessMinutes(twoMakeupDays, from, 961)).toThrow(NoBusinessTimeError);
  });

  it('uses make-up days while there are some, then throws', () => {
    const onlyMakeup = newYork({}, { workdays: [{ date: '2026-03-07', name: 'make-up' }] });
    const from = Date.parse('2026-03-01T00:00:00Z');
    expect(addBusinessMinutes(onlyMakeup, from, 60)).toBe(Date.parse('2026-03-07T10:00:00-05:00'));
    expect(() => addBusinessMinutes(onlyMakeup, from, 481)).toThrow(NoBusinessTimeError);
  });

  it('refuses to compile content that breaks a rule', () => {
    expect(() => compileCalendar(newYork({}, { timezone: 'Mars/Olympus' }))).toThrow(InvalidCalendarError);
  });

  it('compiles each content object once', () => {
    expect(compileCalendar(cal)).toBe(compileCalendar(cal));
    expect(compileCalendar({ ...cal })).not.toBe(compileCalendar(cal));
  });
});

describe('weekly periods are read in time order, however they are listed', () => {
  const MORNING: Period = { start: 540, end: 720 };
  const AFTERNOON: Period = { start: 780, end: 1080 };
  const listed = (periods: Period[]): CalendarContent => ({
    ...cal,
    weekly: { ...cal.weekly, '1': periods },
    makeupPeriods: periods,
  });

  it.each([
    ['morning first', [MORNING, AFTERNOON]],
    ['afternoon first', [AFTERNOON, MORNING]],
  ])('%s: a Monday and a make-up day are 480 minutes, opening at 09:00', (_what, periods) => {
    const c = listed(periods);
    // 2026-03-02 is a Monday; 2026-10-10 a make-up Saturday.
    expect(businessMinutesBetween(c, sh('2026-03-02 00:00'), sh('2026-03-03 00:00'))).toBe(480);
    expect(businessMinutesBetween(c, sh('2026-10-10 00:00'), sh('2026-10-11 00:00'))).toBe(480);
    expect(fmt(addBusinessMinutes(c, sh('2026-03-02 07:00'), 60))).toBe('2026-03-02 10:00');
    expect(compileCalendar(c).intervalsOn(sh('2026-03-02 15:00')).map(([s, e]) => `${fmt(s)}–${fmt(e).slice(11)}`)).toEqual(['2026-03-02 09:00–12:00', '2026-03-02 13:00–18:00']);
  });
});

describe('finding the local day of an instant', () => {
  // Each calendar is a fresh content object, so the instant is the first one its compiled form looks up:
  // the guess from UTC lands on the wrong local day and the lookup has to step to the right one.
  const allDay: Period[] = [{ start: 0, end: 1440 }];
  const everyDay = (timezone: string): CalendarContent => ({
    timezone,
    weekly: { '1': allDay, '2': allDay, '3': allDay, '4': allDay, '5': allDay, '6': allDay, '7': allDay },
    holidays: [],
    workdays: [],
    makeupPeriods: allDay,
  });

  it.each([
    // [zone, instant, its local day from midnight to midnight]
    ['America/New_York', '2026-03-03T20:00:00-05:00', '2026-03-03T00:00:00-05:00', '2026-03-04T00:00:00-05:00'], // 01:00 UTC the next day
    ['Asia/Tokyo', '2026-03-03T03:00:00+09:00', '2026-03-03T00:00:00+09:00', '2026-03-04T00:00:00+09:00'], // 18:00 UTC the day before
    ['America/New_York', '2026-03-08T22:00:00-04:00', '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00'], // a 23-hour day
  ])('%s at %s is in the day %s to %s', (zone, at, start, end) => {
    const c = compileCalendar(everyDay(zone));
    expect(c.intervalsOn(Date.parse(at))).toEqual([[Date.parse(start), Date.parse(end)]]);
    expect(isBusinessTime(everyDay(zone), Date.parse(at))).toBe(true);
  });

  it('an instant at a local midnight east of UTC is in the new day (the guess from UTC is the day before)', () => {
    const allDay: Period[] = [{ start: 0, end: 1440 }];
    const tuesdaysOnly: CalendarContent = { ...everyDay('Asia/Tokyo'), weekly: { '1': [], '2': allDay, '3': [], '4': [], '5': [], '6': [], '7': [] } };
    const wednesday = Date.parse('2026-03-04T00:00:00+09:00'); // 2026-03-03 15:00 UTC
    expect(compileCalendar(tuesdaysOnly).intervalsOn(wednesday)).toEqual([]);
    expect(compileCalendar(tuesdaysOnly).intervalsOn(wednesday - 1)).toEqual([[Date.parse('2026-03-03T00:00:00+09:00'), wednesday]]);
  });

  it('counts an all-day calendar exactly from an evening start in New York', () => {
    const from = Date.parse('2026-03-03T20:00:00-05:00');
    expect(businessMinutesBetween(everyDay('America/New_York'), from, from + 6 * 60_000)).toBe(6);
    expect(addBusinessMinutes(everyDay('America/New_York'), from, 300)).toBe(from + 300 * 60_000);
  });

  it('is not fooled by non-finite instants', () => {
    expect(isBusinessTime(cal, Number.NaN)).toBe(false);
    expect(isBusinessTime(cal, Number.POSITIVE_INFINITY)).toBe(false);
    expect(() => businessMinutesBetween(cal, 0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('what the errors carry', () => {
  const caught = (f: () => unknown): unknown => {
    try {
      f();
    } catch (e) {
      return e;
    }
    throw new Error('expected a throw');
  };

  it('NoBusinessTimeError names itself and the instant it started from', () => {
    const from = Date.parse('2026-03-02T00:00:00Z');
    const e = caught(() => addBusinessMinutes(newYork({}), from, 1));
    expect(e).toBeInstanceOf(NoBusinessTimeError);
    expect(e).toMatchObject({ name: 'NoBusinessTimeError', code: 'no_business_time', from });
    expect((e as Error).message).toContain('2026-03-02T00:00:00.000Z');
  });

  it('InvalidCalendarError lists the problems and says them all', () => {
    const e = caught(() => compileCalendar(newYork({ '1': [{ start: 600, end: 540 }] }, { timezone: 'Mars/Olympus' })));
    expect(e).toMatchObject({ name: 'InvalidCalendarError', code: 'invalid_calendar' });
    const problems = (e as InvalidCalendarError).problems;
    expect(problems.map((p) => p.code).sort()).toEqual(['period_order', 'unknown_zone']);
    expect((e as Error).message).toContain(problems.map((p) => p.message).join(' '));
  });

  it('refuses an infinite amount and non-finite instants', () => {
    expect(() => addBusinessMs(cal, sh('2026-03-02 10:00'), Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => businessMinutesBetween(cal, Number.NaN, 0)).toThrow(RangeError);
  });
});

describe('the compiled form', () => {
  it('every function takes the compiled calendar as well as its content', () => {
    const c = compileCalendar(cal);
    expect(addBusinessMinutes(c, sh('2026-03-02 11:30'), 60)).toBe(sh('2026-03-02 13:30'));
    expect(businessMinutesBetween(c, sh('2026-03-02 11:00'), sh('2026-03-02 14:00'))).toBe(120);
    expect(isBusinessTime(c, sh('2026-03-02 12:30'))).toBe(false);
  });

  it('an instant at midnight belongs to the new day, right after a look-up on the day before', () => {
    const allDay: Period[] = [{ start: 0, end: 1440 }];
    const c = compileCalendar(newYork({ '2': allDay, '3': [] }));
    const midnight = Date.parse('2026-03-04T00:00:00-05:00'); // Tuesday → Wednesday
    expect(isBusinessTime(c, midnight - 1)).toBe(true);
    expect(isBusinessTime(c, midnight)).toBe(false);
    expect(c.intervalsOn(midnight - 1)).toEqual([[Date.parse('2026-03-03T00:00:00-05:00'), midnight]]);
    expect(c.intervalsOn(midnight)).toEqual([]);
  });
});
