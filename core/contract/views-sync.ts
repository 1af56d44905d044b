/* What the sync methods return. */

export type SyncState = 'disconnected' | 'offline' | 'syncing' | 'online' | 'upgrade_required' | 'signed_out';

export interface SyncStatus {
  state: SyncState;
  serverUrl: string | null;
  lastSyncedAt: number | null;
  /** Changes made here that the server has not confirmed yet. */
  pending: number;
  /** Changes the server refused, waiting in "Needs attention". */
  refused: number;
  /** Names of colleagues whose unsent changes wait until they sign in at this console again. */
  waitingFor: string[];
  /** A first download in progress (rows so far of the total). */
  progress: { done: number; total: number } | null;
  /** Server clock minus this console's clock (ms), when known. */
  clockSkewMs: number | null;
  lastError: { code: string; message: string } | null;
  /** Grows whenever pulled changes land: views reload when it moves. */
  dataVersion: number;
}

export interface AttentionItem {
  /** The outbox entry. */
  seq: number;
  /** The mutation's name, e.g. callbacks.lease. */
  name: string;
  args: Record<string, unknown>;
  /** What may be changed before retrying (what the person typed or chose), in order. */
  editable: { key: string; kind: 'text' | 'int' | 'fen' }[];
  authorId: string | null;
  authorName: string | null;
  createdAt: number;
  error: { code: string; message: string; details?: Record<string, unknown> };
}
