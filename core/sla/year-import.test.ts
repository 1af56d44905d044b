import { describe, expect, it } from 'vitest';
import { addBusinessMinutes } from './business-time';
import { checkCalendar, DEFAULT_CALENDAR } from './calendar';
import { mergeHolidayYear, parseHolidayYear } from './year-import';

const file2027 = JSON.stringify({
  year: 2027,
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-02-06', name: '春节' },
  ],
  workdays: [{ date: '2027-01-30', name: '春节调休上班' }],
});

describe('parseHolidayYear', () => {
  it('reads a year file', () => {
    const parsed = parseHolidayYear(file2027);
    expect(parsed).toEqual({
      ok: true,
      year: 2027,
      holidays: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2027-02-06', name: '春节' },
      ],
      workdays: [{ date: '2027-01-30', name: '春节调休上班' }],
    });
  });

  it('treats a missing workdays list as empty', () => {
    const parsed = parseHolidayYear('{"year":2027,"holidays":[]}');
    expect(parsed.ok && parsed.workdays).toEqual([]);
  });

  it.each<[string, string, { path: string; message: RegExp }[]]>([
    ['not JSON', '{year:', [{ path: '(root)', message: /Not valid JSON/ }]],
    ['no year', '{"holidays":[]}', [{ path: 'year', message: /.+/ }]],
    ['a date from another year', '{"year":2027,"holidays":[{"date":"2026-12-31","name":"x"}]}', [{ path: 'holidays[0].date', message: /not in 2027/ }]],
    ['an impossible date', '{"year":2027,"holidays":[{"date":"2027-02-29","name":"x"}]}', [{ path: 'holidays[0].date', message: /YYYY-MM-DD/ }]],
    ['an empty name', '{"year":2027,"holidays":[{"date":"2027-01-01","name":" "}]}', [{ path: 'holidays[0].name', message: /empty/ }]],
    [
      'a date twice',
      '{"year":2027,"holidays":[{"date":"2027-01-01","name":"x"},{"date":"2027-01-01","name":"y"}]}',
      [{ path: 'holidays[1].date', message: /twice/ }],
    ],
    [
      'a date both off and worked',
      '{"year":2027,"holidays":[{"date":"2027-01-01","name":"x"}],"workdays":[{"date":"2027-01-01","name":"y"}]}',
      [{ path: 'workdays[0].date', message: /both/ }],
    ],
  ])('refuses %s', (_what, json, expected) => {
    const parsed = parseHolidayYear(json);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(expected.length);
    parsed.errors.forEach((e, i) => {
      expect(e.path).toBe(expected[i]!.path);
      expect(e.message).toMatch(expected[i]!.message);
    });
  });
});

describe('mergeHolidayYear', () => {
  it('adds a new year and keeps 2026', () => {
    const parsed = parseHolidayYear(file2027);
    if (!parsed.ok) throw new Error('fixture');
    const merged = mergeHolidayYear(DEFAULT_CALENDAR, parsed);
    expect(merged.holidays).toHaveLength(DEFAULT_CALENDAR.holidays.length + 2);
    expect(merged.workdays.map((d) => d.date)).toContain('2026-10-10');
    expect(merged.workdays.map((d) => d.date)).toContain('2027-01-30');
    expect(checkCalendar(merged)).toEqual([]);
    // 2027-01-01 is a Friday: a ticket from Thursday evening now waits until Monday.
    const from = Date.parse('2026-12-31T17:30:00+08:00');
    expect(addBusinessMinutes(merged, from, 60)).toBe(Date.parse('2027-01-04T09:30:00+08:00'));
    expect(addBusinessMinutes(DEFAULT_CALENDAR, from, 60)).toBe(Date.parse('2027-01-01T09:30:00+08:00'));
  });

  it('replaces that year entirely and leaves the input untouched', () => {
    const parsed = parseHolidayYear('{"year":2026,"holidays":[{"date":"2026-12-25","name":"圣诞节"}]}');
    if (!parsed.ok) throw new Error('fixture');
    const before = structuredClone(DEFAULT_CALENDAR);
    const merged = mergeHolidayYear(DEFAULT_CALENDAR, parsed);
    expect(merged.holidays).toEqual([{ date: '2026-12-25', name: '圣诞节' }]);
    expect(merged.workdays).toEqual([]);
    expect(DEFAULT_CALENDAR).toEqual(before);
  });
});
