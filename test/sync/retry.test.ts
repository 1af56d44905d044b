import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSettings } from '../../core/cases/settings';
import type { SpendSummary, VoucherRequestResult } from '../../core/contract/views-cases';
import type { AttentionItem } from '../../core/contract/views-sync';
import { cleanup } from '../helpers';
import { emptyStats, FaultyNetwork } from './faults';
import { connectedConsole, openConsole, SERVER_URL, startSyncServer, type SyncServer, type TestConsole } from './fixture';

/*
 * "Needs attention": a refused change can be edited and sent again. Two agents, each offline, issue a
 * ¥50 voucher that fits the team's budget on their own console; together they do not. The second to
 * arrive is refused (BUDGET_EXCEEDED); its author lowers the amount and retries, and it is applied.
 * Only what the person typed or chose may be edited: never the author, the times or the ids.
 */

describe('edit and retry a refused change', () => {
  let server: SyncServer;
  beforeAll(async () => {
    server = await startSyncServer({ agents: 2, demoCustomers: 12 });
  }, 120_000);
  afterAll(async () => server.close());
  afterEach(cleanup);

  async function join(account: SyncServer['agents'][number]): Promise<{ c: TestConsole; net: FaultyNetwork }> {
    const net = new FaultyNetwork({ fetch: server.fetch, crashNextCommit: () => undefined }, emptyStats());
    const c = openConsole(net.fetch);
    await c.ok('sync.connect', { serverUrl: SERVER_URL, login: account.name, password: account.password, replaceLocalData: true });
    return { c, net };
  }

  it('a voucher over the budget is refused, lowered and applied; editing its author is refused', async () => {
    // The supervisor leaves ¥80 in this month's budget.
    const sup = await connectedConsole(server, server.supervisor);
    const spend = await sup.ok<SpendSummary>('vouchers.spend', {});
    const settings = await sup.ok<CaseSettings>('cases.getSettings');
    await sup.ok('cases.updateSettings', { ...settings, teamMonthlyBudgetFen: spend.spentFen + 80_00 });
    await sup.ok('sync.now');

    const a = await join(server.agents[0]!);
    const b = await join(server.agents[1]!);
    a.net.offline = true;
    b.net.offline = true;
    const customerId = (a.c.backend.context!.db.$client.prepare('SELECT id FROM customers ORDER BY id LIMIT 1').get() as { id: string }).id;
    const voucher = { customerId, kind: 'cashback', amountFen: 50_00, reasonCode: 'goodwill', note: '安抚' };
    for (const c of [a.c, b.c]) {
      const r = await c.ok<VoucherRequestResult>('vouchers.request', { ...voucher, requestKey: crypto.randomUUID() });
      expect(r.voucher.state).toBe('issued'); // each fits on its own console
    }
    a.net.offline = false;
    b.net.offline = false;
    await a.c.ok('sync.now');
    await b.c.ok('sync.now');

    const [refused] = await b.c.ok<AttentionItem[]>('sync.attention');
    expect(refused).toMatchObject({ name: 'vouchers.request', error: { code: 'BUDGET_EXCEEDED' } });
    expect(refused!.editable.map((f) => f.key)).toEqual(['amountFen', 'note']);

    // Who made it, when, and its ids are not the person's to change.
    const forged = await b.c.call('sync.retry', { seq: refused!.seq, args: { by: server.agents[0]!.id } });
    expect(forged).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { reason: 'not_editable' } } });

    // Lowered to ¥30 it fits: applied on the server, gone from the list.
    expect(await b.c.ok<AttentionItem[]>('sync.retry', { seq: refused!.seq, args: { amountFen: 30_00 } })).toEqual([]);
    await b.c.ok('sync.now');
    expect(await b.c.ok<AttentionItem[]>('sync.attention')).toEqual([]);
    const issued = await server.testDb.db.query<{ amount_fen: number }>(`SELECT amount_fen FROM vouchers WHERE note = '安抚' ORDER BY amount_fen`);
    expect(issued.rows.map((r) => Number(r.amount_fen))).toEqual([30_00, 50_00]);
  });
});
