import type { CallbackFacts, ConsentState, CustomerFacts, Priority } from '../../core/domain/model';
import type { CallbackRecord } from '../../core/domain/records';
import type { Db } from '../open';
import { CALLABLE_SQL } from './callable-sql';
import { stmt } from './stmt';
import * as store from '../../core/store/callbacks';
import { onDb } from '../store';
import { CALLBACK_COLUMNS } from '../../core/store/callbacks';

/** The callback this agent currently holds, if its lease is still running. */
export function activeLeaseOf(db: Db, agentId: string, now: number): CallbackRecord | undefined {
  return stmt(
    db,
    `SELECT ${CALLBACK_COLUMNS} FROM callbacks cb
      WHERE cb.lease_agent_id = ? AND cb.lease_expires_at > ? AND cb.state = 'open'
      ORDER BY cb.lease_expires_at DESC LIMIT 1`,
  ).get(agentId, now) as CallbackRecord | undefined;
}

export interface PickParams {
  now: number;
  agentId: string;
  zones: string[];
}

/** The picked callback with the facts the core guard needs about it and its customer, from the pick's own row. */
export interface PickCandidate {
  callback: CallbackFacts;
  customer: CustomerFacts & { capUntil: number | null };
}

// The columns electron/services/facts.ts maps from full records (toCallbackFacts, toCustomerFacts), read
// as an array (better-sqlite3 raw mode): building a keyed object costs about a microsecond per column.
const PICK_COLUMNS = `cb.id, cb.reason, cb.priority, cb.due_at, cb.state, cb.lease_agent_id, cb.lease_expires_at, cb.created_at,
  c.id, c.phone_status, c.timezone, c.consent_service, c.consent_survey, c.consent_marketing, c.dnc_until, c.cap_until`;

type PickRow = [
  id: string,
  reason: CallbackFacts['reason'],
  priority: Priority,
  dueAt: number | null,
  state: CallbackFacts['state'],
  leaseAgentId: string | null,
  leaseExpiresAt: number | null,
  createdAt: number,
  customerId: string,
  phoneStatus: CustomerFacts['phoneStatus'],
  timezone: string,
  consentService: ConsentState,
  consentSurvey: ConsentState,
  consentMarketing: ConsentState,
  dncUntil: number | null,
  capUntil: number | null,
];

const toCandidate = (r: PickRow): PickCandidate => ({
  callback: { id: r[0], reason: r[1], priority: r[2], dueAt: r[3], state: r[4], leaseAgentId: r[5], leaseExpiresAt: r[6], createdAt: r[7] },
  customer: {
    id: r[8],
    phoneStatus: r[9],
    timezone: r[10],
    consents: { service: r[11], survey: r[12], marketing: r[13] },
    dncUntil: r[14],
    capUntil: r[15],
  },
});

/** How many index rows of a range "next" walks before it seeks each open zone's range instead. */
export const PICK_HEAD_ROWS = 64;

interface PickRange {
  /** The range's rows in queue order (the index), and the same per zone. */
  index: string;
  zoneIndex: string;
  where: string;
  /** The index's order columns after priority (and zone), i.e. the queue order within the range. */
  keys: readonly string[];
}

const RANGES: readonly PickRange[] = [
  {
    index: 'callbacks_queue_due',
    zoneIndex: 'callbacks_queue_zone_due',
    where: `cb.state = 'open' AND cb.due_at IS NOT NULL AND cb.priority = @priority`,
    keys: ['cb.due_at', 'cb.created_at', 'cb.id'],
  },
  {
    index: 'callbacks_queue_asap',
    zoneIndex: 'callbacks_queue_zone_asap',
    where: `cb.state = 'open' AND cb.due_at IS NULL AND cb.priority = @priority`,
    keys: ['cb.created_at', 'cb.id'],
  },
];

/**
 * The most urgent callable callback, in the order of core/rules/queue-order.ts: each priority's overdue
 * range first, then each priority's as-soon-as-callable rows. The row carries the guard's facts, so the
 * caller can re-check it without reading it again.
 *
 * Each range is first walked in queue order, but only over its first PICK_HEAD_ROWS index rows (by day
 * the first callable row is almost always among them: one short seek). When the whole head is not
 * callable — at night most rows belong to zones whose calling window is closed — the range is instead
 * sought once per open zone (callbacks.timezone copies the customer's zone) and the earliest of those
 * picks is the range's pick, exactly as the plain walk would have found it.
 */
export function pickNextCandidate(db: Db, p: PickParams, skipIds: readonly string[] = []): PickCandidate | undefined {
  if (p.zones.length === 0) return undefined;
  const params = { now: p.now, agentId: p.agentId, zones: JSON.stringify(p.zones), skip: JSON.stringify(skipIds) };
  // Cached statement texts per range: without the skip clause (first try) and with it (after a rejection).
  const skip = skipIds.length > 0 ? 'AND cb.id NOT IN (SELECT value FROM json_each(@skip))' : '';
  for (const range of RANGES) {
    const order = range.keys.join(', ');
    const overdue = range.keys[0] === 'cb.due_at' ? 'AND cb.due_at <= @now' : '';
    const bounds = range.keys.map((_, i) => `@k${i}`).join(', ');
    // The key of the range's last head row; none when the whole range is shorter than the head.
    const headEnd = stmt(
      db,
      `SELECT ${order} FROM callbacks cb INDEXED BY ${range.index} WHERE ${range.where} ${overdue}
        ORDER BY ${order} LIMIT 1 OFFSET ${PICK_HEAD_ROWS - 1}`,
    ).raw(true);
    const walk = stmt(
      db,
      `SELECT ${PICK_COLUMNS} FROM callbacks cb INDEXED BY ${range.index} CROSS JOIN customers c ON c.id = cb.customer_id
        WHERE ${range.where} ${overdue} AND ${CALLABLE_SQL} ${skip}
        ORDER BY ${order} LIMIT 1`,
    ).raw(true);
    // The head's end bounds the index range itself (a row value on the index's columns after priority).
    const walkHead = stmt(
      db,
      `SELECT ${PICK_COLUMNS} FROM callbacks cb INDEXED BY ${range.index} CROSS JOIN customers c ON c.id = cb.customer_id
        WHERE ${range.where} AND (${order}) <= (${bounds}) AND ${CALLABLE_SQL} ${skip}
        ORDER BY ${order} LIMIT 1`,
    ).raw(true);
    const perZone = stmt(
      db,
      `SELECT ${PICK_COLUMNS} FROM callbacks cb INDEXED BY ${range.zoneIndex} CROSS JOIN customers c ON c.id = cb.customer_id
        WHERE ${range.where} AND cb.timezone = @zone ${overdue} AND ${CALLABLE_SQL} ${skip}
        ORDER BY ${order} LIMIT 1`,
    ).raw(true);
    for (const priority of [1, 2, 3, 4, 5] satisfies Priority[]) {
      const end = headEnd.get({ now: p.now, priority }) as unknown[] | undefined;
      if (!end) {
        const row = walk.get({ ...params, priority }) as PickRow | undefined;
        if (row) return toCandidate(row);
        continue;
      }
      const keyed = Object.fromEntries(end.map((v, i) => [`k${i}`, v]));
      const head = walkHead.get({ ...params, ...keyed, priority }) as PickRow | undefined;
      if (head) return toCandidate(head);
      let best: PickRow | undefined;
      for (const zone of p.zones) {
        const row = perZone.get({ ...params, priority, zone }) as PickRow | undefined;
        if (row && (!best || beforeInRange(row, best))) best = row;
      }
      if (best) return toCandidate(best);
    }
  }
  return undefined;
}

/** Queue order of two picks from the same range (same priority, both overdue or both as-soon-as-callable). */
function beforeInRange(a: PickRow, b: PickRow): boolean {
  if (a[3] !== b[3]) return a[3]! < b[3]!; // due_at (both null in the asap range)
  if (a[7] !== b[7]) return a[7] < b[7];
  return a[0] < b[0];
}

/** The id of pickNextCandidate's callback. */
export function pickNextCallable(db: Db, p: PickParams, skipIds: readonly string[] = []): string | undefined {
  return pickNextCandidate(db, p, skipIds)?.callback.id;
}

// The appliers' reads and writes live in core/store (shared with the server); these run them on this console's SQLite.
export const insertCallback = onDb(store.insertCallback);
export const getCallback = onDb(store.getCallback);
export const setLease = onDb(store.setLease);
export const closeCallback = onDb(store.closeCallback);
export const rescheduleCallback = onDb(store.rescheduleCallback);
export const cancelOpenCallbacks = onDb(store.cancelOpenCallbacks);
export const openDuplicateExists = onDb(store.openDuplicateExists);
export { CALLBACK_COLUMNS };
