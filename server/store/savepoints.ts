import type { Queryable } from '../database/open';

/**
 * One savepoint per mutation of a batch, so a refused mutation is rolled back alone, at no round trip of
 * its own: the release of a mutation that went through and the savepoint of the next one travel together,
 * and on a pipelining connection they are sent without waiting, ahead of the mutation's first statement.
 * A refusal rolls back to the savepoint and leaves it in place for the next one; the commit releases the
 * last. Inside a transaction the caller holds.
 *
 * If the savepoint statement itself failed, rolling back to "m" would reach the previous mutation's
 * savepoint and silently undo a mutation already reported as applied: `kept` and `undo` therefore
 * surface that failure, which fails the whole batch (nothing of it commits; the console sends it again).
 */
export class SavepointCycle {
  private state: 'none' | 'clean' | 'used' = 'none';
  private sent: Promise<void> = Promise.resolve();

  constructor(private readonly tx: Queryable) {}

  /** Before a mutation: a fresh savepoint to roll back to. */
  async begin(): Promise<void> {
    const statement = this.state === 'none' ? 'SAVEPOINT m' : this.state === 'used' ? 'RELEASE SAVEPOINT m; SAVEPOINT m' : undefined;
    this.state = 'clean';
    if (!statement) return;
    this.sent = this.tx.script(statement);
    // Answered before any statement queued behind it; `kept` or `undo` reads the answer.
    this.sent.catch(() => undefined);
    if (!this.tx.pipelined) await this.sent;
  }

  /** The mutation went through: its writes stay (released with the next begin, or by the commit). */
  async kept(): Promise<void> {
    await this.sent;
    this.state = 'used';
  }

  /** The mutation was refused: everything it wrote is undone; the savepoint stays for the next one. */
  async undo(): Promise<void> {
    await this.sent;
    await this.tx.query('ROLLBACK TO SAVEPOINT m');
    this.state = 'clean';
  }
}
