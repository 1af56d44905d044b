/*
 * The 2026 public holidays and make-up working days (调休) of mainland China, as announced by the
 * General Office of the State Council (国务院办公厅关于2026年部分节假日安排的通知). Kept as data so next
 * year's list is an import (see year-import.ts), not a code change.
 */

export interface CalendarDate {
  /** Local date 'YYYY-MM-DD' in the calendar's zone. */
  date: string;
  name: string;
}

const days = (from: string, count: number, name: string): CalendarDate[] => {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  // Every range here stays inside one month, so plain day arithmetic is enough.
  return Array.from({ length: count }, (_, i) => ({ date: `${y}-${String(m).padStart(2, '0')}-${String(d + i).padStart(2, '0')}`, name }));
};

export const CHINA_2026_HOLIDAYS: readonly CalendarDate[] = [
  ...days('2026-01-01', 3, '元旦'),
  ...days('2026-02-15', 9, '春节'),
  ...days('2026-04-04', 3, '清明节'),
  ...days('2026-05-01', 5, '劳动节'),
  ...days('2026-06-19', 3, '端午节'),
  ...days('2026-09-25', 3, '中秋节'),
  ...days('2026-10-01', 7, '国庆节'),
];

export const CHINA_2026_WORKDAYS: readonly CalendarDate[] = [
  { date: '2026-01-04', name: '元旦调休上班' },
  { date: '2026-02-14', name: '春节调休上班' },
  { date: '2026-02-28', name: '春节调休上班' },
  { date: '2026-05-09', name: '劳动节调休上班' },
  { date: '2026-09-20', name: '国庆节调休上班' },
  { date: '2026-10-10', name: '国庆节调休上班' },
];
