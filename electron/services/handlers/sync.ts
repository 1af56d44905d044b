import type { SyncMethod } from '../../../core/contract/methods';
import { attention, connect, discard, retry, syncNow, waitSyncStatus } from '../sync';
import type { HandlersFor } from './types';

/** core/contract/api-sync.ts: status, joining a team, "Needs attention". */
export const syncHandlers: HandlersFor<SyncMethod> = {
  'sync.status': waitSyncStatus,
  'sync.connect': connect,
  'sync.now': syncNow,
  'sync.attention': attention,
  'sync.retry': retry,
  'sync.discard': discard,
};
