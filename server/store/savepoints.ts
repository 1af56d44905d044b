import type { Q } from '../../core/store/sql';
import type { Queryable } from '../database/open';
import { onPgDeferred, type TransactionMemo } from './pg';

export type Taken<V, E = unknown> = { ok: true; value: V } | { ok: false; error: E };

/**
 * Runs units of store work one after another in a transaction the caller holds, each in its own
 * savepoint, so a unit a rule refuses is rolled back alone and reported while the others commit
 * together. `refusalOf` turns a failure that is a unit's answer (a rule, a constraint) into what is
 * reported for it, and returns null for any other failure, which fails the whole sequence: nothing of
 * it may commit.
 *
 * On a pipelining connection nothing here waits on its own: the savepoint of each unit and the writes
 * of the unit before it travel ahead of the unit's first read, and a unit's writes are known to be
 * answered only when the next unit's first read is (or at the end). So a unit that failed in a write
 * nobody read is found out one unit late: the later unit ran on an aborted transaction, the savepoint
 * sent before it failed with it, and a rollback to "m" therefore lands on the failed unit's own
 * savepoint; that unit is refused and the later one runs again from scratch. A savepoint statement that
 * failed while every write before it went through would make that rollback undo a unit already taken,
 * so it fails the sequence instead.
 */
export async function inSavepoints<V, E>(
  tx: Queryable,
  count: number,
  work: (index: number) => Q<V>,
  refusalOf: (error: unknown) => E | null,
  memo?: TransactionMemo,
): Promise<Taken<V, E>[]> {
  const out: Taken<V, E>[] = [];
  /** Whether "m" exists and holds no writes yet (so the next unit needs no new savepoint). */
  let clean = false;
  let started = false;
  /** The last unit that went through, until its savepoint and its writes are known to be answered. */
  let unsettled: { index: number; savepoint: Promise<void>; writes: Promise<void> } | null = null;

  const rollBack = async () => {
    await tx.query('ROLLBACK TO SAVEPOINT m');
    clean = true;
    // What a rolled-back unit read or wrote may be gone with it.
    memo?.clear();
  };
  const refuse = (index: number, error: unknown) => {
    const refusal = refusalOf(error);
    if (refusal === null) throw error;
    out[index] = { ok: false, error: refusal };
  };
  /**
   * Settles the unit that went through last: true when it held. Its savepoint was sent after every
   * unit before it was settled, so a failed savepoint is its own failure, and the sequence's.
   */
  const settleLast = async (): Promise<{ index: number; error: unknown } | null> => {
    const last = unsettled;
    unsettled = null;
    if (!last) return null;
    const savepointFailure = await failureOf(last.savepoint);
    if (savepointFailure) throw savepointFailure.error;
    const writeFailure = await failureOf(last.writes);
    return writeFailure ? { index: last.index, error: writeFailure.error } : null;
  };

  for (let index = 0; index < count; index++) {
    let savepoint: Promise<void> = Promise.resolve();
    if (!clean) {
      savepoint = tx.script(started ? 'RELEASE SAVEPOINT m; SAVEPOINT m' : 'SAVEPOINT m');
      savepoint.catch(() => undefined); // read below, after the unit's own statements
      started = true;
      if (!tx.pipelined) await savepoint;
    }
    clean = false;
    let result: { ok: true; value: V; settled: Promise<void> } | { ok: false; error: unknown };
    try {
      result = { ok: true, ...(await onPgDeferred(tx, work(index), memo)) };
    } catch (error) {
      result = { ok: false, error };
    }
    const failedBefore = await settleLast();
    if (failedBefore) {
      // This unit ran after that failure, on an aborted transaction, and its savepoint failed with it:
      // let its statements drain, undo the failed unit (its savepoint is the one standing), run this one again.
      if (result.ok) await failureOf(result.settled);
      await rollBack();
      refuse(failedBefore.index, failedBefore.error);
      index--;
      continue;
    }
    if (!result.ok) {
      const savepointFailure = await failureOf(savepoint);
      if (savepointFailure) throw savepointFailure.error;
      await rollBack();
      refuse(index, result.error);
      continue;
    }
    out[index] = { ok: true, value: result.value };
    unsettled = { index, savepoint, writes: result.settled };
  }
  const failedLast = await settleLast();
  if (failedLast) {
    await rollBack();
    refuse(failedLast.index, failedLast.error);
  }
  return out;
}

function failureOf(p: Promise<unknown>): Promise<{ error: unknown } | null> {
  return p.then(
    () => null,
    (error: unknown) => ({ error }),
  );
}
