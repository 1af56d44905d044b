import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOREVER, REASONS, type CallbackState, type ConsentState, type Priority, type Reason } from '../core/domain/model';
import type { CallbackRecord, CustomerRecord } from '../core/domain/records';
import { assessCallability } from '../core/rules/callability';
import { zonesOpenNow } from '../core/rules/calling-window';
import { compareQueueOrder } from '../core/rules/queue-order';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { openDatabase, type Db } from '../db/open';
import { CALLABLE_SQL } from '../db/repos/callable-sql';
import { insertCallback, PICK_HEAD_ROWS, pickNextCallable } from '../db/repos/callbacks';
import { distinctTimezones, insertCustomer } from '../db/repos/customers';
import { listQueue, queueCounts } from '../db/repos/queue-list';
import { toCallbackFacts, toCustomerFacts } from '../core/domain/facts';

/*
 * The SQL twin (db/repos/callable-sql.ts, used by queue.list, queue.summary and "next") must agree with
 * the core guard (core/rules/callability.ts) on every row, and "next" must pick the minimum of the core
 * queue order among the callable ones.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ME = '0190f5c0-0000-7000-8000-00000000a9e1';
const OTHER = '0190f5c0-0000-7000-8000-00000000a9e2';
const ZONES = ['Asia/Shanghai', 'America/Los_Angeles', 'America/New_York', 'Europe/London', 'Asia/Tokyo'];
const BASES = [
  '2026-11-23T10:00:00+08:00', // Monday, Shanghai morning, LA evening before
  '2026-11-23T14:00:00+08:00', // LA 22:00
  '2026-11-23T20:59:00+08:00',
  '2026-11-23T21:00:00+08:00',
  '2026-03-08T09:00:00-04:00', // NY spring-forward day
  '2026-11-01T08:30:00-05:00', // NY fall-back day
  '2026-03-29T09:00:00+01:00', // London spring-forward day
].map((s) => Date.parse(s));

/** An offset from `now` that lands on the interesting boundaries often. */
const delta = fc.oneof(
  fc.constantFrom(0, 1, -1, MIN, -MIN, HOUR, -HOUR, DAY, -DAY),
  fc.integer({ min: -3 * DAY, max: 3 * DAY }),
);
const consent = fc.constantFrom<ConsentState>('granted', 'unknown', 'refused');

const arbCustomer = fc.record({
  phoneStatus: fc.constantFrom<'ok' | 'bad'>('ok', 'ok', 'ok', 'bad'),
  timezone: fc.constantFrom(...ZONES),
  service: consent,
  survey: consent,
  marketing: consent,
  dnc: fc.oneof(fc.constant<'none'>('none'), fc.constant<'forever'>('forever'), delta),
  cap: fc.oneof(fc.constant<'none'>('none'), delta),
});

type LeaseKind = 'none' | 'mine' | 'mine-expired' | 'other' | 'other-expired' | 'other-now' | 'other-no-expiry';
const arbCallback = fc.record({
  customer: fc.nat(),
  reason: fc.constantFrom<Reason>(...REASONS),
  priority: fc.constantFrom<Priority>(1, 2, 3, 4, 5),
  due: fc.oneof(fc.constant<'none'>('none'), delta),
  state: fc.constantFrom<CallbackState>('open', 'open', 'open', 'closed'),
  lease: fc.constantFrom<LeaseKind>('none', 'none', 'none', 'mine', 'mine-expired', 'other', 'other-expired', 'other-now', 'other-no-expiry'),
  createdBack: fc.integer({ min: 0, max: 4 }), // few distinct values → ties on created_at, broken by id
  id: fc.uuid({ version: 7 }),
});

const arbSettings: fc.Arbitrary<Settings> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(DEFAULT_SETTINGS) },
  {
    weight: 1,
    arbitrary: fc.record({
      start: fc.integer({ min: 0, max: 12 * 60 }),
      len: fc.integer({ min: 1, max: 12 * 60 }),
      weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { maxLength: 3 }),
      dates: fc.subarray(['2026-11-22', '2026-11-23', '2026-03-08', '2026-11-01'], { maxLength: 2 }),
    }).map(({ start, len, weekdays, dates }) => ({ ...DEFAULT_SETTINGS, callWindowStart: start, callWindowEnd: start + len, noCallWeekdays: weekdays, noCallDates: dates })),
  },
);

const arbWorld = fc.record({
  base: fc.constantFrom(...BASES),
  shift: fc.oneof(fc.constant(0), fc.integer({ min: -DAY, max: DAY })),
  customers: fc.array(arbCustomer, { minLength: 1, maxLength: 6 }),
  callbacks: fc.uniqueArray(arbCallback, { selector: (c) => c.id, maxLength: 25 }),
  settings: arbSettings,
});
type World = typeof arbWorld extends fc.Arbitrary<infer T> ? T : never;

let db: Db;
beforeAll(() => {
  db = openDatabase(':memory:');
});
afterAll(() => db.$client.close());

function load(w: World, now: number): { customers: CustomerRecord[]; callbacks: CallbackRecord[] } {
  db.$client.exec('DELETE FROM callbacks; DELETE FROM customers;');
  const customers = w.customers.map((c, i): CustomerRecord => ({
    id: `0190f5c0-0000-7000-8000-${String(i + 1).padStart(12, '0')}`,
    name: `c${i}`,
    phone: `+86139${String(i).padStart(8, '0')}`,
    phoneStatus: c.phoneStatus,
    timezone: c.timezone,
    gender: 'unknown',
    city: null,
    segment: null,
    registeredAt: null,
    lastActiveAt: null,
    txnCount30d: null,
    balanceBand: null,
    tags: [],
    consentService: c.service,
    consentSurvey: c.survey,
    consentMarketing: c.marketing,
    dncUntil: c.dnc === 'none' ? null : c.dnc === 'forever' ? FOREVER : now + c.dnc,
    capUntil: c.cap === 'none' ? null : now + c.cap,
    createdAt: now - 30 * DAY,
  }));
  const lease = (k: LeaseKind): [string | null, number | null] =>
    ({
      none: [null, null],
      mine: [ME, now + 5 * MIN],
      'mine-expired': [ME, now - MIN],
      other: [OTHER, now + 5 * MIN],
      'other-expired': [OTHER, now - 5 * MIN],
      'other-now': [OTHER, now],
      'other-no-expiry': [OTHER, null],
    })[k] as [string | null, number | null];
  const callbacks = w.callbacks.map((c): CallbackRecord => {
    const [leaseAgentId, leaseExpiresAt] = lease(c.lease);
    return {
      id: c.id,
      customerId: customers[c.customer % customers.length]!.id,
      reason: c.reason,
      priority: c.priority,
      dueAt: c.due === 'none' ? null : now + c.due,
      state: c.state,
      outcome: c.state === 'closed' ? 'completed' : null,
      attempts: 0,
      failedAttempts: 0,
      leaseAgentId,
      leaseExpiresAt,
      notes: '',
      source: 'manual',
      importBatchId: null,
      createdAt: now - DAY - c.createdBack * MIN,
      closedAt: c.state === 'closed' ? now - HOUR : null,
    };
  });
  for (const c of customers) insertCustomer(db, c);
  for (const c of callbacks) insertCallback(db, c);
  return { customers, callbacks };
}

/** The callable ids in queue order, as the (already checked) queue list gives them. */
function listQueueIds(now: number, zones: string[]): string[] {
  return listQueue(db, {
    filter: { status: 'callable', reasons: [], priorities: [], search: '', mine: false },
    sort: 'queue',
    direction: 'asc',
    offset: 0,
    limit: 500,
    now,
    agentId: ME,
    zones,
  }).rows.map((r) => r.id);
}

function check(w: World): void {
  const now = w.base + w.shift;
  const { customers, callbacks } = load(w, now);
  const byId = new Map(customers.map((c) => [c.id, c]));
  const zones = zonesOpenNow(now, distinctTimezones(db), w.settings);

  const coreCallable = callbacks
    .filter((cb) => assessCallability({ callback: toCallbackFacts(cb), customer: toCustomerFacts(byId.get(cb.customerId)!), agentId: ME, now, settings: w.settings }).callable)
    .sort((a, b) => compareQueueOrder(toCallbackFacts(a), toCallbackFacts(b), now))
    .map((c) => c.id);

  const params = { now, agentId: ME, zones: JSON.stringify(zones) };
  const sqlCallable = (
    db.$client.prepare(`SELECT cb.id FROM callbacks cb JOIN customers c ON c.id = cb.customer_id WHERE ${CALLABLE_SQL}`).all(params) as { id: string }[]
  ).map((r) => r.id);
  expect(new Set(sqlCallable)).toEqual(new Set(coreCallable));

  const list = (status: 'callable' | 'blocked') =>
    listQueue(db, {
      filter: { status, reasons: [], priorities: [], search: '', mine: false },
      sort: 'queue',
      direction: 'asc',
      offset: 0,
      limit: 500,
      now,
      agentId: ME,
      zones,
    });
  const listed = list('callable');
  expect(listed.rows.map((r) => r.id)).toEqual(coreCallable); // same set, same order
  expect(listed.total).toBe(coreCallable.length);
  const blocked = list('blocked');
  const openIds = callbacks.filter((c) => c.state === 'open').map((c) => c.id);
  expect(new Set(blocked.rows.map((r) => r.id))).toEqual(new Set(openIds.filter((id) => !coreCallable.includes(id))));

  expect(pickNextCallable(db, { now, agentId: ME, zones })).toBe(coreCallable[0]);
  expect(queueCounts(db, now, ME, zones, now - DAY).callableNow).toBe(coreCallable.length);
}

describe('SQL callability agrees with the core guard', () => {
  it('on random queues, zones, leases, consents, DNC, caps, due times and settings', () => {
    fc.assert(fc.property(arbWorld, check), { numRuns: 1500 });
  });

  it('when a range starts with more than PICK_HEAD_ROWS rows that are not callable (the per-zone seeks)', () => {
    // A blocked customer's callbacks fill the head of one range, so pickNextCandidate gives up walking
    // it and seeks each open zone's range instead; the pick must still be the core order's first.
    const arbCrowded = fc
      .record({
        w: arbWorld,
        blocked: arbCustomer.map((c) => ({ ...c, phoneStatus: 'bad' as const })),
        head: fc.integer({ min: PICK_HEAD_ROWS, max: PICK_HEAD_ROWS + 30 }),
        priority: fc.constantFrom<Priority>(1, 2, 3, 4, 5),
        overdue: fc.boolean(),
        ids: fc.uniqueArray(fc.uuid({ version: 7 }), { minLength: PICK_HEAD_ROWS + 30, maxLength: PICK_HEAD_ROWS + 30 }),
      })
      .map(({ w, blocked, head, priority, overdue, ids }): World => {
        const known = new Set(w.callbacks.map((c) => c.id));
        const filler = ids.filter((id) => !known.has(id)).slice(0, head).map((id, i) => ({
          customer: 0,
          reason: REASONS[i % REASONS.length]!,
          priority,
          due: overdue ? -3 * DAY - HOUR - (i % 3) * MIN : ('none' as const),
          state: 'open' as const,
          lease: 'none' as const,
          createdBack: 10 + (i % 2),
          id,
        }));
        // Customer 0 is the blocked one; the world's own customers move up by one.
        const others = w.callbacks.map((c) => ({ ...c, customer: 1 + (c.customer % w.customers.length) }));
        return { ...w, customers: [blocked, ...w.customers], callbacks: [...filler, ...others] };
      });
    fc.assert(
      fc.property(arbCrowded, (w) => {
        check(w);
        const now = w.base + w.shift;
        const zones = zonesOpenNow(now, distinctTimezones(db), w.settings);
        const callable = listQueueIds(now, zones);
        const seen: string[] = [];
        for (;;) {
          const next = pickNextCallable(db, { now, agentId: ME, zones }, seen);
          if (!next) break;
          seen.push(next);
        }
        expect(seen).toEqual(callable);
      }),
      { numRuns: 200 },
    );
  });

  it('pickNextCallable skips the ids it is told to skip, in queue order', () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const now = w.base + w.shift;
        const { customers, callbacks } = load(w, now);
        const byId = new Map(customers.map((c) => [c.id, c]));
        const zones = zonesOpenNow(now, distinctTimezones(db), w.settings);
        const order = callbacks
          .filter((cb) => assessCallability({ callback: toCallbackFacts(cb), customer: toCustomerFacts(byId.get(cb.customerId)!), agentId: ME, now, settings: w.settings }).callable)
          .sort((a, b) => compareQueueOrder(toCallbackFacts(a), toCallbackFacts(b), now))
          .map((c) => c.id);
        const seen: string[] = [];
        for (;;) {
          const next = pickNextCallable(db, { now, agentId: ME, zones }, seen);
          if (!next) break;
          seen.push(next);
        }
        expect(seen).toEqual(order);
      }),
      { numRuns: 300 },
    );
  });

  it('a hand-made case: one row per block reason, seen from two agents', () => {
    const now = BASES[0]!;
    const w: World = {
      base: now,
      shift: 0,
      settings: DEFAULT_SETTINGS,
      customers: [
        { phoneStatus: 'ok', timezone: 'Asia/Shanghai', service: 'unknown', survey: 'unknown', marketing: 'granted', dnc: 'none', cap: 'none' },
        { phoneStatus: 'bad', timezone: 'Asia/Shanghai', service: 'granted', survey: 'granted', marketing: 'granted', dnc: 'none', cap: 'none' },
        { phoneStatus: 'ok', timezone: 'Europe/London', service: 'granted', survey: 'granted', marketing: 'granted', dnc: 'none', cap: 'none' }, // London 02:00
        { phoneStatus: 'ok', timezone: 'Asia/Shanghai', service: 'granted', survey: 'refused', marketing: 'unknown', dnc: 'forever', cap: 'none' },
        { phoneStatus: 'ok', timezone: 'America/Los_Angeles', service: 'granted', survey: 'granted', marketing: 'granted', dnc: 'none', cap: HOUR },
      ],
      callbacks: [
        { customer: 0, reason: 'complaint_followup', priority: 3, due: 'none', state: 'open', lease: 'none', createdBack: 0, id: '0190f5c0-0000-7000-8000-000000000b01' }, // callable
        { customer: 0, reason: 'winback', priority: 1, due: -HOUR, state: 'open', lease: 'other', createdBack: 0, id: '0190f5c0-0000-7000-8000-000000000b02' }, // leased
        { customer: 0, reason: 'care', priority: 2, due: HOUR, state: 'open', lease: 'none', createdBack: 0, id: '0190f5c0-0000-7000-8000-000000000b03' }, // scheduled later
        { customer: 0, reason: 'onboarding', priority: 2, due: 'none', state: 'closed', lease: 'none', createdBack: 0, id: '0190f5c0-0000-7000-8000-000000000b04' }, // closed
        { customer: 1, reason: 'satisfaction', priority: 1, due: 'none', state: 'open', lease: 'none', createdBack: 0, id: '0190f5c0-0000-7000-8000-000000000b05' }, // bad number
        { customer: 2, reason: 'satisfaction', priority: 1, due: 'none', state: 'open', lease: 'none', createdBack: 0, id: '0190f5c0-0000-7000-8000-000000000b06' }, // outside window
        { customer: 3, reason: 'winback', priority: 1, due: 'none', state: 'open', lease: 'none', createdBack: 0, id: '0190f5c0-0000-7000-8000-000000000b07' }, // dnc + no consent
        { customer: 3, reason: 'satisfaction', priority: 1, due: 'none', state: 'open', lease: 'none', createdBack: 0, id: '0190f5c0-0000-7000-8000-000000000b08' }, // survey refused
        { customer: 3, reason: 'complaint_followup', priority: 4, due: -MIN, state: 'open', lease: 'other-expired', createdBack: 0, id: '0190f5c0-0000-7000-8000-000000000b09' }, // callable (DNC ignores service)
        { customer: 4, reason: 'care', priority: 1, due: 'none', state: 'open', lease: 'mine', createdBack: 0, id: '0190f5c0-0000-7000-8000-000000000b0a' }, // contact cap
      ],
    };
    check(w);
    load(w, now);
    const zones = zonesOpenNow(now, distinctTimezones(db), DEFAULT_SETTINGS);
    expect(zones.sort()).toEqual(['America/Los_Angeles', 'Asia/Shanghai']);
    expect(pickNextCallable(db, { now, agentId: ME, zones })).toBe('0190f5c0-0000-7000-8000-000000000b09'); // overdue beats asap
    // The other agent holding b02 sees it as callable (it is theirs) and it comes first (overdue, p1).
    expect(pickNextCallable(db, { now, agentId: OTHER, zones })).toBe('0190f5c0-0000-7000-8000-000000000b02');
  });
});
