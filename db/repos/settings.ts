import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../core/settings';
import type { Db } from '../open';
import { settings } from '../schema';
import { stmt } from './stmt';

const QUEUE_KEY = 'queue';

// Parsed settings per stored JSON text: a hot path reads them several times per action.
let lastSettings: { raw: string; value: Settings } | undefined;
export function getSettings(db: Db): Settings {
  const row = stmt(db, 'SELECT value FROM settings WHERE key = ?').get(QUEUE_KEY) as { value: string } | undefined;
  if (!row) return DEFAULT_SETTINGS;
  if (lastSettings?.raw === row.value) return lastSettings.value;
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(JSON.parse(row.value) as object) });
  const value = parsed.success ? parsed.data : DEFAULT_SETTINGS;
  lastSettings = { raw: row.value, value };
  return value;
}

export function putSettings(db: Db, value: Settings, updatedAt: number, updatedBy: string | null): void {
  db.insert(settings)
    .values({ key: QUEUE_KEY, value, updatedAt, updatedBy })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt, updatedBy } })
    .run();
}

const MAPPING_KEY = 'script_mapping';
export type ScriptMapping = Partial<Record<string, string | null>>;

/** Which script each purpose opens when a callback of that purpose is taken. */
export function getScriptMapping(db: Db): ScriptMapping {
  const row = stmt(db, 'SELECT value FROM settings WHERE key = ?').get(MAPPING_KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as ScriptMapping) : {};
}

export function putScriptMapping(db: Db, mapping: ScriptMapping, updatedAt: number, updatedBy: string | null): void {
  stmt(
    db,
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(MAPPING_KEY, JSON.stringify(mapping), updatedAt, updatedBy);
}
