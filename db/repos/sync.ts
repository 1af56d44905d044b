import type { Refusal } from '../../core/sync/protocol';
import type { Db } from '../open';
import { SYNCED_TABLE_INFO, type SyncedTableInfo } from '../synced-tables';
import { stmt } from './stmt';

/*
 * The console's side of sync in its database: the outbox as a queue of numbered mutations, the pull
 * stage, the undo log, and the one transaction that lands pulled rows (rebasing this console's pending
 * changes on top of them).
 */

export type SyncMetaKey = 'sync.server' | 'sync.clientId' | 'sync.teamId' | 'sync.cookie' | 'sync.refusalsAfter' | 'sync.pullAfter' | 'sync.pullHead' | 'sync.lastSyncedAt' | 'sync.capture' | 'sync.pullTotal';

export function getSyncMeta(db: Db, key: SyncMetaKey): string | undefined {
  return (stmt(db, 'SELECT value FROM local_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setSyncMeta(db: Db, key: SyncMetaKey, value: string | null): void {
  if (value === null) stmt(db, 'DELETE FROM local_meta WHERE key = ?').run(key);
  else stmt(db, 'INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export interface QueuedMutation {
  mutationId: number;
  id: string;
  name: string;
  args: string;
  authorId: string | null;
  createdAt: number;
}

/** The first `limit` mutations the server has not confirmed yet, in id order (applied again after a pull). */
export function pendingMutations(db: Db, limit: number): QueuedMutation[] {
  return stmt(
    db,
    `SELECT mutation_id AS mutationId, id, name, args, author_id AS authorId, created_at AS createdAt
       FROM outbox WHERE status = 'pending' ORDER BY mutation_id LIMIT ?`,
  ).all(limit) as QueuedMutation[];
}

/** The first `limit` mutations the server has not taken yet, in id order: what the next push sends. */
export function unsentMutations(db: Db, limit: number): QueuedMutation[] {
  return stmt(
    db,
    `SELECT mutation_id AS mutationId, id, name, args, author_id AS authorId, created_at AS createdAt
       FROM outbox WHERE status = 'pending' AND pushed_at IS NULL ORDER BY mutation_id LIMIT ?`,
  ).all(limit) as QueuedMutation[];
}

export function countByStatus(db: Db): Record<'pending' | 'refused', number> {
  const rows = stmt(db, `SELECT status, count(*) AS n FROM outbox WHERE status IN ('pending', 'refused') GROUP BY status`).all() as { status: 'pending' | 'refused'; n: number }[];
  const out = { pending: 0, refused: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export function markPushed(db: Db, upTo: number, at: number): void {
  stmt(db, `UPDATE outbox SET pushed_at = coalesce(pushed_at, ?) WHERE status = 'pending' AND mutation_id <= ?`).run(at, upTo);
}

/** Keeps one pulled page for the transaction that lands the whole pull (later pages win). */
export function stageRows(db: Db, rows: readonly { t: string; k: string; r: Record<string, unknown> | null }[]): void {
  const put = stmt(db, 'INSERT INTO sync_stage (table_name, pk, row) VALUES (?, ?, ?) ON CONFLICT (table_name, pk) DO UPDATE SET row = excluded.row');
  for (const row of rows) put.run(row.t, row.k, row.r === null ? null : JSON.stringify(row.r));
}

export function clearStage(db: Db): void {
  stmt(db, 'DELETE FROM sync_stage').run();
}

/** Takes back every captured write of this console's unconfirmed changes, newest first. */
export function undoPending(db: Db): number {
  const entries = stmt(db, 'SELECT sql FROM sync_undo ORDER BY seq DESC').all() as { sql: string }[];
  for (const e of entries) db.$client.prepare(e.sql).run();
  stmt(db, 'DELETE FROM sync_undo').run();
  return entries.length;
}

export function forgetUndo(db: Db): void {
  stmt(db, 'DELETE FROM sync_undo').run();
}

interface TableWriter {
  upsert(row: Record<string, unknown>): void;
  remove(pk: string): void;
}

function writerFor(db: Db, info: SyncedTableInfo): TableWriter {
  const cols = info.columns.map((c) => `"${c}"`).join(', ');
  const marks = info.columns.map(() => '?').join(', ');
  const updates = info.columns
    .filter((c) => !info.primaryKey.includes(c))
    .map((c) => `"${c}" = excluded."${c}"`)
    .join(', ');
  const conflict = info.primaryKey.map((c) => `"${c}"`).join(', ');
  const upsert = stmt(db, `INSERT INTO "${info.name}" (${cols}) VALUES (${marks}) ON CONFLICT (${conflict}) DO ${updates ? `UPDATE SET ${updates}` : 'NOTHING'}`);
  const remove = stmt(db, `DELETE FROM "${info.name}" WHERE ${info.primaryKey.map((c) => `"${c}" = ?`).join(' AND ')}`);
  return {
    upsert(row) {
      upsert.run(...info.columns.map((c) => sqliteValue(row[c])));
    },
    remove(pk) {
      remove.run(...(info.primaryKey.length === 1 ? [pk] : (JSON.parse(pk) as unknown[])));
    },
  };
}

/** jsonb hands back numbers, strings and null for every column kind the shared tables use. */
function sqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** Drops every shared row (a clean reset before a pull from version 0). */
export function clearSharedTables(db: Db): void {
  for (const info of [...SYNCED_TABLE_INFO].reverse()) db.$client.prepare(`DELETE FROM "${info.name}"`).run();
}

/** Writes the staged rows into the shared tables; returns how many rows were written per table. */
export function applyStage(db: Db): Map<string, number> {
  const writers = new Map<string, TableWriter>();
  const counts = new Map<string, number>();
  const byName = new Map(SYNCED_TABLE_INFO.map((t) => [t.name, t]));
  const rows = stmt(db, 'SELECT table_name AS t, pk AS k, row AS r FROM sync_stage').iterate() as IterableIterator<{ t: string; k: string; r: string | null }>;
  const pending: { t: string; k: string; r: string | null }[] = [];
  for (const row of rows) pending.push(row); // cannot write other tables while iterating in better-sqlite3
  for (const row of pending) {
    const info = byName.get(row.t);
    if (!info) continue; // a table this console does not know yet (a newer server): nothing to show it in
    let writer = writers.get(row.t);
    if (!writer) writers.set(row.t, (writer = writerFor(db, info)));
    if (row.r === null) writer.remove(row.k);
    else writer.upsert(JSON.parse(row.r) as Record<string, unknown>);
    counts.set(row.t, (counts.get(row.t) ?? 0) + 1);
  }
  return counts;
}

/** Marks this console's mutations the server has taken: refused ones with its reason, the rest applied. */
export function settleTaken(db: Db, lastMutationId: number, refusals: readonly Refusal[]): void {
  const refuse = stmt(db, `UPDATE outbox SET status = 'refused', error = ? WHERE mutation_id = ? AND status = 'pending'`);
  for (const r of refusals) {
    if (r.id > lastMutationId) continue;
    refuse.run(JSON.stringify({ code: r.code, message: r.message, ...(r.details ? { details: r.details } : {}) }), r.id);
  }
  stmt(db, `UPDATE outbox SET status = 'applied' WHERE status = 'pending' AND mutation_id <= ?`).run(lastMutationId);
}
