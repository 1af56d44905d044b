import * as store from '../../core/store/settings';
import { onDb } from '../store';
import type { ScriptMapping } from '../../core/store/settings';

// The appliers' reads and writes live in core/store (shared with the server); these run them on this console's SQLite.
export const getSettings = onDb(store.getSettings);
export const putSettings = onDb(store.putSettings);
export const getScriptMapping = onDb(store.getScriptMapping);
export const putScriptMapping = onDb(store.putScriptMapping);
export type { ScriptMapping };
