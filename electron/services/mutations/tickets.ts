import { AppError } from '../../../core/contract/result';
import { matchPolicy } from '../../../core/sla';
import { canReopenClosed, canTransition, deriveTicket, isReopen, ticketCode, type TicketEvent, type TicketPriority, type TicketState } from '../../../core/tickets';
import { nextWindowOpening } from '../../../core/rules/calling-window';
import type { MutationArgs } from '../../../core/sync/mutations';
import type { Db } from '../../../db/open';
import { insertCallback } from '../../../db/repos/callbacks';
import { calendarById, currentCalendar, getCaseSettings, getSlaPolicies } from '../../../db/repos/case-settings';
import { getCustomer } from '../../../db/repos/customers';
import { notifyEach } from '../../../db/repos/notifications';
import { getSettings } from '../../../db/repos/settings';
import { followUpsOf, insertTicketEvent, reserveTicketRow, ticketEvents, ticketExists, writeTicketProjection } from '../../../db/repos/tickets';
import { getUser, supervisorIds } from '../../../db/repos/users';
import { markFaqNeedsReview } from '../../../db/repos/faq-review';

/*
 * Appliers of the ticket mutations. Each appends events (the facts) and rewrites the ticket's projection
 * from all of its events; the rules (transitions, the reopen window, policy matching) are checked here so
 * the server re-running the mutation decides the same way.
 */

const DAY_MS = 86_400_000;

/** The ticket's state as of `at`, derived from its events. */
export function deriveAt(db: Db, ticketId: string, at: number): TicketState {
  const events = ticketEvents(db, ticketId);
  if (events.length === 0) throw new AppError('NOT_FOUND', 'That ticket does not exist.');
  return deriveTicket(events, (id) => calendarById(db, id), at);
}

/** Rewrites the projection from the events; returns the state. */
function project(db: Db, ticketId: string, at: number): TicketState {
  const state = deriveAt(db, ticketId, at);
  writeTicketProjection(db, state);
  return state;
}

function event<T extends TicketEvent['type']>(
  id: string,
  ticketId: string,
  at: number,
  actorId: string | null,
  type: T,
  data: Extract<TicketEvent, { type: T }>['data'],
): TicketEvent {
  return { id, ticketId, at, actorId, type, data } as TicketEvent;
}

function slaFor(db: Db, priority: TicketPriority, category: string) {
  const policy = matchPolicy(getSlaPolicies(db), priority, category);
  if (!policy) throw new AppError('BAD_INPUT', `No SLA policy covers ${priority} tickets. A supervisor adds one under SLA policies.`);
  return {
    policyId: policy.id,
    firstResponseMinutes: policy.firstResponseMinutes,
    resolutionMinutes: policy.resolutionMinutes,
    warning: policy.warning,
    calendarVersionId: currentCalendar(db).id,
  };
}

function checkCategory(db: Db, category: string): void {
  const known = getCaseSettings(db).categories.find((c) => c.key === category);
  if (!known || known.retired) throw new AppError('BAD_INPUT', `“${category}” is not a ticket category in use.`, { field: 'category' });
}

function checkUser(db: Db, userId: string | null, field: string): void {
  if (userId !== null && !getUser(db, userId)) throw new AppError('NOT_FOUND', 'That user does not exist.', { field });
}

export function applyCreateTicket(db: Db, a: MutationArgs<'tickets.create'>): TicketState {
  if (ticketExists(db, a.ticketId)) throw new AppError('CONFLICT', 'That ticket already exists.');
  checkCategory(db, a.category);
  checkUser(db, a.assigneeId, 'assigneeId');
  if (a.customerId !== null && !getCustomer(db, a.customerId)) throw new AppError('NOT_FOUND', 'That customer does not exist.');
  const sla = slaFor(db, a.priority, a.category);
  reserveTicketRow(db, a.ticketId);
  insertTicketEvent(
    db,
    event(a.createdEventId, a.ticketId, a.at, a.by, 'created', {
      priority: a.priority,
      category: a.category,
      subject: a.subject,
      description: a.description,
      channel: a.channel,
      customerId: a.customerId,
      callbackId: a.callbackId,
      attemptId: a.attemptId,
      assigneeId: a.assigneeId,
    }),
  );
  insertTicketEvent(db, event(a.slaEventId, a.ticketId, a.at, a.by, 'sla_applied', sla));
  return project(db, a.ticketId, a.at);
}


export interface TransitionApplied {
  state: TicketState;
  followUpCallbackId: string | null;
  followUpDueAt: number | null;
}

export function applyTransition(db: Db, a: MutationArgs<'tickets.transition'>): TransitionApplied {
  const before = deriveAt(db, a.ticketId, a.at);
  const from = before.status;
  if (!canTransition(from, a.to)) {
    throw new AppError('INVALID_TRANSITION', `A ${from} ticket cannot become ${a.to}.`, { from, to: a.to });
  }
  if (from === 'closed' && !canReopenClosed(before.closedAt ?? a.at, a.at, getCaseSettings(db).reopenWindowDays)) {
    throw new AppError('INVALID_TRANSITION', `A closed ticket can be reopened only within ${getCaseSettings(db).reopenWindowDays} days of closing.`, {
      from,
      to: a.to,
    });
  }
  insertTicketEvent(db, event(a.eventId, a.ticketId, a.at, a.by, 'status_changed', { from, to: a.to, ...(a.reason ? { reason: a.reason } : {}) }));
  if (isReopen(from, a.to)) markFaqNeedsReview(db, a.ticketId, a.at);
  let followUp: { id: string; dueAt: number } | null = null;
  if (a.to === 'resolved' && a.followUpCallbackId !== null) followUp = scheduleFollowUp(db, before, a.followUpCallbackId, a.at);
  const state = project(db, a.ticketId, a.at);
  return { state, followUpCallbackId: followUp?.id ?? null, followUpDueAt: followUp?.dueAt ?? null };
}

/**
 * The complaint follow-up after a resolution: `followUpDays` later, moved into the customer's calling
 * window (their zone). None when the customer refused service calls, or one is already open for the ticket
 * (a ticket resolved again after a reopen keeps its first follow-up).
 */
function scheduleFollowUp(db: Db, ticket: TicketState, callbackId: string, at: number): { id: string; dueAt: number } | null {
  if (!ticket.customerId) return null;
  const customer = getCustomer(db, ticket.customerId);
  if (!customer || customer.consentService === 'refused') return null;
  if (followUpsOf(db, ticket.id).some((f) => f.state === 'open')) return null;
  const base = at + getCaseSettings(db).followUpDays * DAY_MS;
  const dueAt = nextWindowOpening(base, customer.timezone, getSettings(db)) ?? base;
  insertCallback(db, {
    id: callbackId,
    customerId: customer.id,
    reason: 'complaint_followup',
    priority: 2,
    dueAt,
    state: 'open',
    outcome: null,
    attempts: 0,
    failedAttempts: 0,
    leaseAgentId: null,
    leaseExpiresAt: null,
    notes: `${ticketCode(ticket.id)} ${ticket.subject}`,
    source: 'manual',
    importBatchId: null,
    createdAt: at,
    closedAt: null,
    ticketId: ticket.id,
  });
  return { id: callbackId, dueAt };
}

function assertActive(state: TicketState, what: string): void {
  if (state.status === 'resolved' || state.status === 'closed') {
    throw new AppError('INVALID_TRANSITION', `A ${state.status} ticket cannot be ${what}; reopen it first.`, { status: state.status });
  }
}

export function applyAssign(db: Db, a: MutationArgs<'tickets.assign'>): TicketState {
  const before = deriveAt(db, a.ticketId, a.at);
  if (before.status === 'closed') throw new AppError('INVALID_TRANSITION', 'A closed ticket cannot be reassigned.');
  checkUser(db, a.assigneeId, 'assigneeId');
  insertTicketEvent(db, event(a.eventId, a.ticketId, a.at, a.by, 'assigned', { assigneeId: a.assigneeId }));
  return project(db, a.ticketId, a.at);
}

/** A priority or category change re-evaluates the SLA policy: the new targets apply, time used so far is kept. */
export function applyUpdate(db: Db, a: MutationArgs<'tickets.update'>): TicketState {
  const before = deriveAt(db, a.ticketId, a.at);
  assertActive(before, 'changed');
  const priority = a.priority ?? before.priority;
  const category = a.category ?? before.category;
  if (a.category !== null && a.category !== before.category) checkCategory(db, a.category);
  if (priority === before.priority && category === before.category) return before;
  if (priority !== before.priority) {
    insertTicketEvent(db, event(a.priorityEventId, a.ticketId, a.at, a.by, 'priority_changed', { from: before.priority, to: priority }));
  }
  if (category !== before.category) {
    insertTicketEvent(db, event(a.categoryEventId, a.ticketId, a.at, a.by, 'category_changed', { from: before.category, to: category }));
  }
  insertTicketEvent(db, event(a.slaEventId, a.ticketId, a.at, a.by, 'sla_applied', slaFor(db, priority, category)));
  return project(db, a.ticketId, a.at);
}

export function applyComment(db: Db, a: MutationArgs<'tickets.comment'>): TicketState {
  const before = deriveAt(db, a.ticketId, a.at);
  if (before.status === 'closed') throw new AppError('INVALID_TRANSITION', 'A closed ticket takes no more replies or notes; reopen it first.');
  if (a.visibility === 'reply') {
    insertTicketEvent(db, event(a.eventId, a.ticketId, a.at, a.by, 'replied', { body: a.body }));
    // Answering a new ticket is working it.
    if (before.status === 'new') insertTicketEvent(db, event(a.openEventId, a.ticketId, a.at, a.by, 'status_changed', { from: 'new', to: 'open' }));
  } else {
    insertTicketEvent(db, event(a.eventId, a.ticketId, a.at, a.by, 'noted', { body: a.body }));
  }
  return project(db, a.ticketId, a.at);
}

/**
 * Records a breach the first time it is seen: escalates the ticket (to the supervisors' board) and
 * notifies the assignee and the supervisors. A clock already recorded, or not over its target as of `at`,
 * changes nothing (two consoles noticing the same breach record it once).
 */
export function applyRecordBreach(db: Db, a: MutationArgs<'tickets.recordBreach'>): boolean {
  const before = deriveAt(db, a.ticketId, a.at);
  if (!before.pendingBreaches.includes(a.clock)) return false;
  insertTicketEvent(db, event(a.eventId, a.ticketId, a.at, a.by, 'breach_recorded', { clock: a.clock, dueAt: a.dueAt }));
  notifyEach(db, breachRecipients(db, before.assigneeId), a.notificationIds, {
    at: a.at,
    kind: 'sla_breach',
    ticketId: a.ticketId,
    voucherId: null,
    data: { clock: a.clock, dueAt: a.dueAt, priority: before.priority },
  });
  project(db, a.ticketId, a.at);
  return true;
}

/** Who hears of a breach: the assignee first, then every other supervisor. */
export function breachRecipients(db: Db, assigneeId: string | null): string[] {
  return [...(assigneeId ? [assigneeId] : []), ...supervisorIds(db, assigneeId)];
}
