import type { Db } from '../open';
import { localMeta } from '../schema';
import { stmt } from './stmt';

export type MetaKey = 'locale' | 'setUpAt';

export function getMeta(db: Db, key: MetaKey): string | undefined {
  return (stmt(db, 'SELECT value FROM local_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setMeta(db: Db, key: MetaKey, value: string): void {
  db.insert(localMeta).values({ key, value }).onConflictDoUpdate({ target: localMeta.key, set: { value } }).run();
}
