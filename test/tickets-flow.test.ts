import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketDetail, VoucherRequestResult, VoucherView, SlaBoard } from '../core/contract/views-cases';
import { v7 as uuidv7 } from 'uuid';
import { cleanup, count, createUser, DAY, HOUR, MIN, makeHarness, row, seedCustomer, setUpEmpty, switchTo, T0 } from './helpers';

afterEach(cleanup);

async function world() {
  const h = makeHarness();
  const agent = await setUpEmpty(h);
  const sup = await createUser(h, '周敏', 'supervisor');
  await switchTo(h, sup);
  const sup2 = await createUser(h, '孙丽', 'supervisor');
  await switchTo(h, agent);
  const cu = seedCustomer(h.db);
  return { h, agent, sup, sup2, cu };
}

describe('ticket and voucher flow', () => {
  it('raise → voucher over limit → approve by another → resolve → follow-up in the calling window', async () => {
    const { h, agent, sup, cu } = await world();
    const t = await h.ok<TicketDetail>('tickets.create', {
      customerId: cu.id,
      subject: '转账重复扣款',
      description: '客户反映转账被扣两次',
      category: 'payments',
      priority: 'P2',
    });
    expect(t.ticket.status).toBe('new');
    expect(t.ticket.assigneeId).toBe(agent.id);
    expect(t.ticket.firstResponse.status).toBe('running');
    expect(t.ticket.nextDueAt).not.toBeNull();

    const req = { requestKey: crypto.randomUUID(), customerId: cu.id, ticketId: t.ticket.id, kind: 'cashback', amountFen: 8800, reasonCode: 'payment_error' };
    const first = await h.ok<VoucherRequestResult>('vouchers.request', req);
    expect(first.created).toBe(true);
    expect(first.voucher.state).toBe('pending_approval');
    expect(first.voucher.approvalReasons).toContain('over_voucher_limit');
    const again = await h.ok<VoucherRequestResult>('vouchers.request', req);
    expect(again).toMatchObject({ created: false, voucher: { id: first.voucher.id } });
    expect(count(h.db, 'vouchers')).toBe(1);

    expect((await h.err('vouchers.approve', { id: first.voucher.id })).code).toBe('FORBIDDEN');
    await switchTo(h, sup);
    const approved = await h.ok<VoucherView>('vouchers.approve', { id: first.voucher.id });
    expect(approved.state).toBe('issued');
    expect((await h.err('vouchers.approve', { id: first.voucher.id })).code).toBe('INVALID_TRANSITION');
    await switchTo(h, agent);

    h.advance(30 * MIN);
    const replied = await h.ok<TicketDetail>('tickets.comment', { id: t.ticket.id, body: '已核实，将退款', visibility: 'reply' });
    expect(replied.ticket.status).toBe('open');
    expect(replied.ticket.firstResponse.status).toBe('met');
    h.advance(HOUR);
    const resolved = await h.ok<TicketDetail>('tickets.transition', { id: t.ticket.id, to: 'resolved' });
    expect(resolved.followUps).toHaveLength(1);
    const due = resolved.followUps[0]!.dueAt!;
    expect(due).toBeGreaterThanOrEqual(T0 + 90 * MIN + 3 * DAY);
    const hour = Number(new Intl.DateTimeFormat('en', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(due));
    expect(hour).toBeGreaterThanOrEqual(9);
    expect(hour).toBeLessThan(21);
    expect(row(h.db, 'SELECT reason, ticket_id AS t FROM callbacks WHERE id = ?', resolved.followUps[0]!.id)).toEqual({ reason: 'complaint_followup', t: t.ticket.id });
    expect((await h.err('tickets.transition', { id: t.ticket.id, to: 'pending_customer' })).code).toBe('INVALID_TRANSITION');
  });

  it('a breach is recorded once, escalates and notifies; the board shows it', async () => {
    const { h, sup } = await world();
    const t = await h.ok<TicketDetail>('tickets.create', { subject: '无法登录', category: 'account_security', priority: 'P1' });
    h.advance(2 * HOUR);
    expect(await h.ok('tickets.sweep')).toEqual({ recorded: 1 });
    expect(await h.ok('tickets.sweep')).toEqual({ recorded: 0 });
    const list = await h.ok<{ unread: number }>('notifications.list', {});
    expect(list.unread).toBe(1);
    await switchTo(h, sup);
    const board = await h.ok<SlaBoard>('tickets.board', {});
    expect(board.breached.map((r) => r.id)).toEqual([t.ticket.id]);
    expect(board.breached[0]!.escalated).toBe(true);
  });

  it('a reply made in time offline that arrives after the breach was recorded shows apart, as caused by sync delay', async () => {
    const { h, agent, sup } = await world();
    const t = await h.ok<TicketDetail>('tickets.create', { subject: '无法登录', category: 'account_security', priority: 'P1' });
    const createdAt = h.now();
    h.advance(2 * HOUR);
    expect(await h.ok('tickets.sweep')).toEqual({ recorded: 1 });
    // The agent's reply 10 minutes after creation, recorded on a console that was offline, lands now (as sync lands it).
    const { runMutation } = await import('../electron/services/mutations/registry');
    const repliedAt = createdAt + 10 * MIN;
    const db = h.backend.context!.db;
    runMutation(db, 'tickets.comment', { ticketId: t.ticket.id, eventId: uuidv7(), openEventId: uuidv7(), body: '已为您重置登录', visibility: 'reply', at: repliedAt, by: agent.id }, h.now());
    await switchTo(h, sup);
    const board = await h.ok<SlaBoard>('tickets.board', {});
    expect(board.breached.map((r) => r.id)).toEqual([]);
    expect(board.syncDelayed).toHaveLength(1);
    expect(board.syncDelayed[0]).toMatchObject({ clock: 'first_response', stoppedAt: repliedAt, recordedAt: createdAt + 2 * HOUR });
    expect(board.syncDelayed[0]!.row.id).toBe(t.ticket.id);
    expect(board.syncDelayed[0]!.dueAt).toBeGreaterThan(repliedAt);
    // A breach that was real stays on the breached list and is not shown apart.
    const late = await h.ok<TicketDetail>('tickets.create', { subject: '转账失败', category: 'account_security', priority: 'P1' });
    h.advance(2 * HOUR);
    await h.ok('tickets.sweep');
    const after = await h.ok<SlaBoard>('tickets.board', {});
    expect(after.breached.map((r) => r.id)).toEqual([late.ticket.id]);
    expect(after.syncDelayed.map((d) => d.row.id)).toEqual([t.ticket.id]);
  });
});

describe('breaches on a timer', () => {
  it('a back end with sweepBreachesEveryMs records a due breach without any call from the renderer', async () => {
    const { createBackend } = await import('../electron/backend');
    const { tempDir, T0, HOUR: H } = await import('./helpers');
    const dataDir = tempDir();
    let now = T0;
    const setup = createBackend({ dataDir, clock: () => now });
    const session = { token: null };
    await setup.invoke('session.setUp', { mode: 'empty', name: '王芳', password: 'test-password-1', locale: 'zh-CN' }, session);
    const created = await setup.invoke('tickets.create', { subject: '无法登录', category: 'account_security', priority: 'P1' }, session);
    expect(created.ok).toBe(true);
    setup.close();
    const timed = createBackend({ dataDir, clock: () => now, sweepBreachesEveryMs: 20 });
    try {
      now += 2 * H;
      await vi.waitFor(() => expect(count(timed.context!.db, 'ticket_events', `type = 'breach_recorded'`)).toBe(1), { timeout: 5000, interval: 20 });
      expect(count(timed.context!.db, 'notifications')).toBe(1);
    } finally {
      timed.close();
    }
  });
});
