import { caseSettingsSchema, DEFAULT_CASE_SETTINGS, type CaseSettings } from '../cases/settings';
import { DEFAULT_CALENDAR, DEFAULT_POLICIES, slaPolicyListSchema, type CalendarContent, type SlaPolicy } from '../sla';
import { get, type Q, write } from './sql';
import { readSettingsKey, writeSettingsKey } from './settings';

/*
 * Ticket and voucher policy (settings keys 'cases' and 'sla_policies') and the versioned business calendar.
 * Until a supervisor saves one, the built-in defaults apply: the official 2026 China calendar is version 0
 * under a fixed id, so every console names it the same way.
 */

const CASES_KEY = 'cases';
const POLICIES_KEY = 'sla_policies';
export const BUILTIN_CALENDAR_ID = 'calendar-builtin-cn-2026';

export function* getCaseSettings(): Q<CaseSettings> {
  const raw = yield* readSettingsKey(CASES_KEY);
  if (!raw) return DEFAULT_CASE_SETTINGS;
  const parsed = caseSettingsSchema.safeParse({ ...DEFAULT_CASE_SETTINGS, ...(JSON.parse(raw) as object) });
  return parsed.success ? parsed.data : DEFAULT_CASE_SETTINGS;
}

export function putCaseSettings(value: CaseSettings, at: number, by: string | null): Q<void> {
  return writeSettingsKey(CASES_KEY, value, at, by);
}

export function* getSlaPolicies(): Q<SlaPolicy[]> {
  const raw = yield* readSettingsKey(POLICIES_KEY);
  if (!raw) return DEFAULT_POLICIES;
  const parsed = slaPolicyListSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : DEFAULT_POLICIES;
}

export function putSlaPolicies(policies: SlaPolicy[], at: number, by: string | null): Q<void> {
  return writeSettingsKey(POLICIES_KEY, policies, at, by);
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

export const BUILTIN_CALENDAR: CalendarVersionRecord = {
  id: BUILTIN_CALENDAR_ID,
  version: 0,
  content: DEFAULT_CALENDAR,
  note: '',
  createdAt: 0,
  createdBy: null,
  createdByName: null,
};

export type CalendarRow = Omit<CalendarVersionRecord, 'content'> & { content: string };
export const CAL_SELECT = `SELECT cv.id, cv.version, cv.content, cv.note, cv.created_at AS "createdAt", cv.created_by AS "createdBy",
  u.name AS "createdByName" FROM calendar_versions cv LEFT JOIN users u ON u.id = cv.created_by`;
const parsedContent = new Map<string, CalendarContent>();
export const toCalendarVersion = (r: CalendarRow): CalendarVersionRecord => {
  // Versions never change, so their parsed content is shared (the SLA derivation compiles it once by identity).
  let content = parsedContent.get(r.id);
  if (!content) {
    content = JSON.parse(r.content) as CalendarContent;
    parsedContent.set(r.id, content);
  }
  return { ...r, content };
};

export function* currentCalendar(): Q<CalendarVersionRecord> {
  const row = yield* get<CalendarRow>(`${CAL_SELECT} ORDER BY cv.version DESC LIMIT 1`, [], 'calendar');
  return row ? toCalendarVersion(row) : BUILTIN_CALENDAR;
}

export function* calendarById(id: string): Q<CalendarContent | undefined> {
  if (id === BUILTIN_CALENDAR_ID) return DEFAULT_CALENDAR;
  const cached = parsedContent.get(id);
  if (cached) return cached;
  const row = yield* get<CalendarRow>(`${CAL_SELECT} WHERE cv.id = ?`, [id]);
  return row ? toCalendarVersion(row).content : undefined;
}

/**
 * The calendars that events name, loaded up front: core's SLA derivation looks calendars up
 * synchronously, and a store may only be asked through the seam.
 */
export function* calendarLookup(ids: Iterable<string>): Q<(id: string) => CalendarContent | undefined> {
  const found = new Map<string, CalendarContent | undefined>();
  for (const id of new Set(ids)) found.set(id, yield* calendarById(id));
  return (id) => (found.has(id) ? found.get(id) : id === BUILTIN_CALENDAR_ID ? DEFAULT_CALENDAR : undefined);
}

export function* insertCalendarVersion(v: {
  id: string;
  version: number;
  content: CalendarContent;
  note: string;
  createdAt: number;
  createdBy: string;
}): Q<void> {
  yield* write('INSERT INTO calendar_versions (id, version, content, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)', [
    v.id,
    v.version,
    JSON.stringify(v.content),
    v.note,
    v.createdAt,
    v.createdBy,
  ], 'calendar');
}
