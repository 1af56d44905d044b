import { describe, expect, it } from 'vitest';
import { addDays, addMonths, monthGrid, monthTitle, parseDate, parseTime, setCalendarToday, todayIso, weekday, weekdayNames } from './dates';

describe('date and time parsing for the pickers', () => {
  it('reads the ways people type a date, and says what is wrong otherwise', () => {
    for (const text of ['2026-12-07', '2026-12-7', '2026/12/07', '2026.12.7', '2026年12月7日', '20261207', '２０２６-１２-０７', ' 2026-12-07 ']) {
      expect(parseDate(text), text).toEqual({ ok: true, iso: '2026-12-07' });
    }
    expect(parseDate('')).toEqual({ ok: true, iso: '' });
    expect(parseDate('12/07/2026')).toEqual({ ok: false, problem: 'format' });
    expect(parseDate('mm/dd/yyyy')).toEqual({ ok: false, problem: 'format' });
    expect(parseDate('2026-13-01')).toEqual({ ok: false, problem: 'no_such_day' });
    expect(parseDate('2026-02-29')).toEqual({ ok: false, problem: 'no_such_day' });
    expect(parseDate('2028-02-29')).toEqual({ ok: true, iso: '2028-02-29' });
  });

  it('reads 24-hour times only', () => {
    expect(parseTime('9:00')).toEqual({ ok: true, value: '09:00' });
    expect(parseTime('0930')).toEqual({ ok: true, value: '09:30' });
    expect(parseTime('21：30')).toEqual({ ok: true, value: '21:30' });
    expect(parseTime('9点')).toEqual({ ok: true, value: '09:00' });
    expect(parseTime('24:00')).toEqual({ ok: true, value: '24:00' });
    expect(parseTime('09:00 AM').ok).toBe(false);
    expect(parseTime('25:00').ok).toBe(false);
    expect(parseTime('9:75').ok).toBe(false);
  });

  it('builds Monday-first month grids and moves by days and months', () => {
    const grid = monthGrid(2026, 12);
    expect(grid).toHaveLength(6);
    expect(grid[0]![0]).toBe('2026-11-30'); // 1 December 2026 is a Tuesday
    expect(grid.flat()).toContain('2026-12-31');
    expect(weekday('2026-12-07')).toBe(1);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('names months and weekdays in the UI language, whatever the browser speaks', () => {
    expect(monthTitle(2026, 12, 'zh-CN')).toBe('2026年12月');
    expect(monthTitle(2026, 12, 'en')).toBe('December 2026');
    expect(weekdayNames('zh-CN').map((n) => n.short)).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    expect(weekdayNames('en').map((n) => n.short)).toEqual(['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']);
  });
});

describe('today for the calendars', () => {
  it('is the machine day until the app sets its own clock, then the app’s', () => {
    expect(todayIso()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    setCalendarToday(() => '2026-11-23');
    expect(todayIso()).toBe('2026-11-23');
  });
});
