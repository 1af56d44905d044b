import type { Queryable } from '../database/open';

/**
 * One savepoint per mutation of a batch, so a refused mutation is rolled back alone, at one round trip
 * per mutation instead of two: the release of a mutation that went through and the savepoint of the next
 * one travel together, a refusal rolls back to the savepoint and leaves it in place for the next one, and
 * the commit releases the last. Inside a transaction the caller holds.
 */
export class SavepointCycle {
  private state: 'none' | 'clean' | 'used' = 'none';

  constructor(private readonly tx: Queryable) {}

  /** Before a mutation: a fresh savepoint to roll back to. */
  async begin(): Promise<void> {
    if (this.state === 'none') await this.tx.query('SAVEPOINT m');
    else if (this.state === 'used') await this.tx.script('RELEASE SAVEPOINT m; SAVEPOINT m');
    this.state = 'clean';
  }

  /** The mutation went through: its writes stay (released with the next begin, or by the commit). */
  kept(): void {
    this.state = 'used';
  }

  /** The mutation was refused: everything it wrote is undone; the savepoint stays for the next one. */
  async undo(): Promise<void> {
    await this.tx.query('ROLLBACK TO SAVEPOINT m');
    this.state = 'clean';
  }
}
