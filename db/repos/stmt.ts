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

/** Runs `fn` in one SQLite transaction (nested calls join the outer one). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  if (db.$client.inTransaction) return fn();
  // IMMEDIATE takes the write lock up front: a second writer waits (busy timeout) instead of failing mid-action.
  return db.$client.transaction(fn).immediate();
}
