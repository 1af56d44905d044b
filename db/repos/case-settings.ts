import { caseSettingsSchema, DEFAULT_CASE_SETTINGS, type CaseSettings } from '../../core/cases/settings';
import { DEFAULT_CALENDAR, DEFAULT_POLICIES, slaPolicyListSchema, type CalendarContent, type SlaPolicy } from '../../core/sla';
import type { Db } from '../open';
import { stmt } from './stmt';

/*
 * Ticket and voucher policy (settings keys 'cases' and 'sla_policies') and the versioned business calendar.
 * Until a supervisor saves one, the built-in defaults apply: the official 2026 China calendar is version 0
 * under a fixed id, so every console names it the same way.
 */

const CASES_KEY = 'cases';
const POLICIES_KEY = 'sla_policies';
export const BUILTIN_CALENDAR_ID = 'calendar-builtin-cn-2026';

function readKey(db: Db, key: string): string | undefined {
  return (stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

function writeKey(db: Db, key: string, value: unknown, at: number, by: string | null): void {
  stmt(
    db,
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(key, JSON.stringify(value), at, by);
}

export function getCaseSettings(db: Db): CaseSettings {
  const raw = readKey(db, CASES_KEY);
  if (!raw) return DEFAULT_CASE_SETTINGS;
  const parsed = caseSettingsSchema.safeParse({ ...DEFAULT_CASE_SETTINGS, ...(JSON.parse(raw) as object) });
  return parsed.success ? parsed.data : DEFAULT_CASE_SETTINGS;
}

export function putCaseSettings(db: Db, value: CaseSettings, at: number, by: string | null): void {
  writeKey(db, CASES_KEY, value, at, by);
}

export function getSlaPolicies(db: Db): SlaPolicy[] {
  const raw = readKey(db, POLICIES_KEY);
  if (!raw) return DEFAULT_POLICIES;
  const parsed = slaPolicyListSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : DEFAULT_POLICIES;
}

export function putSlaPolicies(db: Db, policies: SlaPolicy[], at: number, by: string | null): void {
  writeKey(db, POLICIES_KEY, policies, at, by);
}

export interface CalendarVersionRecord {
  id: string;
  version: number;
  content: CalendarContent;
  note: string;
  createdAt: number;
  createdBy: string | null;
  createdByName: string | null;
}

const BUILTIN: CalendarVersionRecord = {
  id: BUILTIN_CALENDAR_ID,
  version: 0,
  content: DEFAULT_CALENDAR,
  note: '',
  createdAt: 0,
  createdBy: null,
  createdByName: null,
};

type CalendarRow = Omit<CalendarVersionRecord, 'content'> & { content: string };
const CAL_SELECT = `SELECT cv.id, cv.version, cv.content, cv.note, cv.created_at AS createdAt, cv.created_by AS createdBy,
  u.name AS createdByName FROM calendar_versions cv LEFT JOIN users u ON u.id = cv.created_by`;
const parsedContent = new Map<string, CalendarContent>();
const toVersion = (r: CalendarRow): CalendarVersionRecord => {
  // Versions never change, so their parsed content is shared (the SLA derivation compiles it once by identity).
  let content = parsedContent.get(r.id);
  if (!content) {
    content = JSON.parse(r.content) as CalendarContent;
    parsedContent.set(r.id, content);
  }
  return { ...r, content };
};

export function currentCalendar(db: Db): CalendarVersionRecord {
  const row = stmt(db, `${CAL_SELECT} ORDER BY cv.version DESC LIMIT 1`).get() as CalendarRow | undefined;
  return row ? toVersion(row) : BUILTIN;
}

export function calendarById(db: Db, id: string): CalendarContent | undefined {
  if (id === BUILTIN_CALENDAR_ID) return DEFAULT_CALENDAR;
  const cached = parsedContent.get(id);
  if (cached) return cached;
  const row = stmt(db, `${CAL_SELECT} WHERE cv.id = ?`).get(id) as CalendarRow | undefined;
  return row ? toVersion(row).content : undefined;
}

/** The version number of a calendar version id (0 for the built-in calendar, or an id this store lacks). */
export function calendarVersionOf(db: Db, id: string): number {
  return (stmt(db, 'SELECT version FROM calendar_versions WHERE id = ?').get(id) as { version: number } | undefined)?.version ?? 0;
}

export function listCalendarVersions(db: Db): Omit<CalendarVersionRecord, 'content'>[] {
  const rows = (stmt(db, `${CAL_SELECT} ORDER BY cv.version DESC`).all() as CalendarRow[]).map(({ content: _c, ...rest }) => rest);
  return [...rows, { ...BUILTIN, content: undefined } as unknown as Omit<CalendarVersionRecord, 'content'>].map(
    ({ id, version, note, createdAt, createdBy, createdByName }) => ({ id, version, note, createdAt, createdBy, createdByName }),
  );
}

export function insertCalendarVersion(db: Db, v: { id: string; version: number; content: CalendarContent; note: string; createdAt: number; createdBy: string }): void {
  stmt(db, 'INSERT INTO calendar_versions (id, version, content, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)').run(
    v.id,
    v.version,
    JSON.stringify(v.content),
    v.note,
    v.createdAt,
    v.createdBy,
  );
}
