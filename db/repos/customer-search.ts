import type { Db } from '../open';
import { stmt } from './stmt';

/*
 * Finding a customer from the new-ticket form: by name, or by the last digits of the phone (never the
 * whole number typed on a shared screen: at least 4 digits, matched at the end). Read only.
 *
 * How it stays fast at 100k customers (measured in test/customer-search.test.ts):
 *  - a name prefix is a range seek on customers_name (name >= q AND name < q + U+FFFF), in name order;
 *  - only when that gives fewer than `limit` rows, a LIKE '%q%' over the names fills up, stopping at the
 *    limit;
 *  - a phone suffix is LIKE '%5678' over customers_phone: SQLite scans that index (no table rows), about
 *    100k short keys, and reads the table only for the matches it returns.
 */

export interface CustomerHit {
  id: string;
  name: string;
  /** E.164; the service masks it before it leaves the back end. */
  phone: string;
  city: string | null;
}

const COLUMNS = 'id, name, phone, city';
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** Digits a phone search is made of: "5678", "138-0013 8000"; null when the query is a name. */
export function phoneDigits(query: string): string | null {
  const compact = query.replace(/[\s\-()+]/g, '');
  return /^\d+$/.test(compact) ? compact : null;
}

export function searchCustomers(db: Db, query: string, limit: number): CustomerHit[] {
  const q = query.trim();
  if (q === '') return [];
  const digits = phoneDigits(q);
  if (digits !== null) {
    if (digits.length < 4) return [];
    return stmt(
      db,
      `SELECT ${COLUMNS} FROM customers INDEXED BY customers_phone WHERE phone LIKE @pattern ESCAPE '\\' ORDER BY name, id LIMIT @limit`,
    ).all({ pattern: `%${escapeLike(digits)}`, limit }) as CustomerHit[];
  }
  const prefix = stmt(db, `SELECT ${COLUMNS} FROM customers WHERE name >= @q AND name < @end ORDER BY name, id LIMIT @limit`).all({
    q,
    end: `${q}\uffff`,
    limit,
  }) as CustomerHit[];
  if (prefix.length >= limit) return prefix;
  const seen = new Set(prefix.map((c) => c.id));
  const inside = stmt(db, `SELECT ${COLUMNS} FROM customers WHERE name LIKE @like ESCAPE '\\' ORDER BY name, id LIMIT @limit`).all({
    like: `%${escapeLike(q)}%`,
    limit: limit + prefix.length,
  }) as CustomerHit[];
  return [...prefix, ...inside.filter((c) => !seen.has(c.id))].slice(0, limit);
}
