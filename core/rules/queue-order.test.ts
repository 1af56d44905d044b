import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallbackFacts, Priority } from '../domain/model';
import { compareQueueOrder } from './queue-order';

const MIN = 60_000;
const NOW = Date.parse('2026-11-23T10:00:00+08:00');

let n = 0;
function cb(over: Partial<CallbackFacts> & { id?: string } = {}): CallbackFacts {
  n++;
  return {
    id: over.id ?? `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    reason: 'satisfaction',
    priority: 3,
    dueAt: null,
    state: 'open',
    leaseAgentId: null,
    leaseExpiresAt: null,
    createdAt: NOW - 60 * MIN,
    ...over,
  };
}

const sign = (x: number) => (x < 0 ? -1 : x > 0 ? 1 : 0);

describe('compareQueueOrder: documented rule, pairwise', () => {
  const cases: { name: string; a: Partial<CallbackFacts>; b: Partial<CallbackFacts>; expected: -1 | 1 }[] = [
    { name: 'overdue priority 5 before asap priority 1', a: { dueAt: NOW - MIN, priority: 5 }, b: { dueAt: null, priority: 1 }, expected: -1 },
    { name: 'due exactly now counts as overdue', a: { dueAt: NOW, priority: 5 }, b: { dueAt: null, priority: 1 }, expected: -1 },
    { name: 'due one ms in the future is not overdue', a: { dueAt: NOW + 1, priority: 5 }, b: { dueAt: null, priority: 1 }, expected: 1 },
    { name: 'among overdue, priority before due time', a: { dueAt: NOW - MIN, priority: 2 }, b: { dueAt: NOW - 600 * MIN, priority: 3 }, expected: -1 },
    { name: 'among overdue of one priority, earlier due first', a: { dueAt: NOW - 10 * MIN, priority: 2 }, b: { dueAt: NOW - 5 * MIN, priority: 2 }, expected: -1 },
    { name: 'due time outranks creation time', a: { dueAt: NOW - 10 * MIN, createdAt: NOW - MIN }, b: { dueAt: NOW - 5 * MIN, createdAt: NOW - 900 * MIN }, expected: -1 },
    { name: 'among asap, priority first', a: { priority: 1, createdAt: NOW }, b: { priority: 2, createdAt: NOW - 900 * MIN }, expected: -1 },
    { name: 'among asap of one priority, older first', a: { createdAt: NOW - 2 * MIN }, b: { createdAt: NOW - MIN }, expected: -1 },
    { name: 'same everything: id decides', a: { id: '0190-a', createdAt: NOW }, b: { id: '0190-b', createdAt: NOW }, expected: -1 },
    { name: 'same due and creation: id decides', a: { id: 'b', dueAt: NOW - MIN, createdAt: NOW }, b: { id: 'a', dueAt: NOW - MIN, createdAt: NOW }, expected: 1 },
    // Not-yet-due ones are not callable; if compared, their due time is ignored like asap ones.
    { name: 'future due ignores its due time (created decides)', a: { dueAt: NOW + 900 * MIN, createdAt: NOW - 2 * MIN }, b: { dueAt: NOW + MIN, createdAt: NOW - MIN }, expected: -1 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const a = cb(c.a);
      const b = cb(c.b);
      expect(sign(compareQueueOrder(a, b, NOW))).toBe(c.expected);
      expect(sign(compareQueueOrder(b, a, NOW))).toBe(c.expected === 1 ? -1 : 1);
    });
  }

  it('a callback equals itself', () => {
    const a = cb({ dueAt: NOW - MIN });
    expect(compareQueueOrder(a, a, NOW)).toBe(0);
  });

  it('sorts a hand-made queue into the documented order', () => {
    const items = [
      cb({ id: 'asap-p3-old', priority: 3, createdAt: NOW - 50 * MIN }),
      cb({ id: 'due-p1-late', priority: 1, dueAt: NOW - 1 * MIN }),
      cb({ id: 'asap-p1', priority: 1, createdAt: NOW - 5 * MIN }),
      cb({ id: 'due-p4', priority: 4, dueAt: NOW - 600 * MIN }),
      cb({ id: 'due-p1-early', priority: 1, dueAt: NOW - 30 * MIN }),
      cb({ id: 'asap-p3-new', priority: 3, createdAt: NOW - 1 * MIN }),
      cb({ id: 'due-p1-early-b', priority: 1, dueAt: NOW - 30 * MIN, createdAt: NOW - 70 * MIN }),
    ];
    const order = [...items].sort((a, b) => compareQueueOrder(a, b, NOW)).map((c) => c.id);
    expect(order).toEqual(['due-p1-early-b', 'due-p1-early', 'due-p1-late', 'due-p4', 'asap-p1', 'asap-p3-old', 'asap-p3-new']);
  });
});

/** The rule as written in the brief, as a sort key compared lexicographically. */
function referenceKey(c: CallbackFacts, now: number): (number | string)[] {
  const overdue = c.dueAt !== null && c.dueAt <= now;
  return [overdue ? 0 : 1, c.priority, overdue ? c.dueAt! : 0, c.createdAt, c.id];
}
function compareKeys(a: (number | string)[], b: (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
}

// Small value ranges so ties on every field happen often.
const arbFacts = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', '0190f', '0190e'),
  priority: fc.constantFrom<Priority>(1, 2, 3, 4, 5),
  dueAt: fc.option(fc.integer({ min: -3, max: 3 }).map((k) => NOW + k * MIN), { nil: null }),
  createdAt: fc.integer({ min: -3, max: 0 }).map((k) => NOW + k * MIN),
  state: fc.constant('open' as const),
  reason: fc.constant('care' as const),
  leaseAgentId: fc.constant(null),
  leaseExpiresAt: fc.constant(null),
});

describe('compareQueueOrder properties', () => {
  it('agrees in sign with the documented rule for every pair', () => {
    fc.assert(
      fc.property(arbFacts, arbFacts, fc.integer({ min: -2, max: 2 }), (a, b, k) => {
        const now = NOW + k * MIN;
        expect(sign(compareQueueOrder(a, b, now))).toBe(compareKeys(referenceKey(a, now), referenceKey(b, now)));
      }),
      { numRuns: 5000 },
    );
  });

  it('is a total order: reflexive, antisymmetric, transitive; 0 only for equal keys', () => {
    fc.assert(
      fc.property(arbFacts, arbFacts, arbFacts, (a, b, c) => {
        expect(compareQueueOrder(a, a, NOW)).toBe(0);
        expect(sign(compareQueueOrder(a, b, NOW)) + sign(compareQueueOrder(b, a, NOW))).toBe(0);
        if (compareQueueOrder(a, b, NOW) <= 0 && compareQueueOrder(b, c, NOW) <= 0) {
          expect(compareQueueOrder(a, c, NOW)).toBeLessThanOrEqual(0);
        }
        if (compareQueueOrder(a, b, NOW) === 0) {
          expect(referenceKey(a, NOW)).toEqual(referenceKey(b, NOW));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('sorting gives the same sequence whatever the input order, sorted by the documented key', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbFacts, { selector: (c) => c.id, maxLength: 6 }),
        fc.integer({ min: -2, max: 2 }),
        (items, k) => {
          const now = NOW + k * MIN;
          const sorted = [...items].sort((a, b) => compareQueueOrder(a, b, now));
          const reversed = [...items].reverse().sort((a, b) => compareQueueOrder(a, b, now));
          expect(reversed.map((c) => c.id)).toEqual(sorted.map((c) => c.id));
          for (let i = 1; i < sorted.length; i++) {
            expect(compareKeys(referenceKey(sorted[i - 1]!, now), referenceKey(sorted[i]!, now))).toBe(-1);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
