import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CASE_SETTINGS } from '../core/cases/settings';
import { nextWindowOpening } from '../core/rules/calling-window';
import { DEFAULT_SETTINGS } from '../core/settings';
import { DEFAULT_CALENDAR, DEFAULT_POLICIES } from '../core/sla';
import { putSlaPolicies } from '../core/store/case-settings';
import type { MutationArgs } from '../core/sync/mutations';
import type { TicketStatus } from '../core/tickets/model';
import { inTransaction } from '../db/repos/stmt';
import { onSqlite } from '../db/store';
import { AGENT, DAY, HOUR, MIN, OTHER_AGENT, OTHER_SUPERVISOR, openStore, parsed, seedCustomer, SUPERVISOR, T, uid, withTeam, type Store } from './appliers-helpers';

/*
 * The ticket appliers: each appends events and rewrites the projection from all of them. The workflow
 * (which status may follow which, the reopen window), the SLA policy a ticket is timed by, the complaint
 * follow-up after a resolution and the breach escalation are decided here, once, for console and server.
 */

let n = 0;
const next = () => uid(60_000 + ++n);

let s: Store;
let customer: string;
beforeEach(() => {
  s = withTeam(openStore());
  customer = seedCustomer(s).id;
});

function create(over: Partial<MutationArgs<'tickets.create'>> = {}): MutationArgs<'tickets.create'> {
  const args: MutationArgs<'tickets.create'> = {
    ticketId: next(),
    createdEventId: next(),
    slaEventId: next(),
    priority: 'P3',
    category: 'payments',
    subject: '扣款异常',
    description: '重复扣款',
    channel: 'phone',
    customerId: customer,
    callbackId: null,
    attemptId: null,
    assigneeId: AGENT,
    at: T,
    by: AGENT,
    ...over,
  };
  s.apply('tickets.create', args);
  return args;
}

const move = (ticketId: string, to: TicketStatus, at: number, over: Partial<MutationArgs<'tickets.transition'>> = {}) =>
  s.apply('tickets.transition', { ticketId, eventId: next(), to, reason: '', followUpCallbackId: null, followUpSkipped: null, at, by: AGENT, ...over });
const eventsOf = (ticketId: string) =>
  s.rows<{ type: string; actor_id: string | null; data: string }>(`SELECT type, actor_id, data FROM ticket_events WHERE ticket_id = ? ORDER BY at, rowid`, ticketId).map((e) => ({ ...e, data: parsed(e.data) }));
const statusOf = (ticketId: string) => s.row<{ status: string }>(`SELECT status FROM tickets WHERE id = ?`, ticketId)!.status;

describe('tickets.create', () => {
  it('records what was reported and the SLA policy and calendar that time it', () => {
    const calendar = next();
    s.apply('calendar.save', { versionId: calendar, content: DEFAULT_CALENDAR, note: '', at: T - 1, by: SUPERVISOR });
    const a = create({ priority: 'P2', category: 'account_security' });
    const state = s.apply('tickets.assign', { ticketId: a.ticketId, eventId: next(), assigneeId: AGENT, at: T, by: AGENT });
    expect(state).toMatchObject({ id: a.ticketId, status: 'new', priority: 'P2', customerId: customer, assigneeId: AGENT, policyId: 'sla-p2-account-security', createdBy: AGENT });
    const [created, sla] = eventsOf(a.ticketId);
    expect(created).toEqual({
      type: 'created',
      actor_id: AGENT,
      data: { priority: 'P2', category: 'account_security', subject: '扣款异常', description: '重复扣款', channel: 'phone', customerId: customer, callbackId: null, attemptId: null, assigneeId: AGENT },
    });
    const policy = DEFAULT_POLICIES.find((p) => p.id === 'sla-p2-account-security')!;
    expect(sla).toEqual({
      type: 'sla_applied',
      actor_id: AGENT,
      data: { policyId: policy.id, firstResponseMinutes: policy.firstResponseMinutes, resolutionMinutes: policy.resolutionMinutes, warning: policy.warning, calendarVersionId: calendar },
    });
  });

  it.each([
    ['an id in use', () => ({ ticketId: create().ticketId }), 'CONFLICT', 'That ticket already exists.', undefined],
    ['an unknown category', () => ({ category: 'lottery' }), 'BAD_INPUT', '“lottery” is not a ticket category in use.', { field: 'category' }],
    ['an unknown assignee', () => ({ assigneeId: uid(1) }), 'NOT_FOUND', 'That user does not exist.', { field: 'assigneeId' }],
    ['an unknown customer', () => ({ customerId: uid(2) }), 'NOT_FOUND', 'That customer does not exist.', undefined],
  ] as const)('%s is refused', (_label, over, code, message, details) => {
    const args = over();
    const before = s.count('ticket_events');
    const refusal = s.refusal('tickets.create', { ...create.call(null, {}), ticketId: next(), ...args } as never);
    expect([refusal.code, refusal.message, refusal.details]).toEqual([code, message, details]);
    expect(s.count('ticket_events')).toBe(before + 2);
  });

  it('a retired category takes no new tickets; a ticket without customer or assignee is fine', () => {
    const categories = DEFAULT_CASE_SETTINGS.categories.map((c) => (c.key === 'other' ? { ...c, retired: true } : c));
    s.apply('cases.updateSettings', { settings: { ...DEFAULT_CASE_SETTINGS, categories }, at: T - 1, by: SUPERVISOR });
    expect(s.refusal('tickets.create', { ...create(), ticketId: next(), category: 'other' }).code).toBe('BAD_INPUT');
    expect(s.count('tickets', 'customer_id IS NULL AND assignee_id IS NULL')).toBe(0);
    create({ customerId: null, assigneeId: null });
    expect(s.count('tickets', 'customer_id IS NULL AND assignee_id IS NULL')).toBe(1);
  });

  it('without a policy for its priority (policies stored before every priority needed one), a ticket is refused', () => {
    inTransaction(s.db, () => onSqlite(s.db, putSlaPolicies(DEFAULT_POLICIES.filter((p) => p.priority !== 'P4'), T, SUPERVISOR)));
    const refusal = s.refusal('tickets.create', { ...create(), ticketId: next(), priority: 'P4' });
    expect([refusal.code, refusal.message]).toEqual(['BAD_INPUT', 'No SLA policy covers P4 tickets. A supervisor adds one under SLA policies.']);
  });
});

describe('tickets.transition', () => {
  it('only the workflow’s moves; a refused one says from and to', () => {
    const { ticketId } = create();
    const refusal = s.refusal('tickets.transition', { ticketId, eventId: next(), to: 'closed', reason: '', followUpCallbackId: null, followUpSkipped: null, at: T + MIN, by: AGENT });
    expect([refusal.code, refusal.message, refusal.details]).toEqual(['INVALID_TRANSITION', 'A new ticket cannot become closed.', { from: 'new', to: 'closed' }]);
    expect(s.refusal('tickets.transition', { ticketId: uid(3), eventId: next(), to: 'open', reason: '', followUpCallbackId: null, followUpSkipped: null, at: T, by: AGENT }).code).toBe('NOT_FOUND');
    move(ticketId, 'pending_customer', T + MIN, { reason: '等客户回复' });
    move(ticketId, 'open', T + 2 * MIN);
    expect(eventsOf(ticketId).slice(2).map((e) => e.data)).toEqual([
      { from: 'new', to: 'pending_customer', reason: '等客户回复' },
      { from: 'pending_customer', to: 'open' },
    ]);
  });

  it('a closed ticket reopens within the reopen window (7 days by default), and not after', () => {
    const late = create().ticketId;
    const inTime = create().ticketId;
    for (const id of [late, inTime]) {
      move(id, 'resolved', T + HOUR);
      move(id, 'closed', T + 2 * HOUR);
    }
    const refusal = s.refusal('tickets.transition', { ticketId: late, eventId: next(), to: 'open', reason: '', followUpCallbackId: null, followUpSkipped: null, at: T + 2 * HOUR + 7 * DAY + 1, by: AGENT });
    expect([refusal.code, refusal.message, refusal.details]).toEqual(['INVALID_TRANSITION', 'A closed ticket can be reopened only within 7 days of closing.', { from: 'closed', to: 'open' }]);
    expect(move(inTime, 'open', T + 2 * HOUR + 7 * DAY).state).toMatchObject({ status: 'open', reopenCount: 1 });
  });

  it('reopening flags the published FAQ entries it is a source of for review', () => {
    const { ticketId } = create();
    move(ticketId, 'resolved', T + HOUR);
    const entryId = next();
    const text = { category: 'payments', questionZh: '重复扣款怎么办？', answerZh: '会在三个工作日内退回。', questionEn: '', answerEn: '', keywords: [], sourceTicketIds: [ticketId] };
    s.apply('faq.create', { entryId, revisionId: next(), ...text, redactions: [], at: T + 2 * HOUR, by: AGENT });
    s.apply('faq.transition', { entryId, auditId: next(), action: 'submit', note: '', confirmed: [], at: T + 3 * HOUR, by: AGENT });
    s.apply('faq.transition', { entryId, auditId: next(), action: 'publish', note: '', confirmed: [], at: T + 4 * HOUR, by: SUPERVISOR });
    move(ticketId, 'closed', T + 5 * HOUR);
    expect(s.row(`SELECT needs_review FROM faq_entries WHERE id = ?`, entryId)).toEqual({ needs_review: 0 });
    move(ticketId, 'open', T + 6 * HOUR);
    expect(s.row(`SELECT needs_review, needs_review_reason AS reason FROM faq_entries WHERE id = ?`, entryId)).toEqual({ needs_review: 1, reason: `ticket_reopened:${ticketId}` });
  });
});

describe('the complaint follow-up after a resolution', () => {
  const resolve = (ticketId: string, at: number, followUpCallbackId: string | null) => move(ticketId, 'resolved', at, { followUpCallbackId });

  it('is due followUpDays later, moved into the customer’s calling window, and names the ticket', () => {
    const { ticketId } = create();
    const callbackId = next();
    const at = Date.parse('2026-12-07T22:30:00+08:00');
    const result = resolve(ticketId, at, callbackId);
    const due = nextWindowOpening(at + 3 * DAY, 'Asia/Shanghai', DEFAULT_SETTINGS)!;
    expect(due).toBe(Date.parse('2026-12-11T09:00:00+08:00'));
    expect(result).toMatchObject({ followUpCallbackId: callbackId, followUpDueAt: due, state: { status: 'resolved' } });
    expect(s.row(`SELECT customer_id, reason, priority, due_at, state, source, ticket_id, created_at, notes FROM callbacks WHERE id = ?`, callbackId)).toEqual({
      customer_id: customer,
      reason: 'complaint_followup',
      priority: 2,
      due_at: due,
      state: 'open',
      source: 'manual',
      ticket_id: ticketId,
      created_at: at,
      notes: expect.stringMatching(/ 扣款异常$/),
    });
  });

  it('none when not asked for, without a customer, for a customer who refused service calls, or while one is open', () => {
    const cases: [string, string, string | null][] = [
      ['not asked', create().ticketId, null],
      ['no customer', create({ customerId: null }).ticketId, next()],
      ['refused', create({ customerId: seedCustomer(s, { consentService: 'refused' }).id }).ticketId, next()],
    ];
    for (const [label, ticketId, callbackId] of cases) expect({ label, ...resolve(ticketId, T + HOUR, callbackId) }).toMatchObject({ label, followUpCallbackId: null, followUpDueAt: null });
    const { ticketId } = create();
    const first = next();
    resolve(ticketId, T + HOUR, first);
    move(ticketId, 'open', T + 2 * HOUR);
    expect(resolve(ticketId, T + 3 * HOUR, next()).followUpCallbackId).toBeNull();
    // Once the first follow-up is done, a later resolution schedules another.
    s.db.$client.prepare(`UPDATE callbacks SET state = 'closed' WHERE id = ?`).run(first);
    move(ticketId, 'open', T + 4 * HOUR);
    expect(resolve(ticketId, T + 5 * HOUR, next()).followUpCallbackId).not.toBeNull();
    expect(s.count('callbacks', `reason = 'complaint_followup'`)).toBe(2);
  });

  it('only a resolution schedules one; a customer whose zone has no calling window gets it at the plain due time', () => {
    const pending = create().ticketId;
    expect(move(pending, 'pending_customer', T + HOUR, { followUpCallbackId: next() }).followUpCallbackId).toBeNull();
    expect(s.count('callbacks', `reason = 'complaint_followup'`)).toBe(0);
    const { ticketId } = create({ customerId: seedCustomer(s, { timezone: 'Mars/Olympus' }).id });
    expect(resolve(ticketId, T + HOUR, next()).followUpDueAt).toBe(T + HOUR + 3 * DAY);
  });
});

describe('tickets.assign, tickets.update and tickets.comment', () => {
  it('assigning: to a known user or to no one, not once closed', () => {
    const { ticketId } = create();
    expect(s.apply('tickets.assign', { ticketId, eventId: next(), assigneeId: OTHER_AGENT, at: T + MIN, by: SUPERVISOR }).assigneeId).toBe(OTHER_AGENT);
    expect(s.apply('tickets.assign', { ticketId, eventId: next(), assigneeId: null, at: T + 2 * MIN, by: SUPERVISOR }).assigneeId).toBeNull();
    expect(s.refusal('tickets.assign', { ticketId, eventId: next(), assigneeId: uid(4), at: T + 3 * MIN, by: SUPERVISOR }).details).toEqual({ field: 'assigneeId' });
    move(ticketId, 'resolved', T + HOUR);
    expect(s.code('tickets.assign', { ticketId, eventId: next(), assigneeId: AGENT, at: T + 2 * HOUR, by: SUPERVISOR })).toBe('applied');
    move(ticketId, 'closed', T + 3 * HOUR);
    const refusal = s.refusal('tickets.assign', { ticketId, eventId: next(), assigneeId: AGENT, at: T + 4 * HOUR, by: SUPERVISOR });
    expect([refusal.code, refusal.message]).toEqual(['INVALID_TRANSITION', 'A closed ticket cannot be reassigned.']);
  });

  const updateArgs = (ticketId: string, priority: MutationArgs<'tickets.update'>['priority'], category: string | null, at = T + HOUR) => ({
    ticketId,
    priorityEventId: next(),
    categoryEventId: next(),
    slaEventId: next(),
    priority,
    category,
    at,
    by: SUPERVISOR,
  });
  const update = (...args: Parameters<typeof updateArgs>) => ({ state: s.apply('tickets.update', updateArgs(...args)) });

  it('a priority or category change is recorded and re-applies the SLA policy; no change records nothing', () => {
    const { ticketId } = create();
    const before = s.count('ticket_events');
    expect(update(ticketId, 'P3', 'payments').state).toMatchObject({ priority: 'P3', policyId: 'sla-p3' });
    expect(update(ticketId, null, null).state.priority).toBe('P3');
    expect(s.count('ticket_events')).toBe(before);
    expect(update(ticketId, 'P1', null).state).toMatchObject({ priority: 'P1', category: 'payments', policyId: 'sla-p1' });
    expect(update(ticketId, 'P2', 'account_security').state).toMatchObject({ priority: 'P2', category: 'account_security', policyId: 'sla-p2-account-security' });
    expect(update(ticketId, null, 'other').state).toMatchObject({ priority: 'P2', category: 'other', policyId: 'sla-p2' });
    expect(eventsOf(ticketId).slice(2).map((e) => [e.type, e.data])).toEqual([
      ['priority_changed', { from: 'P3', to: 'P1' }],
      ['sla_applied', expect.objectContaining({ policyId: 'sla-p1' })],
      ['priority_changed', { from: 'P1', to: 'P2' }],
      ['category_changed', { from: 'payments', to: 'account_security' }],
      ['sla_applied', expect.objectContaining({ policyId: 'sla-p2-account-security' })],
      ['category_changed', { from: 'account_security', to: 'other' }],
      ['sla_applied', expect.objectContaining({ policyId: 'sla-p2' })],
    ]);
  });

  it('a ticket keeps a category retired since it was filed, takes no unknown one, and is not changed once resolved', () => {
    const { ticketId } = create({ category: 'other' });
    const categories = DEFAULT_CASE_SETTINGS.categories.map((c) => (c.key === 'other' ? { ...c, retired: true } : c));
    s.apply('cases.updateSettings', { settings: { ...DEFAULT_CASE_SETTINGS, categories }, at: T + 1, by: SUPERVISOR });
    expect(update(ticketId, 'P1', 'other').state.category).toBe('other');
    expect(s.refusal('tickets.update', updateArgs(ticketId, null, 'lottery')).details).toEqual({ field: 'category' });
    move(ticketId, 'resolved', T + 2 * HOUR);
    const refusal = s.refusal('tickets.update', updateArgs(ticketId, 'P4', null, T + 3 * HOUR));
    expect([refusal.code, refusal.message, refusal.details]).toEqual(['INVALID_TRANSITION', 'A resolved ticket cannot be changed; reopen it first.', { status: 'resolved' }]);
    move(ticketId, 'closed', T + 4 * HOUR);
    expect(s.refusal('tickets.update', updateArgs(ticketId, 'P4', null, T + 5 * HOUR)).message).toBe('A closed ticket cannot be changed; reopen it first.');
  });

  it('a reply to a new ticket opens it; a reply to an open one or an internal note does not; a closed ticket takes neither', () => {
    const comment = (ticketId: string, visibility: 'reply' | 'internal', at: number) =>
      s.apply('tickets.comment', { ticketId, eventId: next(), openEventId: next(), body: `${visibility} ${at}`, visibility, at, by: AGENT });
    const noted = create().ticketId;
    expect(comment(noted, 'internal', T + MIN).status).toBe('new');
    expect(comment(noted, 'reply', T + 2 * MIN)).toMatchObject({ status: 'open', firstRespondedAt: T + 2 * MIN });
    comment(noted, 'reply', T + 3 * MIN);
    expect(eventsOf(noted).slice(2).map((e) => [e.type, e.data])).toEqual([
      ['noted', { body: `internal ${T + MIN}` }],
      ['replied', { body: `reply ${T + 2 * MIN}` }],
      ['status_changed', { from: 'new', to: 'open' }],
      ['replied', { body: `reply ${T + 3 * MIN}` }],
    ]);
    move(noted, 'resolved', T + HOUR);
    expect(comment(noted, 'reply', T + 2 * HOUR).status).toBe('resolved');
    move(noted, 'closed', T + 3 * HOUR);
    const refusal = s.refusal('tickets.comment', { ticketId: noted, eventId: next(), openEventId: next(), body: '…', visibility: 'internal', at: T + 4 * HOUR, by: AGENT });
    expect([refusal.code, refusal.message]).toEqual(['INVALID_TRANSITION', 'A closed ticket takes no more replies or notes; reopen it first.']);
    expect(statusOf(noted)).toBe('closed');
  });
});

describe('tickets.recordBreach', () => {
  const breach = (ticketId: string, at: number, clock: 'first_response' | 'resolution' = 'first_response') => {
    const args = { ticketId, eventId: next(), clock, dueAt: T + 30 * MIN, notificationIds: [next(), next(), next()], at, by: null };
    return { args, recorded: s.apply('tickets.recordBreach', args) };
  };

  it('records a breach once, escalates, and tells the assignee first, then every other supervisor', () => {
    // P1 at Monday 10:00: a first response is due within 30 business minutes.
    const { ticketId } = create({ priority: 'P1', assigneeId: OTHER_SUPERVISOR });
    expect(breach(ticketId, T + 30 * MIN).recorded).toBe(false);
    expect(breach(ticketId, T + 31 * MIN, 'resolution').recorded).toBe(false);
    expect(s.count('notifications')).toBe(0);
    const { args, recorded } = breach(ticketId, T + 31 * MIN);
    expect(recorded).toBe(true);
    expect(eventsOf(ticketId).at(-1)).toEqual({ type: 'breach_recorded', actor_id: null, data: { clock: 'first_response', dueAt: T + 30 * MIN } });
    expect(s.row(`SELECT escalated FROM tickets WHERE id = ?`, ticketId)).toEqual({ escalated: 1 });
    const notes = s.rows<{ id: string; user_id: string; kind: string; ticket_id: string; data: string }>(`SELECT id, user_id, kind, ticket_id, data FROM notifications ORDER BY id`);
    expect(notes.map((r) => ({ ...r, data: parsed(r.data) }))).toEqual([
      { id: args.notificationIds[0], user_id: OTHER_SUPERVISOR, kind: 'sla_breach', ticket_id: ticketId, data: { clock: 'first_response', dueAt: T + 30 * MIN, priority: 'P1' } },
      { id: args.notificationIds[1], user_id: SUPERVISOR, kind: 'sla_breach', ticket_id: ticketId, data: { clock: 'first_response', dueAt: T + 30 * MIN, priority: 'P1' } },
    ]);
    expect(breach(ticketId, T + 40 * MIN).recorded).toBe(false);
    expect(s.count('notifications')).toBe(2);
  });

  it('an unassigned ticket’s breach goes to every supervisor', () => {
    const { ticketId } = create({ priority: 'P1', assigneeId: null });
    breach(ticketId, T + HOUR);
    expect(s.rows(`SELECT user_id FROM notifications ORDER BY id`)).toEqual([{ user_id: SUPERVISOR }, { user_id: OTHER_SUPERVISOR }]);
  });
});
