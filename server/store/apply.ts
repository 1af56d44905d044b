import { applyMutation, type Acting, type ApplierResult } from '../../core/mutations/registry';
import type { MutationArgs, MutationName } from '../../core/sync/mutations';
import type { Queryable, ServerDb } from '../database/open';
import { onPg, TransactionMemo } from './pg';
import { SavepointCycle } from './savepoints';

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
    const teamId = options.teamId ?? (acting === 'local' ? undefined : await teamOf(tx, acting.actorId));
    // The team's version lock first: its consoles pull these writes, in commit order.
    if (teamId) await tx.query('SELECT sync_begin($1)', [teamId]);
    return applyInTransaction(tx, name, args, acting);
  });
}

async function teamOf(tx: Queryable, accountId: string): Promise<string | undefined> {
  return (await tx.query<{ team_id: string }>('SELECT team_id FROM accounts WHERE id = $1', [accountId])).rows[0]?.team_id;
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

export type BatchOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Applies a batch of mutations in ONE transaction, each inside its own savepoint: a mutation a rule
 * refuses is rolled back alone and reported, the others commit together. One commit for the batch
 * instead of one per mutation is what lets a console's offline backlog drain quickly.
 */
export function applyBatch(
  db: ServerDb,
  items: readonly { name: MutationName; args: unknown; acting: Acting }[],
): Promise<BatchOutcome[]> {
  return db.transaction(async (tx) => {
    const out: BatchOutcome[] = [];
    // Team policy read by one mutation serves the next ones (fewer round trips per mutation).
    const memo = new TransactionMemo();
    const savepoint = new SavepointCycle(tx);
    for (const item of items) {
      await savepoint.begin();
      try {
        const value = await applyInTransaction(tx, item.name, item.args as never, item.acting, memo);
        await savepoint.kept();
        out.push({ ok: true, value });
      } catch (error) {
        await savepoint.undo();
        // What the refused mutation read or wrote may be gone with it.
        memo.clear();
        out.push({ ok: false, error });
      }
    }
    return out;
  });
}
