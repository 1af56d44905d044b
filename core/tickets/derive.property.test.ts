import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessMinutesBetween } from '../sla/business-time';
import { DEFAULT_CALENDAR } from '../sla/calendar';
import { DEFAULT_POLICIES, TICKET_PRIORITIES } from '../sla/policy';
import type { SlaPolicy } from '../sla/policy';
import { deriveTicket } from './derive';
import type { TicketEvent, TicketState } from './model';
import { CALENDAR_2026, TicketHistory } from './testing';
import { TRANSITIONS } from './transitions';

/*
 * Random histories that only use valid transitions, on the 2026 China calendar. A pause can be
 * inserted into the gap after any step where the ticket is open, without moving the other events.
 */

const MIN = 60_000;
const DAY = 86_400_000;
const calendars = (v: string) => (v === CALENDAR_2026 ? DEFAULT_CALENDAR : undefined);

type Action = { kind: 'status'; pick: number } | { kind: 'reply' } | { kind: 'note' } | { kind: 'assign' } | { kind: 'priority'; pick: number };
interface Step {
  gap: number;
  action: Action;
}
interface Scenario {
  start: number;
  policy: SlaPolicy;
  steps: Step[];
  tail: number;
}

const gap = fc.oneof(fc.integer({ min: 0, max: 90 * MIN }), fc.integer({ min: 0, max: 3 * DAY }));
const baseActions: fc.Arbitrary<Action>[] = [
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(11) }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(11) }),
  fc.constant({ kind: 'reply' as const }),
  fc.constant({ kind: 'note' as const }),
  fc.constant({ kind: 'assign' as const }),
];
const scenario = (withPriority: boolean): fc.Arbitrary<Scenario> =>
  fc.record({
    start: fc.integer({ min: Date.parse('2026-01-01T00:00:00+08:00'), max: Date.parse('2026-12-01T00:00:00+08:00') }),
    policy: fc.constantFrom(...DEFAULT_POLICIES),
    steps: fc.array(
      fc.record({ gap, action: fc.oneof(...baseActions, ...(withPriority ? [fc.record({ kind: fc.constant('priority' as const), pick: fc.nat(3) })] : [])) }),
      { maxLength: 12 },
    ),
    tail: gap,
  });

/** Where to insert a pause: after step `after` (-1: right after creation), as fractions of the gap that follows. */
interface Pause {
  after: number;
  from: number;
  length: number;
}
const pauseArb = fc.record({ after: fc.integer({ min: -1, max: 11 }), from: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.double({ min: 0, max: 1, noNaN: true }) });

interface Built {
  events: TicketEvent[];
  now: number;
  /** Whether the requested pause could be inserted (the ticket was open at that point). */
  paused: boolean;
}

function build(sc: Scenario, pause: Pause | null = null): Built {
  const h = new TicketHistory().create(sc.start, { priority: sc.policy.priority, category: sc.policy.category ?? 'other' }).sla(sc.start, { ...sc.policy });
  let t = sc.start;
  let priority = sc.policy.priority;
  let paused = false;
  const times = sc.steps.map((s) => (t += s.gap));
  const now = t + sc.tail;
  const maybePause = (i: number, at: number) => {
    if (pause === null || pause.after !== i || h.status !== 'open') return;
    const next = i + 1 < times.length ? times[i + 1]! : now;
    const p0 = Math.floor(at + (next - at) * pause.from);
    const p1 = Math.floor(p0 + (next - p0) * pause.length);
    h.to(p0, 'pending_customer').to(p1, 'open');
    paused = true;
  };
  maybePause(-1, sc.start);
  sc.steps.forEach((step, i) => {
    const at = times[i]!;
    const a = step.action;
    if (a.kind === 'status') {
      const options = TRANSITIONS[h.status];
      h.to(at, options[a.pick % options.length]!);
    } else if (a.kind === 'reply') h.reply(at);
    else if (a.kind === 'note') h.note(at);
    else if (a.kind === 'assign') h.assign(at, `agent-${i}`);
    else {
      const to = TICKET_PRIORITIES[a.pick]!;
      h.priority(at, priority, to).sla(at, DEFAULT_POLICIES.find((p) => p.priority === to && p.category === null)!);
      priority = to;
    }
    maybePause(i, at);
  });
  return { events: h.events, now, paused };
}

const clocks = (s: TicketState) => [s.firstResponse, s.resolution] as const;

/** Business minutes before `until` during which the ticket was not new/open. */
function idleMinutes(events: readonly TicketEvent[], until: number): number {
  let idleSince: number | null = null;
  let sum = 0;
  const add = (from: number, to: number) => (sum += businessMinutesBetween(DEFAULT_CALENDAR, from, Math.min(to, until)));
  for (const e of events) {
    if (e.type !== 'status_changed') continue;
    const running = e.data.to === 'new' || e.data.to === 'open';
    if (!running && idleSince === null) idleSince = e.at;
    else if (running && idleSince !== null) {
      add(idleSince, e.at);
      idleSince = null;
    }
  }
  if (idleSince !== null) add(idleSince, until);
  return sum;
}

describe('deriveTicket properties', () => {
  it('due, warning and breach instants are never before creation', () => {
    fc.assert(
      fc.property(scenario(true), (sc) => {
        const { events, now } = build(sc);
        const s = deriveTicket(events, calendars, now);
        for (const k of clocks(s)) {
          for (const at of [k.dueAt, k.warnAt, k.breachedAt]) if (at !== null) expect(at).toBeGreaterThanOrEqual(s.createdAt);
          expect(k.consumedMinutes).toBeGreaterThanOrEqual(0);
          expect(k.consumedMinutes).toBeLessThanOrEqual(businessMinutesBetween(DEFAULT_CALENDAR, s.createdAt, now) + 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a pause never brings a due time earlier, nor adds consumed time', () => {
    fc.assert(
      fc.property(scenario(true), pauseArb, (sc, pause) => {
        const plain = build(sc);
        const withPause = build(sc, pause);
        fc.pre(withPause.paused);
        const a = deriveTicket(plain.events, calendars, plain.now);
        const b = deriveTicket(withPause.events, calendars, withPause.now);
        expect(b.status).toBe(a.status);
        for (const [ka, kb] of [
          [a.firstResponse, b.firstResponse],
          [a.resolution, b.resolution],
        ] as const) {
          expect(kb.consumedMinutes).toBeLessThanOrEqual(ka.consumedMinutes + 1e-9);
          if (ka.dueAt !== null && kb.dueAt !== null) expect(kb.dueAt).toBeGreaterThanOrEqual(ka.dueAt);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('from creation to due: the target plus only the time the clock was not running', () => {
    fc.assert(
      fc.property(scenario(false), fc.option(pauseArb, { nil: null }), (sc, pause) => {
        const { events, now } = build(sc, pause);
        const s = deriveTicket(events, calendars, now);
        for (const k of clocks(s)) {
          const at = k.dueAt ?? k.breachedAt;
          if (at === null) continue;
          const total = businessMinutesBetween(DEFAULT_CALENDAR, s.createdAt, at);
          expect(Math.abs(total - idleMinutes(events, at) - k.target)).toBeLessThan(1e-6);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a history replayed with a later now never un-breaches a running clock', () => {
    fc.assert(
      fc.property(scenario(true), fc.integer({ min: 0, max: 5 * DAY }), (sc, later) => {
        const { events, now } = build(sc);
        const a = deriveTicket(events, calendars, now);
        const b = deriveTicket(events, calendars, now + later);
        for (const [ka, kb] of [
          [a.firstResponse, b.firstResponse],
          [a.resolution, b.resolution],
        ] as const) {
          if (ka.level === 'breached') expect(kb.level).toBe('breached');
          expect(kb.consumedMinutes).toBeGreaterThanOrEqual(ka.consumedMinutes);
        }
      }),
      { numRuns: 200 },
    );
  });
});
