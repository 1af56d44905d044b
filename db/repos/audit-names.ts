import type { Db } from '../open';
import { ticketCode } from '../../core/tickets/summary';
import { stmt } from './stmt';

/*
 * Display names for the ids an audit entry's details refer to (the customer of a voucher, who requested
 * it, a ticket, a user…), so the log reads "批准了 王芳 申请的…" instead of "requestedBy: 019f…". One
 * query per kind of record for a whole page of entries. Read only.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id-looking string in the details of these entries (top level and inside arrays). */
export function referencedIds(details: readonly Record<string, unknown>[]): string[] {
  const ids = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string' && UUID.test(v)) ids.add(v);
  };
  for (const d of details) {
    for (const v of Object.values(d)) {
      if (Array.isArray(v)) v.forEach(add);
      else add(v);
    }
  }
  return [...ids];
}

/** id → what a person calls it: a user's or customer's name, a ticket's code, a voucher's code, an FAQ question. */
export function namesOf(db: Db, ids: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (ids.length === 0) return out;
  const json = JSON.stringify(ids);
  const rows = stmt(
    db,
    `WITH wanted(id) AS (SELECT value FROM json_each(@ids))
     SELECT u.id, u.name AS name, 'user' AS kind FROM users u JOIN wanted w ON w.id = u.id
     UNION ALL SELECT c.id, c.name, 'customer' FROM customers c JOIN wanted w ON w.id = c.id
     UNION ALL SELECT t.id, t.id, 'ticket' FROM tickets t JOIN wanted w ON w.id = t.id
     UNION ALL SELECT v.id, v.code, 'voucher' FROM vouchers v JOIN wanted w ON w.id = v.id
     UNION ALL SELECT e.id, (SELECT r.question_zh FROM faq_revisions r WHERE r.entry_id = e.id ORDER BY r.revision DESC LIMIT 1), 'faq'
       FROM faq_entries e JOIN wanted w ON w.id = e.id`,
  ).all({ ids: json }) as { id: string; name: string | null; kind: string }[];
  for (const r of rows) {
    if (r.name === null) continue;
    out[r.id] = r.kind === 'ticket' ? ticketCode(r.id) : r.name;
  }
  return out;
}
