import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as s from './schema';

/*
 * The tables a team shares through the server (every named mutation writes only these), with their
 * columns and primary keys as the sync code needs them. Everything else in the console's database is
 * device-local (outbox, preferences, credentials, sync state) or derived locally (queue_counts).
 */

const TABLES: readonly SQLiteTable[] = [
  s.users,
  s.customers,
  s.callbacks,
  s.callAttempts,
  s.dncEntries,
  s.auditLog,
  s.importBatches,
  s.settings,
  s.scripts,
  s.scriptVersions,
  s.surveyResponses,
  s.surveyAnswers,
  s.tickets,
  s.ticketEvents,
  s.calendarVersions,
  s.vouchers,
  s.voucherEvents,
  s.notifications,
  s.faqEntries,
  s.faqRevisions,
  s.faqSources,
];

export interface SyncedTableInfo {
  name: string;
  /** Column names as stored (snake_case), in declaration order. */
  columns: readonly string[];
  /** Primary-key columns; a composite key travels as a JSON array of its values, in this order. */
  primaryKey: readonly string[];
}

export const SYNCED_TABLE_INFO: readonly SyncedTableInfo[] = TABLES.map((table) => {
  const config = getTableConfig(table);
  const composite = config.primaryKeys[0]?.columns.map((c) => c.name);
  return {
    name: config.name,
    columns: config.columns.map((c) => c.name),
    primaryKey: composite ?? config.columns.filter((c) => c.primary).map((c) => c.name),
  };
});

export const SYNCED_TABLE_NAMES: ReadonlySet<string> = new Set(SYNCED_TABLE_INFO.map((t) => t.name));

/**
 * The undo-capture triggers of one table (SQLite's undo/redo technique, sqlite.org/undoredo.html):
 * each write of a row appends the statement that takes it back, while capture is on.
 */
export function undoTriggersSql(info: SyncedTableInfo): string[] {
  const q = (c: string) => `"${c}"`;
  const gate = `WHEN (SELECT value FROM local_meta WHERE key = 'sync.capture') = '1'`;
  const name = info.name;
  const restoreUpdate = info.columns.map((c) => `'${q(c)}=' || quote(old.${q(c)})`).join(` || ',' || `);
  const restoreInsert = info.columns.map((c) => `quote(old.${q(c)})`).join(` || ',' || `);
  return [
    `CREATE TRIGGER ${name}_undo_insert AFTER INSERT ON ${q(name)} ${gate} BEGIN
  INSERT INTO sync_undo (sql) VALUES ('DELETE FROM ${q(name)} WHERE rowid=' || new.rowid);
END`,
    `CREATE TRIGGER ${name}_undo_update AFTER UPDATE ON ${q(name)} ${gate} BEGIN
  INSERT INTO sync_undo (sql) VALUES ('UPDATE ${q(name)} SET ' || ${restoreUpdate} || ' WHERE rowid=' || old.rowid);
END`,
    `CREATE TRIGGER ${name}_undo_delete AFTER DELETE ON ${q(name)} ${gate} BEGIN
  INSERT INTO sync_undo (sql) VALUES ('INSERT INTO ${q(name)} (rowid,${info.columns.map(q).join(',')}) VALUES (' || old.rowid || ',' || ${restoreInsert} || ')');
END`,
  ];
}
