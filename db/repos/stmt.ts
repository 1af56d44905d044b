import type Database from 'better-sqlite3';
import type { Db } from '../open';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Prepared statements are compiled once per connection; hot paths (the queue) depend on it. */
export function stmt(db: Db, sql: string): Database.Statement {
  const client = db.$client;
  let map = cache.get(client);
  if (!map) {
    map = new Map();
    cache.set(client, map);
  }
  let prepared = map.get(sql);
  if (!prepared) {
    prepared = client.prepare(sql);
    map.set(sql, prepared);
  }
  return prepared;
}

/** Callbacks waiting for the outermost transaction of a connection to commit (see whenCommitted). */
const onCommit = new WeakMap<Database.Database, Set<(db: Db) => void>>();

/**
 * Runs `fn` in one SQLite transaction (nested calls join the outer one). Callbacks queued with
 * whenCommitted run once the outermost one has committed; a rollback drops them.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  const client = db.$client;
  if (client.inTransaction) return fn();
  const queued = new Set<(db: Db) => void>();
  onCommit.set(client, queued);
  let result: T;
  try {
    // IMMEDIATE takes the write lock up front: a second writer waits (busy timeout) instead of failing mid-action.
    result = client.transaction(fn).immediate();
  } finally {
    onCommit.delete(client);
  }
  for (const callback of queued) callback(db);
  return result;
}

/**
 * Runs `callback(db)` after the current transaction commits: at once outside a transaction (or inside one
 * this module did not open, where early is the safe side for what it is meant for: forgetting caches).
 * The same callback queued twice in one transaction runs once.
 */
export function whenCommitted(db: Db, callback: (db: Db) => void): void {
  const queued = onCommit.get(db.$client);
  if (queued) queued.add(callback);
  else callback(db);
}
