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

/**
 * Stages one pull page: `rowsJson` is the page's JSON array of `{t, k, r}` as the server sent it,
 * taken apart by SQLite's JSON functions, so no row becomes a JavaScript object on the way in. Each row
 * image is kept in SQLite's binary JSON (JSONB): the page is parsed once here, and landing reads the
 * columns out of the binary form without parsing text again (half the cost of staging text, measured
 * on 100,000-row pulls; json_extract reads both forms alike, so a stage begun by an older console
 * lands the same). A row staged by an earlier page of the same pull is replaced by the newer image.
 */
export function stagePage(db: Db, rowsJson: string): void {
  // WHERE before ON CONFLICT: SQLite would otherwise read the ON as a join constraint.
  stmt(
    db,
    `INSERT INTO sync_stage (table_name, pk, row)
     SELECT value ->> '$.t', value ->> '$.k', jsonb_extract(value, '$.r') FROM jsonb_each(?) WHERE true
     ON CONFLICT (table_name, pk) DO UPDATE SET row = excluded.row`,
  ).run(rowsJson);
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

/** Drops every shared row (a clean reset before a pull from version 0). */
export function clearSharedTables(db: Db): void {
  for (const info of [...SYNCED_TABLE_INFO].reverse()) db.$client.prepare(`DELETE FROM "${info.name}"`).run();
}

/** Below this many staged rows a table keeps its indexes while the rows land. */
const REBUILD_INDEXES_FROM = 20_000;

/**
 * Writes the staged rows into the shared tables; returns how many rows were written per table. Set-based
 * and inside SQLite (an INSERT … SELECT from the stage per table, no row through JavaScript); a table
 * receiving many rows (a first sync) has its secondary indexes dropped and built again after, which is
 * several times cheaper than keeping them up to date row by row. The caller's transaction covers it all,
 * the DDL included, and foreign keys are deferred to its commit.
 */
export function applyStage(db: Db): Map<string, number> {
  const counts = new Map<string, number>();
  const staged = new Map(
    (stmt(db, 'SELECT table_name AS t, count(*) AS n FROM sync_stage GROUP BY table_name').all() as { t: string; n: number }[]).map((r) => [r.t, r.n]),
  );
  for (const info of SYNCED_TABLE_INFO) {
    const n = staged.get(info.name);
    if (!n) continue; // tables the server sent that this console does not know (a newer server) stay staged
    const indexes = n >= REBUILD_INDEXES_FROM ? dropSecondaryIndexes(db, info.name) : [];
    stageWriter(db, info).run(info.name);
    for (const sql of indexes) db.$client.exec(sql);
    counts.set(info.name, n);
  }
  return counts;
}

function stageWriter(db: Db, info: SyncedTableInfo): { run(table: string): void } {
  const key = (c: string) => `'$."${c}"'`;
  const cols = info.columns.map((c) => `"${c}"`).join(', ');
  const values = info.columns.map((c) => `json_extract(row, ${key(c)})`).join(', ');
  const updates = info.columns
    .filter((c) => !info.primaryKey.includes(c))
    .map((c) => `"${c}" = excluded."${c}"`)
    .join(', ');
  const conflict = info.primaryKey.map((c) => `"${c}"`).join(', ');
  const pkMatch =
    info.primaryKey.length === 1
      ? `"${info.primaryKey[0]}" IN (SELECT pk FROM sync_stage WHERE table_name = ? AND row IS NULL)`
      : `json_array(${conflict}) IN (SELECT pk FROM sync_stage WHERE table_name = ? AND row IS NULL)`;
  const remove = stmt(db, `DELETE FROM "${info.name}" WHERE ${pkMatch}`);
  // WHERE before ON CONFLICT: SQLite would otherwise read the ON as a join constraint.
  const upsert = stmt(
    db,
    `INSERT INTO "${info.name}" (${cols}) SELECT ${values} FROM sync_stage WHERE table_name = ? AND row IS NOT NULL ORDER BY pk
     ON CONFLICT (${conflict}) DO ${updates ? `UPDATE SET ${updates}` : 'NOTHING'}`,
  );
  return {
    run(table) {
      remove.run(table);
      upsert.run(table);
    },
  };
}

/** Drops a table's secondary indexes (not the ones behind its keys) and returns the SQL that makes them again. */
function dropSecondaryIndexes(db: Db, table: string): string[] {
  const indexes = db.$client.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(table) as { name: string; sql: string }[];
  for (const i of indexes) db.$client.exec(`DROP INDEX "${i.name}"`);
  return indexes.map((i) => i.sql);
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
