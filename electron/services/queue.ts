import { DateTime } from 'luxon';
import { customerTickets, ticketOfCallback, type TicketBrief } from '../../db/repos/tickets';
import { listVoucherRows } from '../../db/repos/vouchers';
import { ticketCode } from '../../core/tickets';
import { toVoucherView } from './vouchers';
import { z } from 'zod';
import { QUEUE_SORTS, type ParsedInputOf, type QueueSort } from '../../core/contract/api';
import { AppError } from '../../core/contract/result';
import type { BlockView, CallbackDetail, CallDraftView, QueuePage, QueueRow, QueueSummary, TicketBriefView } from '../../core/contract/views';
import { FOREVER } from '../../core/domain/model';
import type { CallbackRecord, CustomerRecord } from '../../core/domain/records';
import { assessCallability } from '../../core/rules/callability';
import { zonesOpenNow } from '../../core/rules/calling-window';
import { maskPhone } from '../../core/rules/phone';
import type { Settings } from '../../core/settings';
import type { Db } from '../../db/open';
import { contactHistory } from '../../db/repos/attempts';
import { getCallDraft, type CallDraftRecord } from '../../db/repos/call-drafts';
import { activeLeaseOf, getCallback, pickNextCandidate } from '../../db/repos/callbacks';
import { distinctTimezones, getCustomer } from '../../db/repos/customers';
import { listQueue, queueCounts, type QueueListRow, type QueuePosition } from '../../db/repos/queue-list';
import { getSettings } from '../../db/repos/settings';
import { stmt } from '../../db/repos/stmt';
import { currentUser, type ServiceContext } from './context';
import { onCommitted } from './mutations/registry';
import { toCallbackFacts } from '../../core/domain/facts';

/**
 * Zones whose calling window is open now. Distinct zones are few; they are re-read at most every few
 * seconds, and the window verdict per zone is recomputed per minute.
 */
const zoneCache = new WeakMap<Db, { readAt: number; zones: string[]; key: string; open: string[] }>();
export function openZones(db: Db, now: number, settings: Settings): string[] {
  let entry = zoneCache.get(db);
  if (!entry || Math.abs(now - entry.readAt) > 5_000) {
    entry = { readAt: now, zones: distinctTimezones(db), key: entry?.key ?? '', open: entry?.open ?? [] };
    zoneCache.set(db, entry);
  }
  // The verdict depends on the minute, the zones and the window rules; recompute only when one changes.
  const { callWindowStart, callWindowEnd, noCallWeekdays, noCallDates } = settings;
  const key = JSON.stringify([Math.floor(now / 60_000), entry.zones, callWindowStart, callWindowEnd, noCallWeekdays, noCallDates]);
  if (entry.key !== key) Object.assign(entry, { key, open: zonesOpenNow(now, entry.zones, settings) });
  return entry.open;
}
/**
 * Written data may bring new zones (an import, the demo, a pull): after every commit the list is read again
 * on its next use (the window verdict is kept while the zones stay the same). Cleared by the mutation
 * runner's post-commit hook, never by callers.
 */
const forgetZones = (db: Db) => {
  const entry = zoneCache.get(db);
  if (entry) entry.readAt = -Infinity;
};
onCommitted(forgetZones);

function toBlocks(row: CallbackRecord, customer: Parameters<typeof assessCallability>[0]['customer'], agentId: string, now: number, settings: Settings) {
  const verdict = assessCallability({ callback: toCallbackFacts(row), customer, agentId, now, settings });
  const blocks: BlockView[] = verdict.callable
    ? []
    : verdict.blocks.map((b) => ({ reason: b.reason, until: b.until ?? null, localTime: b.localTime ?? null }));
  return { callable: verdict.callable, blocks };
}

function toQueueRow(row: QueueListRow, agentId: string, now: number, settings: Settings): QueueRow {
  const customer = {
    id: row.customerId,
    phoneStatus: row.phoneStatus,
    timezone: row.timezone,
    consents: { service: row.consentService, survey: row.consentSurvey, marketing: row.consentMarketing },
    dncUntil: row.dncUntil,
    capUntil: row.capUntil,
  };
  return {
    id: row.id,
    customerId: row.customerId,
    customerName: row.customerName,
    phoneMasked: maskPhone(row.phone),
    timezone: row.timezone,
    reason: row.reason,
    priority: row.priority,
    dueAt: row.dueAt,
    overdue: row.state === 'open' && row.dueAt !== null && row.dueAt <= now,
    state: row.state,
    outcome: row.outcome,
    attempts: row.attempts,
    leasedByMe: row.leaseAgentId === agentId && (row.leaseExpiresAt ?? 0) > now,
    createdAt: row.createdAt,
    ...toBlocks(row, customer, agentId, now, settings),
  };
}

export function listQueuePage(ctx: ServiceContext, input: ParsedInputOf<'queue.list'>): QueuePage {
  const agent = currentUser(ctx);
  const now = ctx.now();
  const settings = getSettings(ctx.db);
  const zones = openZones(ctx.db, now, settings);
  const after = input.cursor === undefined ? null : decodeCursor(input.cursor, input.sort, input.direction);
  const { rows, total, next } = listQueue(ctx.db, { ...input, after, now, agentId: agent.id, zones });
  return {
    rows: rows.map((r) => toQueueRow(r, agent.id, now, settings)),
    total,
    offset: input.offset,
    nextCursor: next && encodeCursor(input.sort, input.direction, next),
  };
}

/*
 * A queue cursor is the last row's place in its sort (db/repos/queue-list.ts QueuePosition), tagged with
 * the sort and direction it belongs to, as base64url JSON. It is a position, not a snapshot: after a
 * write the next page still starts right after that row.
 */
const keyValue = z.union([z.number(), z.string().max(200)]);
const cursorSchema = z
  .object({ s: z.enum(QUEUE_SORTS), d: z.enum(['asc', 'desc']), p: z.number().int().min(0).max(1), g: keyValue.nullable(), u: z.number().int().min(0).max(1), k: z.array(keyValue).min(1).max(3) })
  .strict();

function encodeCursor(sort: QueueSort, direction: 'asc' | 'desc', at: QueuePosition): string {
  return Buffer.from(JSON.stringify({ s: sort, d: direction, p: at.part, g: at.group, u: at.sub, k: at.keys })).toString('base64url');
}

function decodeCursor(cursor: string, sort: QueueSort, direction: 'asc' | 'desc'): QueuePosition {
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('BAD_INPUT', 'The queue cursor is not one this console made; load the list from the top.', { field: 'cursor' });
  }
  if (parsed.s !== sort || parsed.d !== direction) {
    throw new AppError('BAD_INPUT', 'The queue cursor belongs to another sort; load the list from the top.', { field: 'cursor' });
  }
  return { part: parsed.p, group: parsed.g, sub: parsed.u, keys: parsed.k };
}

export function queueSummary(ctx: ServiceContext): QueueSummary {
  const agent = currentUser(ctx);
  const now = ctx.now();
  const settings = getSettings(ctx.db);
  const dayStart = DateTime.fromMillis(now, { zone: 'Asia/Shanghai' }).startOf('day').toMillis();
  const counts = queueCounts(ctx.db, now, agent.id, openZones(ctx.db, now, settings), dayStart);
  return { ...counts, myLease: activeLeaseOf(ctx.db, agent.id, now)?.id ?? null };
}

export function callbackDetail(ctx: ServiceContext, id: string): CallbackDetail {
  const agent = currentUser(ctx);
  const now = ctx.now();
  const settings = getSettings(ctx.db);
  const callback = getCallback(ctx.db, id);
  if (!callback) throw new AppError('NOT_FOUND', 'That callback does not exist.');
  const customer = getCustomer(ctx.db, callback.customerId);
  if (!customer) throw new AppError('NOT_FOUND', 'The customer of this callback does not exist.');
  // The agent's own call in progress here (device-local), restored by the workspace after a reload.
  const mine = getCallDraft(ctx.db, id, agent.id);
  const row: QueueListRow = {
    ...callback,
    customerName: customer.name,
    phone: customer.phone,
    timezone: customer.timezone,
    phoneStatus: customer.phoneStatus,
    consentService: customer.consentService,
    consentSurvey: customer.consentSurvey,
    consentMarketing: customer.consentMarketing,
    dncUntil: customer.dncUntil,
    capUntil: customer.capUntil,
  };
  return {
    callback: {
      ...toQueueRow(row, agent.id, now, settings),
      notes: callback.notes,
      failedAttempts: callback.failedAttempts,
      leaseExpiresAt: callback.leaseExpiresAt,
      closedAt: callback.closedAt,
    },
    customer: customerProfile(ctx.db, customer, now),
    followUpOf: followUpOf(ctx, id, now),
    tickets: customerTickets(ctx.db, customer.id).map(briefView),
    draft: mine ? draftView(mine) : null,
  };
}

export function draftView(draft: CallDraftRecord): CallDraftView {
  return { startedAt: draft.startedAt, disposition: draft.disposition, notes: draft.notes, updatedAt: draft.updatedAt };
}

const briefView = (t: TicketBrief): TicketBriefView => ({ ...t, code: ticketCode(t.id) }) as TicketBriefView;

function followUpOf(ctx: ServiceContext, callbackId: string, now: number): CallbackDetail['followUpOf'] {
  const ticket = ticketOfCallback(ctx.db, callbackId);
  if (!ticket) return null;
  const vouchers = listVoucherRows(ctx.db, { ticketId: ticket.id, offset: 0, limit: 50 }).rows.map((v) => {
    const view = toVoucherView(v, now);
    return { code: view.code, kind: view.kind, valueFen: view.valueFen, percentOff: view.percentOff, points: view.points, state: view.state };
  });
  return { ...briefView(ticket), vouchers };
}

function customerProfile(db: Db, c: CustomerRecord, now: number): CallbackDetail['customer'] {
  const activeDnc = c.dncUntil !== null && c.dncUntil > now;
  const others = stmt(
    db,
    `SELECT id, reason, priority, due_at AS dueAt FROM callbacks WHERE customer_id = ? AND state = 'open' ORDER BY priority, due_at`,
  ).all(c.id) as CallbackDetail['customer']['otherOpenCallbacks'];
  return {
    id: c.id,
    name: c.name,
    gender: c.gender,
    phoneMasked: maskPhone(c.phone),
    phoneStatus: c.phoneStatus,
    timezone: c.timezone,
    city: c.city,
    segment: c.segment,
    registeredAt: c.registeredAt,
    lastActiveAt: c.lastActiveAt,
    txnCount30d: c.txnCount30d,
    balanceBand: c.balanceBand,
    tags: c.tags,
    consents: { service: c.consentService, survey: c.consentSurvey, marketing: c.consentMarketing },
    dnc: activeDnc ? { until: c.dncUntil === FOREVER ? null : c.dncUntil, forever: c.dncUntil === FOREVER } : null,
    history: contactHistory(db, c.id).map((h) => ({
      id: h.id,
      callbackId: h.callbackId,
      reason: h.reason as QueueRow['reason'],
      agentName: h.agentName,
      startedAt: h.startedAt,
      endedAt: h.endedAt,
      disposition: h.disposition,
      notes: h.notes,
      callbackAt: h.callbackAt,
    })),
    otherOpenCallbacks: others,
  };
}

/**
 * Picks the SQL candidate, then lets the core guard confirm it (it is the authority). The candidate row
 * carries the callback's and customer's facts, so the guard runs on them without reading either again.
 */
export function pickNext(ctx: ServiceContext, agentId: string, now: number, settings: Settings): string | undefined {
  const zones = openZones(ctx.db, now, settings);
  const rejected: string[] = [];
  for (let tries = 0; tries < 20; tries++) {
    const candidate = pickNextCandidate(ctx.db, { now, agentId, zones }, rejected);
    if (!candidate) return undefined;
    const verdict = assessCallability({ ...candidate, agentId, now, settings });
    if (verdict.callable) return candidate.callback.id;
    rejected.push(candidate.callback.id);
  }
  return undefined;
}
