import { AppError } from '../contract/result';
import { matchPolicy } from '../sla';
import { canReopenClosed, canTransition, isReopen, ticketCode, type TicketEvent, type TicketPriority, type TicketState } from '../tickets';
import { nextWindowOpening } from '../rules/calling-window';
import type { MutationArgs } from '../sync/mutations';
import type { Q } from '../store/sql';
import { followUpsOf, insertCallback } from '../store/callbacks';
import { currentCalendar, getCaseSettings, getSlaPolicies } from '../store/case-settings';
import { getCustomer } from '../store/customers';
import { notifyEach } from '../store/notifications';
import { getSettings } from '../store/settings';
import { deriveFromEvents, insertTicketEvent, reserveTicketRow, ticketEvents, ticketExists, writeTicketProjection } from '../store/tickets';
import { getUser, supervisorIds } from '../store/users';
import { markFaqNeedsReview } from '../store/faq';

/*
 * Appliers of the ticket mutations. Each appends events (the facts) and rewrites the ticket's projection
 * from all of its events; the rules (transitions, the reopen window, policy matching) are checked here so
 * the server re-running the mutation decides the same way.
 */

const DAY_MS = 86_400_000;

/** The ticket's state as of `at`, derived from its events. */
export function* deriveAt(ticketId: string, at: number): Q<TicketState> {
  const events = yield* ticketEvents(ticketId);
  if (events.length === 0) throw new AppError('NOT_FOUND', 'That ticket does not exist.');
  return yield* deriveFromEvents(events, at);
}

/** Rewrites the projection from the events; returns the state. */
function* project(ticketId: string, at: number): Q<TicketState> {
  const state = yield* deriveAt(ticketId, at);
  yield* writeTicketProjection(state);
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

function* slaFor(priority: TicketPriority, category: string) {
  const policy = matchPolicy((yield* getSlaPolicies()), priority, category);
  if (!policy) throw new AppError('BAD_INPUT', `No SLA policy covers ${priority} tickets. A supervisor adds one under SLA policies.`);
  return {
    policyId: policy.id,
    firstResponseMinutes: policy.firstResponseMinutes,
    resolutionMinutes: policy.resolutionMinutes,
    warning: policy.warning,
    calendarVersionId: (yield* currentCalendar()).id,
  };
}

function* checkCategory(category: string): Q<void> {
  const known = (yield* getCaseSettings()).categories.find((c) => c.key === category);
  if (!known || known.retired) throw new AppError('BAD_INPUT', `“${category}” is not a ticket category in use.`, { field: 'category' });
}

function* checkUser(userId: string | null, field: string): Q<void> {
  if (userId !== null && !(yield* getUser(userId))) throw new AppError('NOT_FOUND', 'That user does not exist.', { field });
}

export function* applyCreateTicket(a: MutationArgs<'tickets.create'>): Q<TicketState> {
  if ((yield* ticketExists(a.ticketId))) throw new AppError('CONFLICT', 'That ticket already exists.');
  yield* checkCategory(a.category);
  yield* checkUser(a.assigneeId, 'assigneeId');
  if (a.customerId !== null && !(yield* getCustomer(a.customerId))) throw new AppError('NOT_FOUND', 'That customer does not exist.');
  const sla = yield* slaFor(a.priority, a.category);
  yield* reserveTicketRow(a.ticketId);
  yield* insertTicketEvent(
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
  yield* insertTicketEvent(event(a.slaEventId, a.ticketId, a.at, a.by, 'sla_applied', sla));
  return yield* project(a.ticketId, a.at);
}


export interface TransitionApplied {
  state: TicketState;
  followUpCallbackId: string | null;
  followUpDueAt: number | null;
}

export function* applyTransition(a: MutationArgs<'tickets.transition'>): Q<TransitionApplied> {
  const before = yield* deriveAt(a.ticketId, a.at);
  const from = before.status;
  if (!canTransition(from, a.to)) {
    throw new AppError('INVALID_TRANSITION', `A ${from} ticket cannot become ${a.to}.`, { from, to: a.to });
  }
  if (from === 'closed' && !canReopenClosed(before.closedAt ?? a.at, a.at, (yield* getCaseSettings()).reopenWindowDays)) {
    throw new AppError('INVALID_TRANSITION', `A closed ticket can be reopened only within ${(yield* getCaseSettings()).reopenWindowDays} days of closing.`, {
      from,
      to: a.to,
    });
  }
  yield* insertTicketEvent(event(a.eventId, a.ticketId, a.at, a.by, 'status_changed', { from, to: a.to, ...(a.reason ? { reason: a.reason } : {}) }));
  if (isReopen(from, a.to)) yield* markFaqNeedsReview(a.ticketId, a.at);
  let followUp: { id: string; dueAt: number } | null = null;
  if (a.to === 'resolved' && a.followUpCallbackId !== null) followUp = yield* scheduleFollowUp(before, a.followUpCallbackId, a.at);
  const state = yield* project(a.ticketId, a.at);
  return { state, followUpCallbackId: followUp?.id ?? null, followUpDueAt: followUp?.dueAt ?? null };
}

/**
 * The complaint follow-up after a resolution: `followUpDays` later, moved into the customer's calling
 * window (their zone). None when the customer refused service calls, or one is already open for the ticket
 * (a ticket resolved again after a reopen keeps its first follow-up).
 */
function* scheduleFollowUp(ticket: TicketState, callbackId: string, at: number): Q<{ id: string; dueAt: number } | null> {
  if (!ticket.customerId) return null;
  const customer = yield* getCustomer(ticket.customerId);
  if (!customer || customer.consentService === 'refused') return null;
  if ((yield* followUpsOf(ticket.id)).some((f) => f.state === 'open')) return null;
  const base = at + (yield* getCaseSettings()).followUpDays * DAY_MS;
  const dueAt = nextWindowOpening(base, customer.timezone, (yield* getSettings())) ?? base;
  yield* insertCallback({
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

export function* applyAssign(a: MutationArgs<'tickets.assign'>): Q<TicketState> {
  const before = yield* deriveAt(a.ticketId, a.at);
  if (before.status === 'closed') throw new AppError('INVALID_TRANSITION', 'A closed ticket cannot be reassigned.');
  yield* checkUser(a.assigneeId, 'assigneeId');
  yield* insertTicketEvent(event(a.eventId, a.ticketId, a.at, a.by, 'assigned', { assigneeId: a.assigneeId }));
  return yield* project(a.ticketId, a.at);
}

/** A priority or category change re-evaluates the SLA policy: the new targets apply, time used so far is kept. */
export function* applyUpdate(a: MutationArgs<'tickets.update'>): Q<TicketState> {
  const before = yield* deriveAt(a.ticketId, a.at);
  assertActive(before, 'changed');
  const priority = a.priority ?? before.priority;
  const category = a.category ?? before.category;
  if (a.category !== null && a.category !== before.category) yield* checkCategory(a.category);
  if (priority === before.priority && category === before.category) return before;
  if (priority !== before.priority) {
    yield* insertTicketEvent(event(a.priorityEventId, a.ticketId, a.at, a.by, 'priority_changed', { from: before.priority, to: priority }));
  }
  if (category !== before.category) {
    yield* insertTicketEvent(event(a.categoryEventId, a.ticketId, a.at, a.by, 'category_changed', { from: before.category, to: category }));
  }
  yield* insertTicketEvent(event(a.slaEventId, a.ticketId, a.at, a.by, 'sla_applied', (yield* slaFor(priority, category))));
  return yield* project(a.ticketId, a.at);
}

export function* applyComment(a: MutationArgs<'tickets.comment'>): Q<TicketState> {
  const before = yield* deriveAt(a.ticketId, a.at);
  if (before.status === 'closed') throw new AppError('INVALID_TRANSITION', 'A closed ticket takes no more replies or notes; reopen it first.');
  if (a.visibility === 'reply') {
    yield* insertTicketEvent(event(a.eventId, a.ticketId, a.at, a.by, 'replied', { body: a.body }));
    // Answering a new ticket is working it.
    if (before.status === 'new') yield* insertTicketEvent(event(a.openEventId, a.ticketId, a.at, a.by, 'status_changed', { from: 'new', to: 'open' }));
  } else {
    yield* insertTicketEvent(event(a.eventId, a.ticketId, a.at, a.by, 'noted', { body: a.body }));
  }
  return yield* project(a.ticketId, a.at);
}

/**
 * Records a breach the first time it is seen: escalates the ticket (to the supervisors' board) and
 * notifies the assignee and the supervisors. A clock already recorded, or not over its target as of `at`,
 * changes nothing (two consoles noticing the same breach record it once).
 */
export function* applyRecordBreach(a: MutationArgs<'tickets.recordBreach'>): Q<boolean> {
  const before = yield* deriveAt(a.ticketId, a.at);
  if (!before.pendingBreaches.includes(a.clock)) return false;
  yield* insertTicketEvent(event(a.eventId, a.ticketId, a.at, a.by, 'breach_recorded', { clock: a.clock, dueAt: a.dueAt }));
  yield* notifyEach((yield* breachRecipients(before.assigneeId)), a.notificationIds, {
    at: a.at,
    kind: 'sla_breach',
    ticketId: a.ticketId,
    voucherId: null,
    data: { clock: a.clock, dueAt: a.dueAt, priority: before.priority },
  });
  yield* project(a.ticketId, a.at);
  return true;
}

/** Who hears of a breach: the assignee first, then every other supervisor. */
export function* breachRecipients(assigneeId: string | null): Q<string[]> {
  return [...(assigneeId ? [assigneeId] : []), ...(yield* supervisorIds(assigneeId))];
}
