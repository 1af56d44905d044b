/*
 * What the store driver, the auth code and the sync code need of a database connection or transaction,
 * whichever database answers it (PGlite or PostgreSQL: ./open.ts).
 */

export interface QueryResult<R = Record<string, unknown>> {
  rows: R[];
  rowCount: number;
}

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs several statements without parameters in one round trip (no results). */
  script(sql: string): Promise<void>;
  /**
   * True when queries sent without waiting are pipelined on one connection, in order: a transaction,
   * on a real PostgreSQL connection or on PGlite's wire protocol.
   */
  readonly pipelined?: boolean;
}
