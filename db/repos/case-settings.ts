import type { Db } from '../open';
import { stmt } from './stmt';
import * as store from '../../core/store/case-settings';
import { onDb } from '../store';
import { BUILTIN_CALENDAR_ID, BUILTIN_CALENDAR, CAL_SELECT, toCalendarVersion } from '../../core/store/case-settings';
import type { CalendarVersionRecord, CalendarRow } from '../../core/store/case-settings';

/*
 * Ticket and voucher policy (settings keys 'cases' and 'sla_policies') and the versioned business calendar.
 * Until a supervisor saves one, the built-in defaults apply: the official 2026 China calendar is version 0
 * under a fixed id, so every console names it the same way.
 */

/** The version number of a calendar version id (0 for the built-in calendar, or an id this store lacks). */
export function calendarVersionOf(db: Db, id: string): number {
  return (stmt(db, 'SELECT version FROM calendar_versions WHERE id = ?').get(id) as { version: number } | undefined)?.version ?? 0;
}

export function listCalendarVersions(db: Db): Omit<CalendarVersionRecord, 'content'>[] {
  const rows = (stmt(db, `${CAL_SELECT} ORDER BY cv.version DESC`).all() as CalendarRow[]).map(({ content: _c, ...rest }) => rest);
  return [...rows, { ...BUILTIN_CALENDAR, content: undefined } as unknown as Omit<CalendarVersionRecord, 'content'>].map(
    ({ id, version, note, createdAt, createdBy, createdByName }) => ({ id, version, note, createdAt, createdBy, createdByName }),
  );
}

// The appliers' reads and writes live in core/store (shared with the server); these run them on this console's SQLite.
export const getCaseSettings = onDb(store.getCaseSettings);
export const putCaseSettings = onDb(store.putCaseSettings);
export const getSlaPolicies = onDb(store.getSlaPolicies);
export const putSlaPolicies = onDb(store.putSlaPolicies);
export const currentCalendar = onDb(store.currentCalendar);
export const calendarById = onDb(store.calendarById);
export const insertCalendarVersion = onDb(store.insertCalendarVersion);
export { BUILTIN_CALENDAR_ID, BUILTIN_CALENDAR, CAL_SELECT, toCalendarVersion };
export type { CalendarVersionRecord, CalendarRow };
