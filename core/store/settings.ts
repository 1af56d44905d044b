import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../settings';
import { get, type Q, write } from './sql';

/* The settings table: one JSON value per key (queue rules, the script mapping, ticket/voucher policy…). */

export function* readSettingsKey(key: string): Q<string | undefined> {
  return (yield* get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key], 'settings'))?.value;
}

export function* writeSettingsKey(key: string, value: unknown, at: number, by: string | null): Q<void> {
  yield* write(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [key, JSON.stringify(value), at, by],
    'settings',
  );
}

const QUEUE_KEY = 'queue';

// Parsed settings per stored JSON text: a hot path reads them several times per action.
let lastSettings: { raw: string; value: Settings } | undefined;

export function* getSettings(): Q<Settings> {
  const raw = yield* readSettingsKey(QUEUE_KEY);
  if (raw === undefined) return DEFAULT_SETTINGS;
  if (lastSettings?.raw === raw) return lastSettings.value;
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as object) });
  const value = parsed.success ? parsed.data : DEFAULT_SETTINGS;
  lastSettings = { raw, value };
  return value;
}

export function putSettings(value: Settings, at: number, by: string | null): Q<void> {
  return writeSettingsKey(QUEUE_KEY, value, at, by);
}

const MAPPING_KEY = 'script_mapping';
export type ScriptMapping = Partial<Record<string, string | null>>;

/** Which script each purpose opens when a callback of that purpose is taken. */
export function* getScriptMapping(): Q<ScriptMapping> {
  const raw = yield* readSettingsKey(MAPPING_KEY);
  return raw === undefined ? {} : (JSON.parse(raw) as ScriptMapping);
}

export function putScriptMapping(mapping: ScriptMapping, at: number, by: string | null): Q<void> {
  return writeSettingsKey(MAPPING_KEY, mapping, at, by);
}
