import { v7 as uuidv7 } from 'uuid';
import { actorOf, applyMutation, parseMutationArgs, type ApplierResult } from '../../../core/mutations/registry';
import type { MutationArgs, MutationName } from '../../../core/sync/mutations';
import type { Db } from '../../../db/open';
import { appendOutbox, listOutbox } from '../../../db/repos/outbox';
import { inTransaction, whenCommitted } from '../../../db/repos/stmt';
import { onSqlite } from '../../../db/store';

export type { ApplierResult };

/*
 * The post-commit hook. Caches that hold something derived from written data (the queue's list of customer
 * time zones) register how to forget it here, once, next to the cache; every write path calls `committed`
 * after its transaction commits: runMutation, replayOutbox, and sync landing a pull (sync/land.ts). Callers
 * of these never clear a cache themselves.
 */
const invalidations: ((db: Db) => void)[] = [];

/** Registers a cache's invalidation: it runs after every committed write on any database. */
export function onCommitted(invalidate: (db: Db) => void): void {
  invalidations.push(invalidate);
}

/**
 * Data of `db` changed: forgets every registered cache of it, now or (inside a transaction) once the
 * outermost transaction commits. Writes that bypass the mutation runner (tests seeding rows) call it too.
 */
export function committed(db: Db): void {
  whenCommitted(db, forgetCaches);
}

function forgetCaches(db: Db): void {
  for (const invalidate of invalidations) invalidate(db);
}

/**
 * Applies a named mutation on the console's SQLite and appends it to the outbox in the same
 * transaction: either both happen or neither does. Business rule violations throw AppError and roll the
 * whole action back. The services fill the actor arguments from the signed-in session.
 */
export function runMutation<N extends MutationName>(db: Db, name: N, args: MutationArgs<N>, now: number, author?: string): ApplierResult<N> {
  return inTransaction(db, () => {
    const result = onSqlite(db, applyMutation(name, args, 'local'));
    // Mutations without an actor argument (answers of a response) name their author explicitly.
    appendOutbox(db, { id: uuidv7(), name, args, createdAt: now, authorId: actorOf(name, args) ?? author ?? null });
    committed(db);
    return result;
  });
}

/** Re-applies another database's outbox, in order, validating every mutation's args on the way. */
export function replayOutbox(target: Db, source: Db): number {
  const entries = listOutbox(source);
  inTransaction(target, () => {
    for (const entry of entries) {
      const name = entry.name as MutationName;
      onSqlite(target, applyMutation(name, parseMutationArgs(name, JSON.parse(entry.args)), 'local'));
    }
    committed(target);
  });
  return entries.length;
}
