import { runAsync, type Op, type Params, type Q } from '../../core/store/sql';
import type { Queryable } from '../database/open';

/*
 * The PostgreSQL driver of the store seam (core/store/sql.ts). The appliers' SQL is written once, in
 * the subset both stores accept; this turns its SQLite spellings into PostgreSQL's:
 * `@name` and `?` parameters become `$n`, and null-safe `IS @p` becomes `IS NOT DISTINCT FROM $n`.
 * Quoted strings and identifiers are copied untouched.
 */

interface Translated {
  sql: string;
  /** For each $n, the parameter name (named style) or the index (positional style). */
  order: (string | number)[];
}

const cache = new Map<string, Translated>();

export function translate(sql: string): Translated {
  const hit = cache.get(sql);
  if (hit) return hit;
  const order: (string | number)[] = [];
  const byName = new Map<string, number>();
  let out = '';
  let positional = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const name = /^[A-Za-z_]\w*/.exec(sql.slice(i + 1))![0];
      let n = byName.get(name);
      if (n === undefined) {
        order.push(name);
        n = order.length;
        byName.set(name, n);
      }
      out += `$${n}`;
      i += 1 + name.length;
      continue;
    }
    if (c === '?') {
      order.push(positional++);
      out += `$${order.length}`;
      i += 1;
      continue;
    }
    out += c;
    i += 1;
  }
  // Null-safe equality against a parameter: SQLite's `IS` / `IS NOT` with a value on the right.
  out = out.replace(/\bIS\s+NOT\s+(\$\d+)/g, 'IS DISTINCT FROM $1').replace(/\bIS\s+(\$\d+)/g, 'IS NOT DISTINCT FROM $1');
  const result = { sql: out, order };
  cache.set(sql, result);
  return result;
}

function bind(order: readonly (string | number)[], params: Params): unknown[] {
  if (Array.isArray(params)) return order.map((k) => toPg((params as readonly unknown[])[k as number]));
  const named = params as Record<string, unknown>;
  return order.map((k) => {
    if (typeof k === 'number' || !(k in named)) throw new Error(`Missing SQL parameter ${String(k)}`);
    return toPg(named[k]);
  });
}

const toPg = (v: unknown): unknown => (v === undefined ? null : v);

/**
 * Reads of team policy remembered within one transaction (see CacheTag in core/store/sql.ts): keyed by
 * tag, statement and parameters; a write with the tag forgets that tag, and the owner clears it all when
 * it rolls anything back.
 */
export class TransactionMemo {
  private readonly entries = new Map<string, unknown>();

  read(op: Op & { kind: 'get' | 'all' }, load: () => Promise<unknown>): Promise<unknown> | unknown {
    if (!op.cache) return load();
    const key = `${op.cache}\u0000${op.kind}\u0000${op.sql}\u0000${JSON.stringify(op.params)}`;
    if (this.entries.has(key)) return this.entries.get(key);
    return load().then((value) => {
      this.entries.set(key, value);
      return value;
    });
  }

  forget(tag: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${tag}\u0000`)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Runs one statement of the seam on PostgreSQL. */
export async function execOnPg(q: Queryable, op: Op, memo?: TransactionMemo): Promise<unknown> {
  if (memo && op.kind !== 'run' && op.cache) return memo.read(op, () => execOnPg(q, op));
  if (memo && op.kind === 'run' && op.invalidates) memo.forget(op.invalidates);
  const t = translate(op.sql);
  const result = await q.query(t.sql, bind(t.order, op.params));
  switch (op.kind) {
    case 'get':
      return result.rows[0];
    case 'all':
      return result.rows;
    case 'run':
      return result.rowCount;
  }
}

/**
 * Drives a unit of store work on PostgreSQL (call inside a transaction for anything that writes).
 *
 * On a pipelining connection, a write whose answer nobody reads (`write` in core/store/sql.ts) is sent
 * without waiting: the statements after it queue behind it on the same connection, so PostgreSQL runs
 * them in order and a mutation costs one round trip per read instead of one per statement. A failed
 * write aborts the transaction, so whatever follows it fails too; the first failure is what the unit of
 * work throws (into the applier at its next statement, or at its end), and nothing returns before every
 * write it sent has been answered.
 */
export async function onPg<T>(q: Queryable, work: Q<T>, memo?: TransactionMemo): Promise<T> {
  const { value, settled } = await onPgDeferred(q, work, memo);
  await settled;
  return value;
}

/**
 * The same, but returns as soon as the work is done, with `settled`: answered once every write it sent
 * is, failing with the first write's failure. The caller must await `settled` before it reports the
 * work as done; in the meantime it may send more statements, which queue behind those writes (see
 * inSavepoints in ./savepoints.ts, which saves a batch one round trip per mutation this way).
 */
export async function onPgDeferred<T>(q: Queryable, work: Q<T>, memo?: TransactionMemo): Promise<{ value: T; settled: Promise<void> }> {
  if (!q.pipelined) return { value: await runAsync(work, (op) => Promise.resolve(execOnPg(q, op, memo))), settled: Promise.resolve() };
  const sent: Promise<void>[] = [];
  let firstFailure: { error: unknown } | undefined;
  const settle = async () => {
    await Promise.all(sent.splice(0));
    if (firstFailure) throw firstFailure.error;
  };
  const exec = async (op: Op): Promise<unknown> => {
    if (op.kind === 'run' && op.blind) {
      if (firstFailure) throw firstFailure.error;
      sent.push(
        execOnPg(q, op, memo).then(
          () => undefined,
          (error: unknown) => void (firstFailure ??= { error }),
        ),
      );
      return undefined;
    }
    try {
      return await execOnPg(q, op, memo);
    } catch (error) {
      await settle();
      throw error;
    }
  };
  let value: T;
  try {
    value = await runAsync(work, exec);
  } catch (error) {
    // Every write answered before the caller rolls back; an earlier write's failure is the cause.
    await Promise.all(sent.splice(0));
    throw firstFailure ? firstFailure.error : error;
  }
  const settled = settle();
  settled.catch(() => undefined); // the caller reads it; never an unhandled rejection meanwhile
  return { value, settled };
}
