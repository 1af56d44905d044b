import type { QueueFilter, QueueSort } from '../../core/contract/api';
import type { CallbackRecord, CustomerRecord } from '../../core/domain/records';
import type { Db } from '../open';
import { CALLABLE_SQL } from './callable-sql';
import { CALLBACK_COLUMNS } from './callbacks';
import { stmt } from './stmt';

export interface QueueListRow extends CallbackRecord {
  customerName: string;
  phone: string;
  timezone: string;
  phoneStatus: CustomerRecord['phoneStatus'];
  consentService: CustomerRecord['consentService'];
  consentSurvey: CustomerRecord['consentSurvey'];
  consentMarketing: CustomerRecord['consentMarketing'];
  dncUntil: number | null;
  capUntil: number | null;
}

export interface QueueListParams {
  filter: QueueFilter;
  sort: QueueSort;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
  now: number;
  agentId: string;
  zones: string[];
  /** Where the page starts: just after this row's sort key (keyset paging). Absent: at `offset`. */
  after?: QueuePosition | null;
}

/**
 * A row's place in a sort, as keyset paging resumes from it: the part of the sort it is in, the value of
 * the part's leading (group) key, the sub-range inside the group and the values of its tail keys.
 */
export interface QueuePosition {
  part: number;
  group: number | string | null;
  sub: number;
  keys: (number | string)[];
}

type Dir = 'ASC' | 'DESC';
/** Rows of one range, walked in the order of `tail` (plain columns, one direction: an index range). */
interface Sub {
  where: string;
  tail: readonly string[];
  dir: Dir;
  /** The index whose walk this range is (db/schema.ts callbacks_list_*); none for the name sort. */
  index?: string;
}
/**
 * A part of a sort: the rows matching `where`, grouped by equal values of `group` (visited in its own
 * direction, one value at a time, each an equality seek) and, inside each group, the subs in turn.
 * Splitting a sort this way keeps every range an index walk: "overdue first" depends on `now`, NULL due
 * times sort last in both directions, and some sorts mix directions (priority descending, then due
 * time ascending) — none of which one ORDER BY over one index can walk.
 */
interface Part {
  where: string;
  /**
   * `next` finds the group value after `after` (or the first) among all rows, unfiltered: one seek on
   * an index led by the group key. Filtering it too would let SQLite pick a filter's index (the due time
   * range of "callable") and sort every match just to find the smallest key; a group with no matching
   * rows costs one empty seek instead.
   */
  group?: { expr: string; dir: Dir; of: (r: QueueListRow) => number | string; next: (after: boolean) => string };
  subs: readonly Sub[];
  /** Whether a row belongs to this part and which sub; the cursor of any row is computed from the row. */
  has: (r: QueueListRow, now: number) => boolean;
  subOf: (r: QueueListRow) => number;
  keysOf: (r: QueueListRow, sub: number) => (number | string)[];
}

/** SQL giving the group value after @group (all values when @group is null), in `dir` order. */
const nextKey = (expr: string, from: string, dir: Dir) => (after: boolean) =>
  `SELECT ${expr} AS g FROM ${from} ${after ? `WHERE ${expr} ${dir === 'ASC' ? '>' : '<'} @group` : ''} ORDER BY ${expr} ${dir} LIMIT 1`;
/** Priorities are 1–5: the next one is arithmetic. */
const nextPriority = (dir: Dir) => () =>
  dir === 'ASC'
    ? `SELECT CASE WHEN @group IS NULL THEN 1 WHEN @group < 5 THEN @group + 1 END AS g`
    : `SELECT CASE WHEN @group IS NULL THEN 5 WHEN @group > 1 THEN @group - 1 END AS g`;

const overdue = (r: QueueListRow, now: number) => r.dueAt !== null && r.dueAt <= now;

/** The sorts of SORT_SQL, as parts and subs: the same order, row for row (test/services-queue-list.test.ts). */
export function sortPlan(sort: QueueSort, direction: 'asc' | 'desc'): Part[] {
  const d: Dir = direction === 'desc' ? 'DESC' : 'ASC';
  const byDue: Sub[] = [
    { where: 'cb.due_at IS NOT NULL', tail: ['cb.due_at', 'cb.id'], dir: 'ASC', index: 'callbacks_list_due' },
    { where: 'cb.due_at IS NULL', tail: ['cb.id'], dir: 'ASC', index: 'callbacks_list_due' },
  ];
  const byPriorityDue = byDue.map((s) => ({ ...s, index: 'callbacks_list_priority_due' }));
  const dueKeys = (r: QueueListRow, sub: number) => (sub === 0 ? [r.dueAt!, r.id] : [r.id]);
  const dueSub = (r: QueueListRow) => (r.dueAt === null ? 1 : 0);
  const always = () => true;
  switch (sort) {
    case 'queue': {
      const priority = { expr: 'cb.priority', dir: d, of: (r: QueueListRow) => r.priority, next: nextPriority(d) };
      const due: Part = {
        where: 'cb.due_at <= @now',
        group: priority,
        subs: [{ where: '', tail: ['cb.due_at', 'cb.created_at', 'cb.id'], dir: d, index: 'callbacks_list_queue_due' }],
        has: overdue,
        subOf: () => 0,
        keysOf: (r) => [r.dueAt!, r.createdAt, r.id],
      };
      const rest: Part = {
        where: '(cb.due_at IS NULL OR cb.due_at > @now)',
        group: priority,
        subs: [{ where: '', tail: ['cb.created_at', 'cb.id'], dir: d, index: 'callbacks_list_priority_created' }],
        has: (r, now) => !overdue(r, now),
        subOf: () => 0,
        keysOf: (r) => [r.createdAt, r.id],
      };
      return d === 'ASC' ? [due, rest] : [rest, due];
    }
    case 'due':
      return [{ where: '', subs: byDue.map((s) => ({ ...s, dir: d })), has: always, subOf: dueSub, keysOf: dueKeys }];
    case 'priority':
      return [{ where: '', group: { expr: 'cb.priority', dir: d, of: (r) => r.priority, next: nextPriority(d) }, subs: byPriorityDue, has: always, subOf: dueSub, keysOf: dueKeys }];
    case 'attempts':
      return [
        {
          where: '',
          group: { expr: 'cb.attempts', dir: d, of: (r) => r.attempts, next: nextKey('cb.attempts', 'callbacks cb', d) },
          subs: [{ where: '', tail: ['cb.id'], dir: 'ASC', index: 'callbacks_list_attempts' }],
          has: always,
          subOf: () => 0,
          keysOf: (r) => [r.id],
        },
      ];
    case 'name':
      return [
        {
          where: '',
          group: { expr: 'c.name COLLATE NOCASE', dir: d, of: (r) => r.customerName, next: nextKey('c.name COLLATE NOCASE', 'customers c', d) },
          subs: [{ where: '', tail: ['cb.id'], dir: 'ASC' }],
          has: always,
          subOf: () => 0,
          keysOf: (r) => [r.id],
        },
      ];
    case 'created':
      return [{ where: '', subs: [{ where: '', tail: ['cb.created_at', 'cb.id'], dir: d, index: 'callbacks_list_created' }], has: always, subOf: () => 0, keysOf: (r) => [r.createdAt, r.id] }];
  }
}

/** Where `row` sits in the sort: what a page ending on it hands back as its cursor. */
export function positionOf(sort: QueueSort, direction: 'asc' | 'desc', row: QueueListRow, now: number): QueuePosition {
  const parts = sortPlan(sort, direction);
  const part = Math.max(0, parts.findIndex((p) => p.has(row, now)));
  const plan = parts[part]!;
  const sub = plan.subOf(row);
  return { part, group: plan.group ? plan.group.of(row) : null, sub, keys: plan.keysOf(row, sub) };
}

function filterTerms(filter: QueueFilter): string[] {
  const where: string[] = [];
  switch (filter.status) {
    case 'open':
      where.push(`cb.state = 'open'`);
      break;
    case 'callable':
      where.push(CALLABLE_SQL);
      break;
    case 'blocked':
      where.push(`cb.state = 'open' AND NOT ${CALLABLE_SQL}`);
      break;
    case 'closed':
      where.push(`cb.state = 'closed'`);
      break;
    case 'all':
      break;
  }
  if (filter.reasons.length) where.push(`cb.reason IN (SELECT value FROM json_each(@reasons))`);
  if (filter.priorities.length) where.push(`cb.priority IN (SELECT value FROM json_each(@priorities))`);
  if (filter.search) where.push(`(c.name LIKE @search ESCAPE '\\' OR c.phone LIKE @phoneSearch ESCAPE '\\')`);
  if (filter.mine) where.push(`cb.lease_agent_id = @agentId AND cb.lease_expires_at > @now`);
  return where;
}

const whereOf = (terms: readonly string[]) => {
  const t = terms.filter(Boolean);
  return t.length ? `WHERE ${t.join(' AND ')}` : '';
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

function queryParams(p: Pick<QueueListParams, 'filter' | 'now' | 'agentId' | 'zones'>) {
  const digits = p.filter.search.replace(/\D/g, '');
  return {
    now: p.now,
    agentId: p.agentId,
    zones: JSON.stringify(p.zones),
    reasons: JSON.stringify(p.filter.reasons),
    priorities: JSON.stringify(p.filter.priorities),
    search: `%${escapeLike(p.filter.search)}%`,
    // Only a phone's last digits may be searched: the full number is never typed into a shared screen.
    phoneSearch: digits.length >= 4 ? `%${escapeLike(digits)}` : '\u0000',
  };
}

const ROW_COLUMNS = `${CALLBACK_COLUMNS}, c.name AS customerName, c.phone, c.timezone, c.phone_status AS phoneStatus,
            c.consent_service AS consentService, c.consent_survey AS consentSurvey, c.consent_marketing AS consentMarketing,
            c.dnc_until AS dncUntil, c.cap_until AS capUntil`;

/**
 * One page of the queue, filtered and sorted in SQL; callability details are added by the service.
 * With `after` (a cursor) the page is found by keyset: each range of the sort is an index seek to the
 * cursor's key and a walk of `limit` rows, so page 500 costs what page 1 does. Without it, at `offset`
 * (a jump to a page whose predecessor the client has not seen), which walks every row before it.
 */
export function listQueue(db: Db, p: QueueListParams): { rows: QueueListRow[]; total: number; next: QueuePosition | null } {
  const rows = p.after || p.offset === 0 ? keysetPage(db, p, p.after ?? null) : offsetPage(db, p);
  const next = rows.length === p.limit ? positionOf(p.sort, p.direction, rows.at(-1)!, p.now) : null;
  return { rows, total: countQueue(db, p), next };
}

/** A search matching at most this many customers is answered from their callbacks, not by walking the sort. */
const FEW_CUSTOMERS = 2_000;

/**
 * The customers a search matches, found once (one scan of customers) and kept until the data changes:
 * a rare name or a phone suffix matches few, and walking a million-row sort index to find their
 * callbacks would read every row. Undefined when there are too many to list (a common surname): then
 * the sort's index walk meets matches often enough.
 */
function fewSearchedCustomers(db: Db, p: Pick<QueueListParams, 'filter' | 'now' | 'agentId' | 'zones'>): string | undefined {
  const params = queryParams(p);
  const key = JSON.stringify(['search', params.search, params.phoneSearch, changeMark(db)]);
  const cache = cacheOf(db);
  if (!cache.has(key)) {
    const ids = stmt(db, `SELECT id FROM customers c WHERE (c.name LIKE @search ESCAPE '\\' OR c.phone LIKE @phoneSearch ESCAPE '\\') LIMIT ${FEW_CUSTOMERS + 1}`)
      .pluck()
      .all(params) as string[];
    remember(cache, key, ids.length > FEW_CUSTOMERS ? -1 : JSON.stringify(ids));
  }
  const ids = cache.get(key)!;
  return typeof ids === 'string' ? ids : undefined;
}

function keysetPage(db: Db, p: QueueListParams, after: QueuePosition | null): QueueListRow[] {
  const parts = sortPlan(p.sort, p.direction);
  const few = p.filter.search ? fewSearchedCustomers(db, p) : undefined;
  const params = { ...queryParams(p), customerIds: few ?? '[]' };
  const filter = filterTerms(p.filter);
  if (few !== undefined) filter.push('cb.customer_id IN (SELECT value FROM json_each(@customerIds))');
  const out: QueueListRow[] = [];
  // Non-name sorts walk callbacks in index order and look up each row's customer; the name sort walks
  // customers by name (customers_name_nocase) and finds each one's callbacks.
  const from = p.sort === 'name' ? 'customers c CROSS JOIN callbacks cb ON cb.customer_id = c.id' : 'callbacks cb CROSS JOIN customers c ON c.id = cb.customer_id';
  for (let pi = after?.part ?? 0; pi < parts.length; pi++) {
    const part = parts[pi]!;
    const resume = after && after.part === pi ? after : null;
    const base = [...filter, part.where];
    const fetchSub = (sub: Sub, group: number | string | null, keys: (number | string)[] | null) => {
      const terms = [...base, sub.where];
      if (part.group) terms.push(`${part.group.expr} = @group`);
      if (keys) terms.push(`(${sub.tail.join(', ')}) ${sub.dir === 'ASC' ? '>' : '<'} (${keys.map((_, i) => `@k${i}`).join(', ')})`);
      // The sort's own index, named: left to itself the planner may prefer a filter's index (the due
      // time range of "callable") and sort every match. Not for "mine": its few rows come from the lease index.
      // A search for few customers reads their callbacks through callbacks_customer and sorts those.
      const index = few !== undefined ? 'callbacks_customer' : p.filter.mine ? undefined : sub.index;
      const table = index ? from.replace('callbacks cb', `callbacks cb INDEXED BY ${index}`) : from;
      const sql = `SELECT ${ROW_COLUMNS} FROM ${table} ${whereOf(terms)} ORDER BY ${sub.tail.map((t) => `${t} ${sub.dir}`).join(', ')} LIMIT @limit`;
      const bound = Object.fromEntries((keys ?? []).map((v, i) => [`k${i}`, v]));
      return stmt(db, sql).all({ ...params, ...bound, group, limit: p.limit - out.length }) as QueueListRow[];
    };
    if (!part.group) {
      for (let si = resume?.sub ?? 0; si < part.subs.length && out.length < p.limit; si++) {
        const keys = resume && si === resume.sub ? resume.keys : null;
        out.push(...fetchSub(part.subs[si]!, null, keys));
      }
    } else {
      const sql = part.group.next;
      const nextGroup = (after: number | string | null) =>
        (stmt(db, sql(after !== null)).get({ group: after }) as { g: number | string | null } | undefined)?.g ?? null;
      let group = resume ? resume.group : nextGroup(null);
      let first = true;
      while (group !== null && out.length < p.limit) {
        for (let si = first && resume ? resume.sub : 0; si < part.subs.length && out.length < p.limit; si++) {
          const keys = first && resume && si === resume.sub ? resume.keys : null;
          out.push(...fetchSub(part.subs[si]!, group, keys));
        }
        first = false;
        if (out.length < p.limit) group = nextGroup(group);
      }
    }
    if (out.length >= p.limit) break;
  }
  return out;
}

const SORT_SQL: Record<QueueSort, string> = {
  // Same order as core/rules/queue-order.ts: overdue first, priority, due time, creation, id.
  queue: `(CASE WHEN cb.due_at IS NOT NULL AND cb.due_at <= @now THEN 0 ELSE 1 END) {dir}, cb.priority {dir},
          (CASE WHEN cb.due_at IS NOT NULL AND cb.due_at <= @now THEN cb.due_at ELSE 0 END) {dir}, cb.created_at {dir}, cb.id {dir}`,
  due: `cb.due_at IS NULL, cb.due_at {dir}, cb.id {dir}`,
  priority: `cb.priority {dir}, cb.due_at IS NULL, cb.due_at, cb.id`,
  attempts: `cb.attempts {dir}, cb.id`,
  name: `c.name COLLATE NOCASE {dir}, cb.id`,
  created: `cb.created_at {dir}, cb.id {dir}`,
};

/** A page at an offset: sorts the keys of every matching row and skips `offset` of them. */
function offsetPage(db: Db, p: QueueListParams): QueueListRow[] {
  const where = whereOf(filterTerms(p.filter));
  const order = SORT_SQL[p.sort].replaceAll('{dir}', p.direction === 'desc' ? 'DESC' : 'ASC');
  // Sort only the keys of the page (rowid + order terms), joining the customer only if the filter or
  // the sort reads it (the foreign key guarantees the join never drops a callback), then read the rows.
  const from = /\bc\./.test(where) || /\bc\./.test(order) ? 'callbacks cb JOIN customers c ON c.id = cb.customer_id' : 'callbacks cb';
  return stmt(
    db,
    `SELECT ${ROW_COLUMNS}
       FROM callbacks cb JOIN customers c ON c.id = cb.customer_id
      WHERE cb.rowid IN (SELECT cb.rowid FROM ${from} ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset)
      ORDER BY ${order}`,
  ).all({ ...queryParams(p), offset: p.offset, limit: p.limit }) as QueueListRow[];
}

/**
 * How many rows the filter matches. Status, reason and priority alone (every filter but search,
 * "mine", callable and blocked) add up rows of queue_counts, which triggers keep in step with every
 * write to callbacks (migration 0007). "Mine" counts the few leased rows through their index. The
 * rest depend on the clock (who is callable now) or on text, so they are counted in full once and
 * reused until the data changes or the minute turns.
 */
export function countQueue(db: Db, p: Omit<QueueListParams, 'offset' | 'limit' | 'sort' | 'direction'>): number {
  const f = p.filter;
  const params = queryParams(p);
  if (!f.search && !f.mine && (f.status === 'open' || f.status === 'closed' || f.status === 'all')) {
    const terms = [
      f.status === 'all' ? '' : `state = '${f.status}'`,
      f.reasons.length ? 'reason IN (SELECT value FROM json_each(@reasons))' : '',
      f.priorities.length ? 'priority IN (SELECT value FROM json_each(@priorities))' : '',
    ];
    return (stmt(db, `SELECT coalesce(sum(n), 0) AS n FROM queue_counts ${whereOf(terms)}`).get(params) as { n: number }).n;
  }
  const terms = filterTerms(f);
  const few = f.search ? fewSearchedCustomers(db, p) : undefined;
  if (few !== undefined) terms.push('cb.customer_id IN (SELECT value FROM json_each(@customerIds))');
  const callbacks = few !== undefined ? 'callbacks cb INDEXED BY callbacks_customer' : 'callbacks cb';
  const from = terms.some((t) => /\bc\./.test(t)) ? `${callbacks} CROSS JOIN customers c ON c.id = cb.customer_id` : callbacks;
  const sql = `SELECT count(*) AS n FROM ${from} ${whereOf(terms)}`;
  const all = { ...params, customerIds: few ?? '[]' };
  if (f.mine || few !== undefined) return (stmt(db, sql).get(all) as { n: number }).n;
  const key = JSON.stringify([sql, params.zones, params.reasons, params.priorities, params.search, params.phoneSearch, Math.floor(p.now / 60_000), changeMark(db)]);
  const cache = cacheOf(db);
  if (!cache.has(key)) remember(cache, key, (stmt(db, sql).get(all) as { n: number }).n);
  return cache.get(key) as number;
}

/** Changes whenever the data may have: a write on this connection (total_changes) or a commit by another (data_version). */
function changeMark(db: Db): string {
  const changes = (stmt(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  return `${changes}:${db.$client.pragma('data_version', { simple: true }) as number}`;
}

const caches = new WeakMap<Db, Map<string, number | string>>();
function cacheOf(db: Db): Map<string, number | string> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}
function remember(cache: Map<string, number | string>, key: string, value: number | string): void {
  if (cache.size >= 32) cache.clear();
  cache.set(key, value);
}

export function queueCounts(db: Db, now: number, agentId: string, zones: string[], dayStart: number) {
  const params = { now, agentId, zones: JSON.stringify(zones), dayStart };
  return stmt(
    db,
    `SELECT
       (SELECT count(*) FROM callbacks WHERE state = 'open') AS open,
       (SELECT count(*) FROM callbacks cb JOIN customers c ON c.id = cb.customer_id WHERE ${CALLABLE_SQL}) AS callableNow,
       (SELECT count(*) FROM callbacks WHERE state = 'open' AND due_at IS NOT NULL AND due_at <= @now) AS overdue,
       (SELECT count(*) FROM callbacks WHERE state = 'closed' AND closed_at >= @dayStart) AS closedToday`,
  ).get(params) as { open: number; callableNow: number; overdue: number; closedToday: number };
}
