import { AppError } from '../../../core/contract/result';
import { applyMutation, parseMutationArgs } from '../../../core/mutations/registry';
import type { MutationName } from '../../../core/sync/mutations';
import type { PullReply } from '../../../core/sync/protocol';
import type { Db } from '../../../db/open';
import { inTransaction } from '../../../db/repos/stmt';
import { applyStage, clearSharedTables, clearStage, pendingMutations, setSyncMeta, settleTaken, undoPending } from '../../../db/repos/sync';
import { onSqlite } from '../../../db/store';
import { committed } from '../mutations/registry';

/*
 * Lands a finished pull in ONE transaction, Replicache-style: this console's unconfirmed changes are
 * taken back (the undo log), the server's rows are written, the mutations the server has taken are
 * settled (applied, or refused into "Needs attention"), and the ones it has not seen yet are applied
 * again on top. The screen then shows the server's truth plus this console's pending work; a crash at
 * any point leaves the database as it was before.
 */

export interface Landed {
  rows: number;
  /** Pending mutations applied again on top of the pulled state. */
  reapplied: number;
  /** Pending mutations that no longer apply here (the server will answer for them). */
  notReapplied: number;
}

export function landPull(db: Db, last: PullReply, reset: boolean): Landed {
  return inTransaction(db, () => {
    setSyncMeta(db, 'sync.capture', '0');
    undoPending(db);
    // Rows arrive in version order, not in the order their foreign keys need.
    db.$client.pragma('defer_foreign_keys = ON');
    if (reset) clearSharedTables(db);
    let rows = 0;
    for (const n of applyStage(db).values()) rows += n;
    clearStage(db);
    settleTaken(db, last.lastMutationId, last.refusals);
    setSyncMeta(db, 'sync.capture', '1');
    const { reapplied, notReapplied } = reapplyPending(db);
    setSyncMeta(db, 'sync.cookie', String(last.head));
    setSyncMeta(db, 'sync.refusalsAfter', String(last.lastMutationId));
    setSyncMeta(db, 'sync.pullAfter', null);
    setSyncMeta(db, 'sync.pullTotal', null);
    // Pulled rows (customers in new time zones…) are written data like any mutation's: caches forget.
    committed(db);
    return { rows, reapplied, notReapplied };
  });
}

function reapplyPending(db: Db): { reapplied: number; notReapplied: number } {
  let reapplied = 0;
  let notReapplied = 0;
  for (const entry of pendingMutations(db, Number.MAX_SAFE_INTEGER)) {
    db.$client.prepare('SAVEPOINT reapply').run();
    try {
      const name = entry.name as MutationName;
      onSqlite(db, applyMutation(name, parseMutationArgs(name, JSON.parse(entry.args)), 'local'));
      db.$client.prepare('RELEASE reapply').run();
      reapplied++;
    } catch (error) {
      db.$client.prepare('ROLLBACK TO reapply').run();
      db.$client.prepare('RELEASE reapply').run();
      // Someone else's change got there first (a lease, a budget): the server will refuse it and the
      // author sees it in "Needs attention"; until then it is not shown as done.
      if (!(error instanceof AppError)) throw error;
      notReapplied++;
    }
  }
  return { reapplied, notReapplied };
}
