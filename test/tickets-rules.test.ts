import { afterEach, describe, expect, it } from 'vitest';
import type { CalendarView, TicketDetail, TicketPage } from '../core/contract/views-cases';
import { DEFAULT_CALENDAR } from '../core/sla';
import { cleanup, contentHash, count, createUser, DAY, HOUR, makeHarness, MIN, seedCustomer, setUpEmpty, switchTo } from './helpers';

afterEach(cleanup);

async function world() {
  const h = makeHarness();
  const agent = await setUpEmpty(h);
  const sup = await createUser(h, '周敏', 'supervisor');
  const cu = seedCustomer(h.db);
  const open = (over: Record<string, unknown> = {}) =>
    h.ok<TicketDetail>('tickets.create', { customerId: cu.id, subject: '提现未到账', category: 'payments', priority: 'P2', ...over });
  return { h, agent, sup, cu, open };
}

describe('ticket rules', () => {
  it('impossible transitions are typed errors and change nothing', async () => {
    const { h, open } = await world();
    const t = (await open()).ticket;
    await h.ok('tickets.transition', { id: t.id, to: 'resolved' });
    await h.ok('tickets.transition', { id: t.id, to: 'closed' });
    const before = contentHash(h.db);
    for (const to of ['resolved', 'pending_customer', 'closed', 'new'] as const) {
      expect((await h.err('tickets.transition', { id: t.id, to })).code).toBe('INVALID_TRANSITION');
    }
    expect((await h.err('tickets.comment', { id: t.id, body: '补充', visibility: 'reply' })).code).toBe('INVALID_TRANSITION');
    expect((await h.err('tickets.update', { id: t.id, priority: 'P1' })).code).toBe('INVALID_TRANSITION');
    expect(contentHash(h.db)).toBe(before);
  });

  it('a closed ticket reopens only within the window; reopening resumes the resolution clock', async () => {
    const { h, open } = await world();
    const t = (await open()).ticket;
    h.advance(30 * MIN);
    await h.ok('tickets.transition', { id: t.id, to: 'resolved' });
    await h.ok('tickets.transition', { id: t.id, to: 'closed' });
    h.advance(2 * DAY);
    const reopened = await h.ok<TicketDetail>('tickets.transition', { id: t.id, to: 'open', reason: '客户反馈仍未到账' });
    expect(reopened.ticket).toMatchObject({ status: 'open', reopenCount: 1, resolvedAt: null });
    expect(reopened.ticket.resolution.status).toBe('running');
    expect(reopened.ticket.resolution.consumedMinutes).toBeCloseTo(30, 6);
    await h.ok('tickets.transition', { id: t.id, to: 'resolved' });
    await h.ok('tickets.transition', { id: t.id, to: 'closed' });
    h.advance(8 * DAY);
    const detail = await h.ok<TicketDetail>('tickets.get', { id: t.id });
    expect(detail.allowedTransitions).toEqual([]);
    expect((await h.err('tickets.transition', { id: t.id, to: 'open' })).code).toBe('INVALID_TRANSITION');
  });

  it('only a customer-facing reply counts as the first response; an internal note does not', async () => {
    const { h, open } = await world();
    const t = (await open()).ticket;
    h.advance(10 * MIN);
    const noted = await h.ok<TicketDetail>('tickets.comment', { id: t.id, body: '查询流水中', visibility: 'internal' });
    expect(noted.ticket.firstResponse.status).toBe('running');
    expect(noted.ticket.status).toBe('new');
    h.advance(10 * MIN);
    const replied = await h.ok<TicketDetail>('tickets.comment', { id: t.id, body: '您好，已受理', visibility: 'reply' });
    expect(replied.ticket.firstResponse).toMatchObject({ status: 'met' });
    expect(replied.ticket.firstResponse.consumedMinutes).toBeCloseTo(20, 6);
    expect(replied.ticket.status).toBe('open');
  });

  it('pending the customer pauses the clock; a priority change applies the new policy and keeps the time used', async () => {
    const { h, open } = await world();
    const t = (await open({ priority: 'P3' })).ticket;
    await h.ok('tickets.comment', { id: t.id, body: '请提供截图', visibility: 'reply' });
    h.advance(HOUR);
    const pending = await h.ok<TicketDetail>('tickets.transition', { id: t.id, to: 'pending_customer' });
    expect(pending.ticket.resolution).toMatchObject({ status: 'paused', dueAt: null });
    h.advance(3 * HOUR);
    const back = await h.ok<TicketDetail>('tickets.transition', { id: t.id, to: 'open' });
    expect(back.ticket.resolution.consumedMinutes).toBeCloseTo(60, 6);
    const raised = await h.ok<TicketDetail>('tickets.update', { id: t.id, priority: 'P1' });
    expect(raised.ticket.resolution.target).toBe(240);
    expect(raised.ticket.resolution.consumedMinutes).toBeCloseTo(60, 6);
    expect(raised.ticket.policyId).toBe('sla-p1');
    expect(raised.events.map((e) => e.type)).toContain('priority_changed');
  });

  it('resolving without a follow-up when the customer asked, or when they refused service calls', async () => {
    const { h, open } = await world();
    const t = (await open()).ticket;
    const skipped = await h.ok<TicketDetail>('tickets.transition', { id: t.id, to: 'resolved', followUp: 'skip' });
    expect(skipped.followUps).toEqual([]);
    const refuser = seedCustomer(h.db, { consentService: 'refused' });
    const u = (await open({ customerId: refuser.id })).ticket;
    expect((await h.ok<TicketDetail>('tickets.transition', { id: u.id, to: 'resolved' })).followUps).toEqual([]);
    expect(count(h.db, 'callbacks')).toBe(0);
  });

  it('a follow-up is scheduled once: resolving again after a reopen keeps the first', async () => {
    const { h, open } = await world();
    const t = (await open()).ticket;
    await h.ok('tickets.transition', { id: t.id, to: 'resolved' });
    await h.ok('tickets.transition', { id: t.id, to: 'open' });
    const again = await h.ok<TicketDetail>('tickets.transition', { id: t.id, to: 'resolved' });
    expect(again.followUps).toHaveLength(1);
  });

  it('calendar: periods that end before they start or overlap are refused; a saved calendar is a new version used by new tickets', async () => {
    const { h, agent, sup, open } = await world();
    const old = (await open()).ticket;
    await switchTo(h, sup);
    const before = contentHash(h.db);
    const backwards = await h.err('calendar.save', { content: { ...DEFAULT_CALENDAR, weekly: { ...DEFAULT_CALENDAR.weekly, '1': [{ start: 600, end: 540 }] } } });
    expect(backwards.code).toBe('BAD_INPUT');
    const overlap = await h.err('calendar.save', {
      content: { ...DEFAULT_CALENDAR, weekly: { ...DEFAULT_CALENDAR.weekly, '2': [{ start: 540, end: 720 }, { start: 700, end: 1080 }] } },
    });
    expect(overlap.code).toBe('BAD_INPUT');
    expect(JSON.stringify(overlap.details)).toContain('weekly.2');
    expect(contentHash(h.db)).toBe(before);
    const saved = await h.ok<CalendarView>('calendar.save', { content: { ...DEFAULT_CALENDAR, weekly: { ...DEFAULT_CALENDAR.weekly, '6': [{ start: 600, end: 960 }] } }, note: '周六值班' });
    expect(saved.current.version).toBe(1);
    expect(saved.versions.map((v) => v.version)).toEqual([1, 0]);
    await switchTo(h, agent);
    const fresh = (await open()).ticket;
    expect((await h.ok<TicketDetail>('tickets.get', { id: fresh.id })).ticket.calendarVersion).toBe(1);
    expect((await h.ok<TicketDetail>('tickets.get', { id: old.id })).ticket.calendarVersion).toBe(0);
  });

  it('agents cannot change team policy; unknown categories are refused', async () => {
    const { h, open } = await world();
    expect((await h.err('calendar.save', { content: DEFAULT_CALENDAR })).code).toBe('FORBIDDEN');
    expect((await h.err('tickets.board', {})).code).toBe('FORBIDDEN');
    expect((await h.err('tickets.create', { subject: 'x', category: 'nope', priority: 'P2' })).code).toBe('BAD_INPUT');
    await open();
    const mine = await h.ok<TicketPage>('tickets.list', { scope: 'mine' });
    expect(mine.total).toBe(1);
    expect(mine.rows[0]!.code).toMatch(/^TK-[0-9A-F]{6}$/);
  });

  it('importing next year\'s holidays adds a version; a file for the wrong year is refused with the path', async () => {
    const { h, sup } = await world();
    await switchTo(h, sup);
    const bad = await h.err('calendar.importYear', { json: JSON.stringify({ year: 2027, holidays: [{ date: '2028-01-01', name: '元旦' }], workdays: [] }) });
    expect(bad.code).toBe('BAD_INPUT');
    const view = await h.ok<CalendarView>('calendar.importYear', {
      json: JSON.stringify({ year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [{ date: '2027-02-06', name: '春节调休' }] }),
    });
    expect(view.current.content.holidays.some((d) => d.date === '2027-01-01')).toBe(true);
    expect(view.current.content.holidays.some((d) => d.date === '2026-10-01')).toBe(true);
  });
});
