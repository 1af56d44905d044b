import { afterEach, describe, expect, it } from 'vitest';
import type { AuditView } from '../core/contract/views';
import type { TicketDetail, VoucherRequestResult } from '../core/contract/views-cases';
import { cleanup, contentHash, createUser, makeHarness, seedCustomer, setUpEmpty, switchTo } from './helpers';

afterEach(cleanup);

describe('audit.list', () => {
  it('gives the names of the ids an entry refers to (customer, requester, subject), so the log reads without ids', async () => {
    const h = makeHarness();
    const agent = await setUpEmpty(h);
    const sup = await createUser(h, '周敏', 'supervisor');
    await switchTo(h, agent);
    const cu = seedCustomer(h.db, { name: '张伟' });
    const t = await h.ok<TicketDetail>('tickets.create', { customerId: cu.id, subject: '转账重复扣款', category: 'payments', priority: 'P2' });
    const req = await h.ok<VoucherRequestResult>('vouchers.request', {
      requestKey: crypto.randomUUID(),
      customerId: cu.id,
      ticketId: t.ticket.id,
      kind: 'cashback',
      amountFen: 8800,
      reasonCode: 'payment_error',
    });
    await switchTo(h, sup);
    await h.ok('vouchers.approve', { id: req.voucher.id });
    await h.ok('customers.revealPhone', { customerId: cu.id });

    const before = contentHash(h.db);
    const { rows } = await h.ok<{ rows: AuditView[] }>('audit.list', {});
    expect(contentHash(h.db)).toBe(before);
    const approved = rows.find((r) => r.action === 'voucher.approved')!;
    expect(approved.details).toMatchObject({ customerId: cu.id, requestedBy: agent.id });
    expect(approved.refs).toEqual({ [cu.id]: '张伟', [agent.id]: '王芳', [req.voucher.id]: req.voucher.code });
    const reveal = rows.find((r) => r.action === 'phone.reveal')!;
    expect(reveal.refs).toEqual({ [cu.id]: '张伟' });
  });
});
