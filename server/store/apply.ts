import { applyMutation, type Acting, type ApplierResult } from '../../core/mutations/registry';
import type { MutationArgs, MutationName } from '../../core/sync/mutations';
import type { Queryable, ServerDb } from '../database/open';
import { onPg, TransactionMemo } from './pg';
import { inSavepoints, type Taken } from './savepoints';

/**
 * Applies one named mutation on the server's PostgreSQL in its own transaction: the same applier, the
 * same rules and permissions the console ran, with the authenticated user as the actor.
 */
export function applyOnServer<N extends MutationName>(
  db: ServerDb,
  name: N,
  args: MutationArgs<N>,
  acting: Acting,
  options: { teamId?: string } = {},
): Promise<ApplierResult<N>> {
  return db.transaction(async (tx) => {
    // The team's version lock first: its consoles pull these writes, in commit order. The actor's team
    // is looked up in the same statement (one round trip); an actor with no account takes no lock.
    if (options.teamId) await tx.query('SELECT sync_begin($1)', [options.teamId]);
    else if (acting !== 'local') await tx.query('SELECT sync_begin(team_id) FROM accounts WHERE id = $1', [acting.actorId]);
    return applyInTransaction(tx, name, args, acting);
  });
}

/** The same, inside a transaction the caller holds (a sync push applies a batch in one). */
export function applyInTransaction<N extends MutationName>(
  tx: Queryable,
  name: N,
  args: MutationArgs<N>,
  acting: Acting,
  memo?: TransactionMemo,
): Promise<ApplierResult<N>> {
  return onPg(tx, applyMutation(name, args, acting), memo);
}

export type BatchOutcome = Taken<unknown>;

/**
 * Applies a batch of mutations in ONE transaction, each inside its own savepoint: a mutation a rule
 * refuses is rolled back alone and reported, the others commit together. One commit for the batch
 * instead of one per mutation is what lets a console's offline backlog drain quickly.
 */
export function applyBatch(
  db: ServerDb,
  items: readonly { name: MutationName; args: unknown; acting: Acting }[],
): Promise<BatchOutcome[]> {
  return db.transaction((tx) =>
    inSavepoints(
      tx,
      items.length,
      (i) => applyMutation(items[i]!.name, items[i]!.args as never, items[i]!.acting),
      (error) => error, // every failure is that mutation's own answer here
      // Team policy read by one mutation serves the next ones (fewer round trips per mutation).
      new TransactionMemo(),
    ),
  );
}
