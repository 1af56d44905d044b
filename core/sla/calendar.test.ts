import { describe, expect, it } from 'vitest';
import { calendarContentSchema, checkCalendar, civilDate, DEFAULT_CALENDAR, dayNumber, formatLocalDate, isoWeekday, parseLocalDate } from './calendar';
import type { CalendarContent } from './calendar';
import { CHINA_2026_HOLIDAYS, CHINA_2026_WORKDAYS } from './china-2026';

const weekdayOf = (date: string) => isoWeekday(parseLocalDate(date)!);

describe('the official 2026 China calendar', () => {
  it('has no problems', () => expect(checkCalendar(DEFAULT_CALENDAR)).toEqual([]));

  it('lists 33 days off and 6 make-up days, all in 2026', () => {
    expect(CHINA_2026_HOLIDAYS).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(CHINA_2026_WORKDAYS).toHaveLength(6);
    for (const d of [...CHINA_2026_HOLIDAYS, ...CHINA_2026_WORKDAYS]) expect(d.date.startsWith('2026-')).toBe(true);
  });

  it.each([
    ['2026-01-04', 7],
    ['2026-02-14', 6],
    ['2026-02-28', 6],
    ['2026-05-09', 6],
    ['2026-09-20', 7],
    ['2026-10-10', 6],
  ])('make-up day %s falls on a weekend (ISO weekday %i)', (date, wd) => expect(weekdayOf(date)).toBe(wd));

  it.each([
    ['2026-01-01', '元旦'],
    ['2026-02-15', '春节'],
    ['2026-02-23', '春节'],
    ['2026-04-06', '清明节'],
    ['2026-05-05', '劳动节'],
    ['2026-06-19', '端午节'],
    ['2026-09-27', '中秋节'],
    ['2026-10-07', '国庆节'],
  ])('%s is %s', (date, name) => expect(CHINA_2026_HOLIDAYS.find((h) => h.date === date)?.name).toBe(name));

  it('names make-up days after their holiday', () => {
    expect(CHINA_2026_WORKDAYS.find((d) => d.date === '2026-02-14')?.name).toBe('春节调休上班');
  });
});

describe('calendarContentSchema', () => {
  it('fills the zone, empty lists and make-up hours (Monday’s)', () => {
    const parsed = calendarContentSchema.parse({ weekly: { '1': [{ start: 600, end: 900 }] } });
    expect(parsed.timezone).toBe('Asia/Shanghai');
    expect(parsed.makeupPeriods).toEqual([{ start: 600, end: 900 }]);
    expect(parsed.weekly['7']).toEqual([]);
    expect(parsed.holidays).toEqual([]);
  });

  it('refuses fractional minutes', () => {
    expect(calendarContentSchema.safeParse({ weekly: { '1': [{ start: 600.5, end: 900 }] } }).success).toBe(false);
  });
});

describe('checkCalendar', () => {
  const base = (): CalendarContent => structuredClone(DEFAULT_CALENDAR);
  const codes = (c: CalendarContent) => checkCalendar(c).map((p) => [p.code, p.path]);

  it.each<[string, (c: CalendarContent) => void, [string, string][]]>([
    ['a period ending before it starts', (c) => (c.weekly['1'] = [{ start: 600, end: 540 }]), [['period_order', 'weekly.1[0]']]],
    ['a period ending when it starts', (c) => (c.makeupPeriods = [{ start: 600, end: 600 }]), [['period_order', 'makeupPeriods[0]']]],
    [
      'overlapping periods on the same day',
      (c) =>
        (c.weekly['2'] = [
          { start: 780, end: 1080 },
          { start: 540, end: 800 },
        ]),
      [['period_overlap', 'weekly.2[1]']],
    ],
    ['a period past midnight', (c) => (c.weekly['3'] = [{ start: 1200, end: 1500 }]), [['period_range', 'weekly.3[0]']]],
    ['a date that is not a date', (c) => c.holidays.push({ date: '2026-02-30', name: 'x' }), [['date_format', 'holidays[33].date']]],
    ['a date written another way', (c) => c.workdays.push({ date: '2026/03/01', name: 'x' }), [['date_format', 'workdays[6].date']]],
    ['a holiday listed twice', (c) => c.holidays.push({ date: '2026-10-01', name: '国庆节' }), [['duplicate_date', 'holidays[33].date']]],
    ['a day both off and worked', (c) => c.workdays.push({ date: '2026-10-02', name: 'x' }), [['date_both', 'workdays[6].date']]],
    ['an unknown zone', (c) => (c.timezone = 'Asia/Beijing'), [['unknown_zone', 'timezone']]],
  ])('%s', (_what, edit, expected) => {
    const c = base();
    edit(c);
    expect(codes(c)).toEqual(expected);
  });

  it('allows periods that touch', () => {
    const c = base();
    c.weekly['1'] = [
      { start: 0, end: 720 },
      { start: 720, end: 1440 },
    ];
    expect(checkCalendar(c)).toEqual([]);
  });
});

describe('local day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['2026-03-02', dayNumber(2026, 3, 2)],
    ['2000-02-29', dayNumber(2000, 2, 29)],
    ['1969-12-31', -1],
  ])('%s round-trips', (date, n) => {
    expect(parseLocalDate(date)).toBe(n);
    expect(formatLocalDate(n)).toBe(date);
  });

  it('agrees with Date for every day of a few centuries', () => {
    for (let n = -50_000; n < 50_000; n += 7) {
      const d = new Date(n * 86_400_000);
      expect(civilDate(n)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
      expect(isoWeekday(n)).toBe(((d.getUTCDay() + 6) % 7) + 1);
    }
  });

  it('rejects impossible dates', () => {
    for (const bad of ['2026-13-01', '2026-00-10', '2025-02-29', '26-01-01', '2026-1-1']) expect(parseLocalDate(bad)).toBeNull();
  });
});
