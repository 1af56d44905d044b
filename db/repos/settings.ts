import { eq } from 'drizzle-orm';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../core/settings';
import type { Db } from '../open';
import { settings } from '../schema';

const QUEUE_KEY = 'queue';

export function getSettings(db: Db): Settings {
  const row = db.select().from(settings).where(eq(settings.key, QUEUE_KEY)).get();
  if (!row) return DEFAULT_SETTINGS;
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(row.value as object) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function putSettings(db: Db, value: Settings, updatedAt: number, updatedBy: string | null): void {
  db.insert(settings)
    .values({ key: QUEUE_KEY, value, updatedAt, updatedBy })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt, updatedBy } })
    .run();
}
