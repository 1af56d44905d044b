/*
 * The store seam the named-mutation appliers are written against.
 *
 * An applier is a generator: every read or write it needs is yielded as a statement (`Op`), and the
 * store that drives it answers. The console drives appliers synchronously on better-sqlite3, inside
 * one `BEGIN IMMEDIATE` transaction, with no await anywhere on its hot path; the server drives the
 * same generators asynchronously on PostgreSQL (PGlite or a real server), inside one transaction per
 * mutation. One implementation of every rule, two drivers (the style of gensync).
 *
 * The SQL is the portable subset both stores accept, and the drivers translate only what must differ:
 * - parameters are `@name` (or positional `?`); the PostgreSQL driver numbers them `$1…`;
 * - aliases that need upper case are quoted (`AS "customerId"`), since PostgreSQL folds bare names;
 * - `x IS @p` / `x IS NOT @p` (null-safe equality) become `IS [NOT] DISTINCT FROM` on PostgreSQL;
 * - lists are expanded into parameters with `inList` (no json_each), integers are stored as bigint
 *   and read back as numbers, JSON is stored as text and parsed by the caller.
 * Nothing here touches a driver: core stays pure.
 */

/** Named parameters (an object of `@name` values) or positional ones (an array for `?`). */
export type Params = object;

export type Op =
  | { kind: 'get'; sql: string; params: Params; cache?: CacheTag }
  | { kind: 'all'; sql: string; params: Params; cache?: CacheTag }
  | { kind: 'run'; sql: string; params: Params; invalidates?: CacheTag; blind?: true };

/**
 * Team policy that nearly every mutation reads and almost none writes. A driver that applies many
 * mutations in one transaction (the server's batches) may answer a read with this tag from what it read
 * earlier in the same transaction, until a write with the same tag (or a rollback) drops it.
 */
export type CacheTag = 'settings' | 'calendar' | 'users' | 'scripts';

/** A unit of store work that yields statements and returns T. */
export type Q<T> = Generator<Op, T, unknown>;

/** The first row, or undefined. */
export function* get<T>(sql: string, params: Params = [], cache?: CacheTag): Q<T | undefined> {
  return (yield { kind: 'get', sql, params, cache }) as T | undefined;
}

/** Every row. */
export function* all<T>(sql: string, params: Params = [], cache?: CacheTag): Q<T[]> {
  return (yield { kind: 'all', sql, params, cache }) as T[];
}

/** Runs a write; returns how many rows it changed. */
export function* run(sql: string, params: Params = [], invalidates?: CacheTag): Q<number> {
  return (yield { kind: 'run', sql, params, invalidates }) as number;
}

/**
 * Runs a write whose answer nobody reads: no count comes back. A driver may send it without waiting for
 * it (the server pipelines such writes behind the reads that follow, one round trip saved per write); its
 * failure still fails the unit of work, at a later statement or at its end, before anything commits.
 * So use it only where no code depends on catching the write's own error at that point.
 */
export function* write(sql: string, params: Params = [], invalidates?: CacheTag): Q<void> {
  yield { kind: 'run', sql, params, invalidates, blind: true };
}

/**
 * `IN (…)` over a list, as named parameters `@prefix0, @prefix1…` (portable, unlike json_each).
 * An empty list matches nothing.
 */
export function inList(prefix: string, values: readonly unknown[]): { sql: string; params: Record<string, unknown> } {
  if (values.length === 0) return { sql: '(NULL)', params: {} };
  const params: Record<string, unknown> = {};
  const names = values.map((v, i) => {
    params[`${prefix}${i}`] = v;
    return `@${prefix}${i}`;
  });
  return { sql: `(${names.join(', ')})`, params };
}

/** Drives a unit of store work to its end with a synchronous executor (the console's SQLite). */
export function runSync<T>(work: Q<T>, exec: (op: Op) => unknown): T {
  let step = work.next();
  while (!step.done) {
    let answer: unknown;
    try {
      answer = exec(step.value);
    } catch (error) {
      step = work.throw(error);
      continue;
    }
    step = work.next(answer);
  }
  return step.value;
}

/** Drives a unit of store work with an asynchronous executor (the server's PostgreSQL). */
export async function runAsync<T>(work: Q<T>, exec: (op: Op) => Promise<unknown>): Promise<T> {
  let step = work.next();
  while (!step.done) {
    let answer: unknown;
    try {
      answer = await exec(step.value);
    } catch (error) {
      step = work.throw(error);
      continue;
    }
    step = work.next(answer);
  }
  return step.value;
}
