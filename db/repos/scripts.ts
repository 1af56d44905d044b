import type { Db } from '../open';
import { stmt } from './stmt';
import * as store from '../../core/store/scripts';
import { onDb } from '../store';
import { SCRIPT_COLUMNS } from '../../core/store/scripts';
import type { ScriptRow, VersionRow } from '../../core/store/scripts';

export function listScripts(db: Db): ScriptRow[] {
  return stmt(db, `SELECT ${SCRIPT_COLUMNS} FROM scripts ORDER BY retired_at IS NOT NULL, purpose, locale, created_at`).all() as ScriptRow[];
}

export function countScripts(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM scripts').get() as { n: number }).n;
}

// The appliers' reads and writes live in core/store (shared with the server); these run them on this console's SQLite.
export const insertScript = onDb(store.insertScript);
export const getScript = onDb(store.getScript);
export const setScriptTitle = onDb(store.setScriptTitle);
export const retireScript = onDb(store.retireScript);
export const insertVersion = onDb(store.insertVersion);
export const updateDraftContent = onDb(store.updateDraftContent);
export const markPublished = onDb(store.markPublished);
export const versionsOf = onDb(store.versionsOf);
export const getVersion = onDb(store.getVersion);
export const latestPublished = onDb(store.latestPublished);
export { SCRIPT_COLUMNS };
export type { ScriptRow, VersionRow };
