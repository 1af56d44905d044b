import { runSync, type Op, type Q } from '../core/store/sql';
import type { Db } from './open';
import { stmt } from './repos/stmt';

/*
 * The SQLite driver of the store seam (core/store/sql.ts): each statement an applier yields runs at
 * once on the console's connection (prepared once per connection), so a whole mutation stays one
 * synchronous transaction with no await in it.
 */

export function execOnSqlite(db: Db, op: Op): unknown {
  const statement = stmt(db, op.sql);
  const params = Array.isArray(op.params) ? (op.params as unknown[]) : [op.params];
  switch (op.kind) {
    case 'get':
      return statement.get(...params);
    case 'all':
      return statement.all(...params);
    case 'run':
      return statement.run(...params).changes;
  }
}

/** Runs a unit of store work on the console's database (the caller owns the transaction). */
export function onSqlite<T>(db: Db, work: Q<T>): T {
  return runSync(work, (op) => execOnSqlite(db, op));
}

/** A store-seam function as a repository function taking `db` first, for the console's services. */
export function onDb<A extends unknown[], T>(fn: (...args: A) => Q<T>): (db: Db, ...args: A) => T {
  return (db, ...args) => onSqlite(db, fn(...args));
}
