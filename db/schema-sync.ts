import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/*
 * Device-local sync state (never synced, never in the outbox).
 */

/**
 * How to take back this console's unconfirmed changes: one statement per row written while capture is
 * on, filled by triggers on every shared table (migration 0010, generated from the schema). Before
 * pulled rows are applied the log is run backwards, so the pulled state lands on the server's truth,
 * and the still-pending mutations are applied again on top.
 */
export const syncUndo = sqliteTable('sync_undo', {
  seq: integer('seq').primaryKey(),
  sql: text('sql').notNull(),
});

/** Pages of a pull in progress (resumable after a restart), applied in one transaction after the last. */
export const syncStage = sqliteTable(
  'sync_stage',
  {
    tableName: text('table_name').notNull(),
    pk: text('pk').notNull(),
    /** The row image as binary JSON (JSONB; JSON text if staged by an older console), or null for a deleted row. */
    row: text('row'),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.pk] })],
);

/**
 * This console's sign-ins on the central server, per user: the refresh token lets the console push a
 * colleague's unsent work under that colleague's own identity after they have left the seat. Removed
 * (and the token revoked) once a signed-out user's work is sent.
 */
export const syncSessions = sqliteTable('sync_sessions', {
  userId: text('user_id').primaryKey(),
  refreshToken: text('refresh_token').notNull(),
  accessToken: text('access_token'),
  accessExpiresAt: integer('access_expires_at'),
  signedOutAt: integer('signed_out_at'),
  updatedAt: integer('updated_at').notNull(),
});
