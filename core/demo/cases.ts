import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_POLICIES, matchPolicy, type TicketPriority } from '../sla/policy';
import type { TicketEvent, TicketStatus } from '../tickets/model';
import { voucherCodeFrom, type VoucherKind } from '../vouchers/policy';
import { COMPLAINTS, INTERNAL_NOTES, PENDING_REASONS, type ComplaintText } from './cases-text';
import { createPrng, weighted, type Prng } from './prng';

/*
 * The demo's complaint tickets and vouchers: eight weeks of history plus today's open work, so the SLA
 * board, the approval queue and the reports have something to show on a fresh console. A pure function
 * of its options (seeded draws, `now` as the only clock, ids from those draws), like generateDemoData:
 * the `demo.loadCases` mutation replays to the same rows.
 */

export interface DemoCasesOptions {
  seed: number;
  now: number;
  /**
   * Customers to raise tickets for, in a stable order: those who complained (tagged 曾投诉). Each gets a
   * resolved ticket from the last 90 days; one with a complaint follow-up callback gets it a few days
   * before that callback was queued, and the callback follows that ticket up.
   */
  customers: DemoComplainant[];
  agentIds: string[];
  supervisorId: string;
  /** The calendar version the tickets' SLA is timed on. */
  calendarVersionId: string;
}

export interface DemoComplainant {
  id: string;
  name: string;
  /** The customer's complaint follow-up callback, if one is queued (or was worked). */
  followUp?: { callbackId: string; queuedAt: number; notes?: string } | null;
}

/**
 * What the follow-up's note says the complaint was about, as a ticket category and complaint text
 * (index into COMPLAINTS), so the ticket the call follows up tells the same story as the queue's note.
 */
const NOTE_TOPICS: readonly [RegExp, string, number][] = [
  [/被骗|盗刷/, 'account_security', 2],
  [/冻结/, 'account_security', 1],
  [/重复扣款/, 'payments', 1],
  [/扫码支付/, 'payments', 3],
  [/提现|结算/, 'payments', 2],
  [/转账/, 'payments', 0],
  [/实名认证/, 'app_usability', 2],
  [/排队|客服/, 'support_experience', 0],
  [/红包|返现/, 'offers_points', 0],
];

function topicOf(notes: string | undefined): { category: string; text: ComplaintText } | null {
  for (const [pattern, category, index] of NOTE_TOPICS) {
    const text = COMPLAINTS[category]?.[index];
    if (notes && pattern.test(notes) && text) return { category, text };
  }
  return null;
}

export interface DemoVoucher {
  id: string;
  code: string;
  requestKey: string;
  kind: VoucherKind;
  percentOff: number | null;
  amountFen: number | null;
  points: number | null;
  valueFen: number;
  reasonCode: string;
  customerId: string;
  ticketId: string;
  state: 'pending_approval' | 'issued' | 'redeemed' | 'voided';
  requestedBy: string;
  requestedAt: number;
  decidedBy: string | null;
  decidedAt: number | null;
  issuedAt: number | null;
  expiresAt: number;
  redeemedAt: number | null;
  voidedAt: number | null;
  stateReason: string | null;
}

export interface DemoCases {
  tickets: TicketEvent[][];
  vouchers: DemoVoucher[];
  /** Complaint follow-up callbacks and the resolved ticket each follows up. */
  followUps: { callbackId: string; ticketId: string }[];
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const CATEGORY = weighted<string>([
  ['payments', 35],
  ['account_security', 18],
  ['app_usability', 17],
  ['support_experience', 10],
  ['offers_points', 15],
  ['other', 5],
]);
const PRIORITY = weighted<TicketPriority>([
  ['P1', 8],
  ['P2', 30],
  ['P3', 45],
  ['P4', 17],
]);
const OPEN_TICKETS = 28;
/** Resolved tickets reach back this far (the profile's "recent tickets" look back 90 days). */
const HISTORY_DAYS = 88;
/** Some complainants complained twice. */
const SECOND_TICKET_RATE = 0.12;

function fill(text: string, name: string, rng: Prng): string {
  return text
    .replace('{name}', name)
    .replace('{amount}', String(rng.pick([38, 128, 299, 520, 1280, 2000, 3650])))
    .replace('{phone}', `1${rng.pick(['38', '39', '86', '59', '77'])}${rng.digits(4)}${rng.digits(4)}`)
    .replace('{tail}', rng.digits(4))
    .replace('{email}', `user${rng.digits(4)}@example.com`);
}

/** A working-hours instant (09:00–18:00 Shanghai) on the day `daysAgo` before `now`'s day. */
function workTime(now: number, daysAgo: number, rng: Prng): number {
  const dayStart = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  return dayStart - daysAgo * DAY + 9 * HOUR + rng.int(0, 9 * 60 - 1) * MIN;
}

export function generateDemoCases(opts: DemoCasesOptions): DemoCases {
  const rng = createPrng(opts.seed, 7);
  const idRng = createPrng(opts.seed, 8);
  const newId = (at: number) => uuidv7({ msecs: at, random: idRng.bytes16() });
  const out: DemoCases = { tickets: [], vouchers: [], followUps: [] };
  if (opts.customers.length === 0 || opts.agentIds.length === 0) return out;
  // Every complainant's resolved ticket (a follow-up's a few days to three weeks before it was queued,
  // others any time in the last three months), a second, older one for some, then today's open work.
  const planned: { customer: DemoComplainant; open: boolean; daysAgo: number; followUp: string | null; notes?: string }[] = [];
  for (const customer of opts.customers) {
    const queued = customer.followUp ? Math.max(0, Math.floor((opts.now - customer.followUp.queuedAt) / DAY)) : null;
    const from = Math.min(HISTORY_DAYS, queued === null ? 3 : queued + 2);
    const daysAgo = rng.int(from, Math.min(HISTORY_DAYS, Math.max(from, queued === null ? HISTORY_DAYS : queued + 21)));
    planned.push({ customer, open: false, daysAgo, followUp: customer.followUp?.callbackId ?? null, notes: customer.followUp?.notes });
    if (rng.chance(SECOND_TICKET_RATE) && daysAgo + 10 <= HISTORY_DAYS) {
      planned.push({ customer, open: false, daysAgo: rng.int(daysAgo + 10, HISTORY_DAYS), followUp: null });
    }
  }
  for (let i = 0; i < OPEN_TICKETS; i++) {
    planned.push({ customer: opts.customers[rng.int(0, opts.customers.length - 1)]!, open: true, daysAgo: 0, followUp: null });
  }
  for (const { customer, open, daysAgo, followUp, notes } of planned) {
    const drawn = CATEGORY(rng);
    const priority = PRIORITY(rng);
    const drawnText = rng.pick(COMPLAINTS[drawn]!);
    const topic = topicOf(notes);
    const category = topic?.category ?? drawn;
    const text = topic?.text ?? drawnText;
    // Today's open work was raised in the last three days (some late).
    let at = open
      ? rng.chance(0.5)
        ? opts.now - rng.int(15, 6 * 60) * MIN
        : Math.min(opts.now - 10 * MIN, workTime(opts.now, rng.int(1, 2), rng))
      : workTime(opts.now, daysAgo, rng);
    const agent = rng.pick(opts.agentIds);
    const ticketId = newId(at);
    if (followUp) out.followUps.push({ callbackId: followUp, ticketId });
    const events: TicketEvent[] = [];
    let status: TicketStatus = 'new';
    // One second between events of the same moment, so their (at, id) order is the order they happened in.
    const push = (type: TicketEvent['type'], data: Record<string, unknown>, actorId: string | null = agent) => {
      events.push({ id: newId(at), ticketId, at, actorId, type, data } as TicketEvent);
      at += 1000;
    };
    const to = (next: TicketStatus, reason?: string) => {
      push('status_changed', reason ? { from: status, to: next, reason } : { from: status, to: next });
      status = next;
    };
    const policy = matchPolicy(DEFAULT_POLICIES, priority, category)!;
    push('created', {
      priority,
      category,
      subject: text.subject,
      description: fill(text.description, customer.name, rng),
      channel: rng.pick(['phone', 'phone', 'callback', 'app', 'email']),
      customerId: customer.id,
      callbackId: null,
      attemptId: null,
      assigneeId: agent,
    });
    push('sla_applied', {
      policyId: policy.id,
      firstResponseMinutes: policy.firstResponseMinutes,
      resolutionMinutes: policy.resolutionMinutes,
      warning: policy.warning,
      calendarVersionId: opts.calendarVersionId,
    });
    // Time moves on by `minutes`, but stops a minute before now (and never goes back).
    const step = (minutes: number) => {
      at = Math.max(at, Math.min(at + minutes * MIN, opts.now - MIN));
    };
    // Most first replies land within the target; about one in six is late.
    step(rng.chance(0.83) ? rng.int(5, Math.max(6, policy.firstResponseMinutes - 5)) : rng.int(policy.firstResponseMinutes + 10, policy.firstResponseMinutes * 3));
    if (open && rng.chance(0.35)) {
      // Still waiting for its first reply: these are the board's at-risk and breached tickets.
      if (rng.chance(0.5)) push('noted', { body: rng.pick(INTERNAL_NOTES) });
      out.tickets.push(events);
      continue;
    }
    if (rng.chance(0.4)) push('noted', { body: rng.pick(INTERNAL_NOTES) });
    push('replied', { body: text.reply });
    to('open');
    if (rng.chance(0.3)) {
      step(rng.int(20, 240));
      to('pending_customer', rng.pick(PENDING_REASONS));
      step(rng.int(60, 36 * 60));
      if (open && rng.chance(0.5)) {
        out.tickets.push(events);
        continue;
      }
      to('open');
    }
    if (open) {
      out.tickets.push(events);
      continue;
    }
    step(rng.chance(0.8) ? rng.int(30, policy.resolutionMinutes) : rng.int(policy.resolutionMinutes, policy.resolutionMinutes * 4));
    maybeVoucher(out, opts, rng, newId, { ticketId, customerId: customer.id, agent, at, text });
    to('resolved', text.resolution);
    if (rng.chance(0.6)) {
      step(rng.int(3 * 24 * 60, 5 * 24 * 60));
      to('closed');
    }
    out.tickets.push(events);
  }
  // A few requests above the agents' limits, waiting for the supervisor today.
  for (const events of out.tickets.slice(-6, -3)) {
    const created = events[0]!;
    const data = created.data as { customerId: string };
    const at = Math.max(created.at, opts.now - 3 * HOUR);
    const amountFen = rng.pick([68_00, 88_00, 120_00]);
    out.vouchers.push(voucher(newId, rng, at, opts, { kind: 'cashback', amountFen, percentOff: null, points: null, valueFen: amountFen }, {
      ticketId: created.ticketId,
      customerId: data.customerId,
      agent: created.actorId ?? opts.agentIds[0]!,
      reasonCode: 'payment_error',
      state: 'pending_approval',
    }));
  }
  return out;
}

function maybeVoucher(
  out: DemoCases,
  opts: DemoCasesOptions,
  rng: Prng,
  newId: (at: number) => string,
  t: { ticketId: string; customerId: string; agent: string; at: number; text: ComplaintText },
): void {
  if (!rng.chance(0.3)) return;
  const kind = weighted<VoucherKind>([['cashback', 45], ['discount_fixed', 25], ['points', 20], ['discount_percent', 10]])(rng);
  const amountFen = kind === 'points' ? null : rng.pick([5_00, 10_00, 20_00, 30_00, 50_00, 88_00]);
  const points = kind === 'points' ? rng.pick([500, 1000, 2000]) : null;
  const terms = { kind, amountFen, points, percentOff: kind === 'discount_percent' ? rng.pick([10, 20]) : null, valueFen: amountFen ?? points! };
  const big = terms.valueFen > 50_00;
  const state = rng.chance(0.05) ? 'voided' : rng.chance(0.45) ? 'redeemed' : 'issued';
  const reasonCode = rng.pick(['service_failure', 'payment_error', 'delay', 'goodwill']);
  out.vouchers.push(voucher(newId, rng, t.at, opts, terms, { ticketId: t.ticketId, customerId: t.customerId, agent: t.agent, reasonCode, state, approved: big }));
}

function voucher(
  newId: (at: number) => string,
  rng: Prng,
  at: number,
  opts: DemoCasesOptions,
  terms: { kind: VoucherKind; amountFen: number | null; percentOff: number | null; points: number | null; valueFen: number },
  v: { ticketId: string; customerId: string; agent: string; reasonCode: string; state: DemoVoucher['state']; approved?: boolean },
): DemoVoucher {
  const pending = v.state === 'pending_approval';
  const decidedAt = v.approved ? at + rng.int(10, 90) * MIN : null;
  const issuedAt = pending ? null : (decidedAt ?? at);
  const bytes = new Uint8Array(8);
  for (let i = 0; i < 8; i++) bytes[i] = rng.int(0, 255);
  return {
    id: newId(at),
    code: voucherCodeFrom(bytes),
    requestKey: newId(at),
    ...terms,
    reasonCode: v.reasonCode,
    customerId: v.customerId,
    ticketId: v.ticketId,
    state: v.state,
    requestedBy: v.agent,
    requestedAt: at,
    decidedBy: v.approved ? opts.supervisorId : null,
    decidedAt,
    issuedAt,
    expiresAt: at + 90 * DAY,
    redeemedAt: v.state === 'redeemed' ? Math.min(opts.now - MIN, at + rng.int(1, 20) * DAY) : null,
    voidedAt: v.state === 'voided' ? Math.min(opts.now - MIN, at + rng.int(1, 5) * DAY) : null,
    stateReason: v.state === 'voided' ? '重复补偿，已作废' : null,
  };
}
