import { z } from 'zod';
import { civilDate, parseLocalDate } from './calendar';
import type { CalendarContent, CalendarDate } from './calendar';

/*
 * Next year's holidays arrive as a small JSON file a supervisor imports once the State Council publishes
 * them (usually in November):
 *   { "year": 2027, "holidays": [{ "date": "2027-01-01", "name": "元旦" }], "workdays": [...] }
 * Importing replaces every date of that year in the calendar and keeps the other years, so re-importing
 * a corrected file is safe.
 */

export interface YearImportError {
  /** 'holidays[2].date'; '(root)' for the document itself. */
  path: string;
  message: string;
}

export type ParsedHolidayYear = { ok: true; year: number; holidays: CalendarDate[]; workdays: CalendarDate[] } | { ok: false; errors: YearImportError[] };

const datedSchema = z.object({ date: z.string(), name: z.string().trim().min(1, 'name is empty').max(80) });
const yearFileSchema = z.object({
  year: z.number().int().min(1970).max(2200),
  holidays: z.array(datedSchema).max(366),
  workdays: z.array(datedSchema).max(366).default([]),
});

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? '(root)' : out;
}

export function parseHolidayYear(json: string): ParsedHolidayYear {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return { ok: false, errors: [{ path: '(root)', message: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  const parsed = yearFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
  const { year, holidays, workdays } = parsed.data;
  const errors: YearImportError[] = [];
  const seen = new Map<number, string>();
  for (const [list, key] of [
    [holidays, 'holidays'],
    [workdays, 'workdays'],
  ] as const) {
    list.forEach((d, i) => {
      const path = `${key}[${i}].date`;
      const n = parseLocalDate(d.date);
      if (n === null) {
        errors.push({ path, message: `"${d.date}" is not a date written YYYY-MM-DD.` });
        return;
      }
      if (civilDate(n).year !== year) errors.push({ path, message: `${d.date} is not in ${year}: a year file lists only its own year's dates.` });
      const before = seen.get(n);
      if (before === undefined) seen.set(n, path);
      else if (before.startsWith(key)) errors.push({ path, message: `${d.date} is listed twice (also ${before}).` });
      else errors.push({ path, message: `${d.date} is both a holiday and a make-up working day (${before}).` });
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const clean = (list: CalendarDate[]) => list.map((d) => ({ date: d.date, name: d.name })).sort(byDate);
  return { ok: true, year, holidays: clean(holidays), workdays: clean(workdays) };
}

const byDate = (a: CalendarDate, b: CalendarDate) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** A new content with that year's holidays and make-up days replaced; every other year is kept. */
export function mergeHolidayYear(content: CalendarContent, parsed: { year: number; holidays: CalendarDate[]; workdays: CalendarDate[] }): CalendarContent {
  const prefix = `${String(parsed.year).padStart(4, '0')}-`;
  const keep = (list: CalendarDate[]) => list.filter((d) => !d.date.startsWith(prefix));
  return {
    ...content,
    holidays: [...keep(content.holidays), ...parsed.holidays].sort(byDate),
    workdays: [...keep(content.workdays), ...parsed.workdays].sort(byDate),
  };
}
