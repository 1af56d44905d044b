import { pathToFileURL } from 'node:url';
import { DEFAULT_CALENDAR, DEFAULT_POLICIES } from '../../core/sla';
import type { CalendarContent, SlaPolicy, TicketPriority } from '../../core/sla';
import { deriveTicket } from '../../core/tickets';
import type { TicketEvent, TicketLevel } from '../../core/tickets';
import { CALENDAR_2026, TicketHistory } from '../../core/tickets/testing';

/*
 * npx tsx bench/sections/sla.ts
 *
 * SLA derivation for a supervisor's view: 100,000 tickets of 10 events each, every one derived from its
 * events (state + both clocks, business-time arithmetic on the 2026 China calendar) at one `now`.
 * Goal: the whole pass ≤ 1 s. The first pass is the figure that counts: it starts from a calendar never
 * compiled, so it pays for building every local day it touches; the second pass shows the warm cost.
 * Pure CPU, seeded, so runs are comparable.
 */

export const SLA_GOAL_MS = 1000;
const TICKETS = 100_000;
const EVENTS_PER_TICKET = 10;
const SEED = 20260101;
/** Monday 2026-11-23 10:00 in Shanghai, the clock every bench section pins. */
const NOW = Date.parse('2026-11-23T10:00:00+08:00');
const MIN = 60_000;

/** mulberry32: a tiny seeded PRNG, enough for reproducible workloads. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['payments', 'account_security', 'app_usability', 'support_experience', 'offers_points', 'other'];
const policyFor = (priority: TicketPriority, category: string): SlaPolicy =>
  DEFAULT_POLICIES.find((p) => p.priority === priority && (p.category === null || p.category === category))!;

/**
 * The seven events after created + sla_applied + assigned, as shapes weighted by how often they occur:
 * quick resolves, a wait on the customer, reopened after resolve or after close, a raised priority, and
 * tickets still open (some of them breached by `now`).
 */
const SHAPES: { weight: number; stillOpen: boolean; steps: string[] }[] = [
  { weight: 30, stillOpen: false, steps: ['note', 'open', 'reply', 'pending', 'open', 'reply', 'resolved'] },
  { weight: 15, stillOpen: false, steps: ['open', 'reply', 'note', 'note', 'resolved', 'closed', 'note'] },
  { weight: 10, stillOpen: false, steps: ['open', 'reply', 'resolved', 'reopen', 'note', 'reply', 'resolved'] },
  { weight: 5, stillOpen: true, steps: ['open', 'reply', 'resolved', 'closed', 'reopen', 'note', 'reply'] },
  { weight: 10, stillOpen: true, steps: ['open', 'note', 'priority', 'reply', 'pending', 'open', 'note'] },
  { weight: 15, stillOpen: true, steps: ['note', 'note', 'open', 'reply', 'note', 'pending', 'open'] },
  { weight: 15, stillOpen: true, steps: ['note', 'open', 'note', 'note', 'assign', 'note', 'pending'] },
];
const TOTAL_WEIGHT = SHAPES.reduce((s, x) => s + x.weight, 0);

export function buildTickets(): TicketEvent[][] {
  const r = rng(SEED);
  const start = Date.parse('2026-01-02T00:00:00+08:00');
  const span = NOW - 10 * 86_400_000 - start;
  const tickets: TicketEvent[][] = new Array<TicketEvent[]>(TICKETS);
  for (let i = 0; i < TICKETS; i++) {
    let pick = r() * TOTAL_WEIGHT;
    const shape = SHAPES.find((s) => (pick -= s.weight) < 0) ?? SHAPES[0]!;
    // This year's tickets; most of those still open are from the last ten days, a backlog is older.
    const recent = shape.stillOpen ? r() < 0.85 : r() < 0.1;
    const createdAt = recent ? NOW - Math.floor(r() * 10 * 86_400_000) : start + Math.floor(r() * span);
    const priority = (['P1', 'P2', 'P3', 'P4'] as const)[Math.floor(r() * r() * 4)]!;
    const category = CATEGORIES[Math.floor(r() * CATEGORIES.length)]!;
    const h = new TicketHistory(`t-${i}`, `agent-${i % 40}`).create(createdAt, { priority, category }).sla(createdAt, policyFor(priority, category));
    let t = createdAt + Math.floor(r() * 5 * MIN);
    h.assign(t, `agent-${Math.floor(r() * 40)}`);
    let current = priority;
    for (const step of shape.steps) {
      // Mostly minutes to hours apart, sometimes a day or more (a customer who takes their time).
      t += r() < 0.8 ? Math.floor(r() * 3 * 60 * MIN) : Math.floor(r() * 2 * 86_400_000);
      if (t > NOW) t = NOW;
      if (step === 'note') h.note(t);
      else if (step === 'reply') h.reply(t);
      else if (step === 'assign') h.assign(t, `agent-${Math.floor(r() * 40)}`);
      else if (step === 'open' || step === 'reopen') h.to(t, 'open');
      else if (step === 'pending') h.to(t, 'pending_customer');
      else if (step === 'resolved' || step === 'closed') h.to(t, step);
      else {
        const to: TicketPriority = current === 'P1' ? 'P2' : 'P1';
        h.priority(t, current, to).sla(t, policyFor(to, category));
        current = to;
      }
    }
    // A priority change is two events (priority_changed + sla_applied): its shape's last note is dropped.
    tickets[i] = h.events.slice(0, EVENTS_PER_TICKET);
  }
  return tickets;
}

export interface SlaBench {
  tickets: number;
  events: number;
  buildMs: number;
  coldMs: number;
  warmMs: number;
  levels: Record<TicketLevel, number>;
  goalMet: boolean;
}

export function measureSla(): SlaBench {
  const t0 = performance.now();
  const tickets = buildTickets();
  const buildMs = performance.now() - t0;
  // A copy never compiled before, so the first pass includes compiling it and building its days.
  const calendar: CalendarContent = structuredClone(DEFAULT_CALENDAR);
  const calendars = (v: string) => (v === CALENDAR_2026 ? calendar : undefined);
  const levels: Record<TicketLevel, number> = { ok: 0, warning: 0, breached: 0, paused: 0, done: 0 };
  const pass = (count: boolean) => {
    const t = performance.now();
    for (const events of tickets) {
      const s = deriveTicket(events, calendars, NOW);
      if (count) levels[s.level]++;
    }
    return performance.now() - t;
  };
  const coldMs = pass(true);
  const warmMs = pass(false);
  const events = tickets.reduce((n, e) => n + e.length, 0);
  return { tickets: tickets.length, events, buildMs, coldMs, warmMs, levels, goalMet: coldMs <= SLA_GOAL_MS };
}

export function runSlaBench(): void {
  const b = measureSla();
  const fmt = (ms: number) => `${Math.round(ms).toLocaleString('en-US')} ms`;
  console.log(`SLA derivation: ${b.tickets.toLocaleString('en-US')} tickets × ${b.events / b.tickets} events (${b.events.toLocaleString('en-US')} events, built in ${fmt(b.buildMs)})`);
  console.log(`  levels: ${Object.entries(b.levels).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}`);
  console.log(`  deriveTicket, all tickets, first pass: ${fmt(b.coldMs)} (${((b.coldMs * 1000) / b.tickets).toFixed(2)} µs/ticket)  goal ≤ ${fmt(SLA_GOAL_MS)} ${b.goalMet ? '✓' : '✗'}`);
  console.log(`  deriveTicket, all tickets, second pass (calendar days cached): ${fmt(b.warmMs)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runSlaBench();
