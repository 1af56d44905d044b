import { bigint, boolean, index, json, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/*
 * Sync bookkeeping (server-only). A team is the unit of sharing: its version counter orders every
 * transaction that writes the team's data, `sync_changes` keeps the newest image of every row the team
 * wrote (tombstones for deletes) at the version that wrote it, and a console pulls the entries after its
 * cookie. Each console device is one sync client whose mutations are applied exactly once, in order.
 */

/** One row per team: the version of the team's newest committed write transaction. */
export const syncTeams = pgTable('sync_teams', {
  teamId: text('team_id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
  /** Tombstones at or below this version were compacted away: an older cookie gets a clean reset. */
  compactedThrough: bigint('compacted_through', { mode: 'number' }).notNull().default(0),
});

/**
 * The newest image of every shared row per team, written by the capture trigger on each shared table
 * in the writing transaction (so a change cannot be missed or recorded for a write that rolled back).
 * `row` is null for a delete (a tombstone). It is `json`, not `jsonb`: it is only ever written whole and
 * sent whole, and a pull page then copies its text as stored (jsonb had to be printed again for every
 * row of every page, a quarter of the page query's time) in the compact form (no spaces), 6% fewer bytes.
 */
export const syncChanges = pgTable(
  'sync_changes',
  {
    teamId: text('team_id').notNull(),
    tableName: text('table_name').notNull(),
    pk: text('pk').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
    row: json('row'),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.tableName, t.pk] }), index('sync_changes_cursor').on(t.teamId, t.version, t.tableName, t.pk)],
);

/** One console device: its team and the id of the last of its mutations the server has taken. */
export const syncClients = pgTable('sync_clients', {
  clientId: text('client_id').primaryKey(),
  teamId: text('team_id').notNull(),
  lastMutationId: bigint('last_mutation_id', { mode: 'number' }).notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  lastSeenAt: bigint('last_seen_at', { mode: 'number' }).notNull(),
});

/**
 * What became of each pushed mutation, exactly once per (client, id): applied at a version, or refused
 * by a rule with the code and message the console shows in "Needs attention". Client time and receive
 * time both kept: order comes from versions only; the gap reveals clock skew and sync delay.
 */
export const syncMutations = pgTable(
  'sync_mutations',
  {
    clientId: text('client_id').notNull(),
    mutationId: bigint('mutation_id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    authorId: text('author_id').notNull(),
    /** The arguments as pushed: what a supervisor or an auditor reads to see what was asked. */
    args: jsonb('args').notNull(),
    ok: boolean('ok').notNull(),
    /** The team version the mutation's writes carry (null when refused). */
    version: bigint('version', { mode: 'number' }),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    errorDetails: jsonb('error_details'),
    clientTime: bigint('client_time', { mode: 'number' }).notNull(),
    receivedAt: bigint('received_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.mutationId] }), index('sync_mutations_refused').on(t.clientId, t.ok, t.mutationId)],
);
