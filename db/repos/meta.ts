import { eq } from 'drizzle-orm';
import type { Db } from '../open';
import { localMeta } from '../schema';

export type MetaKey = 'currentUserId' | 'locale' | 'setUpAt';

export function getMeta(db: Db, key: MetaKey): string | undefined {
  return db.select().from(localMeta).where(eq(localMeta.key, key)).get()?.value;
}

export function setMeta(db: Db, key: MetaKey, value: string): void {
  db.insert(localMeta).values({ key, value }).onConflictDoUpdate({ target: localMeta.key, set: { value } }).run();
}
