import { DateTime } from 'luxon';
import { ConsolePage } from './console-page';
import { CLOCK_START, expect, shot, test, type ConsoleHost } from './fixtures';
import { TicketsPage } from './tickets-page';

const MINUTE = 60_000;
const DAY = 86_400_000;

function sql(host: ConsoleHost) {
  return host.backend.context!.db.$client;
}

test('a complaint raised from a call is compensated above the agent’s limit, approved by a supervisor, resolved, and followed up three days later', async ({
  page,
  host,
}) => {
  // Long: a demo first run, then signing out and in as each person it follows (slow on a busy machine).
  test.slow();
  const agent = new ConsolePage(page);
  const tickets = new TicketsPage(page);
  await agent.open(host.url);
  await agent.firstRun('demo', '王芳');

  // The call: reached, the customer complains about a late transfer.
  const shownName = await agent.next();
  const customerName = shownName.replace(/\s*(先生|女士)$/, '');
  const callbackId = await agent.workspaceCallbackId();
  await expect(page.getByTestId('call-case-actions')).toBeVisible();
  await agent.startCall();
  await agent.dispose('reached', '用户反映转账到账延迟两天，要求补偿。已核实为清算通道故障');
  if (await page.getByTestId('survey-skip-panel').isVisible()) {
    await page.getByTestId('survey-skip-reason').fill('客户投诉中，不便做问卷');
  }
  await agent.save();

  // After-call work: a complaint ticket linked to the call just saved; the notes pre-fill the description and
  // the category, never the subject (it is read to the customer in the follow-up call).
  const afterCall = page.getByTestId('after-call');
  await expect(afterCall).toContainText(customerName);
  await shot(page, 'tickets-01-after-call');
  await afterCall.getByTestId('raise-ticket').click();
  const dialog = page.getByTestId('new-ticket-dialog');
  await expect(dialog.getByTestId('ticket-subject')).toHaveValue('');
  await expect(dialog.getByTestId('ticket-description')).toHaveValue('用户反映转账到账延迟两天，要求补偿。已核实为清算通道故障');
  await expect(dialog.getByTestId('create-ticket')).toBeDisabled();
  await dialog.getByTestId('ticket-subject').fill('转账到账延迟两天');
  await expect(dialog.getByTestId('ticket-category')).toHaveValue('payments');
  await expect(dialog.getByTestId('ticket-priority-P2')).toHaveAttribute('aria-checked', 'true');
  await expect(dialog.getByTestId('ticket-sla-preview')).toContainText('首次响应 1 小时');
  await shot(page, 'tickets-02-new-from-call');
  await tickets.fillAndCreate();

  await expect(page.getByTestId('tickets-page')).toBeVisible();
  const code = await tickets.openedCode();
  const ticketId = await tickets.openedId();
  await tickets.expectStatus('new');
  await expect(tickets.detail().getByTestId('ticket-customer')).toContainText(customerName);
  await expect(tickets.row(code).getByTestId('sla-countdown')).toHaveAttribute('data-level', 'ok');
  const linked = sql(host).prepare('SELECT callback_id AS callbackId, attempt_id AS attemptId, assignee_id AS assigneeId FROM tickets WHERE id = ?').get(ticketId) as {
    callbackId: string;
    attemptId: string | null;
    assigneeId: string;
  };
  const attempt = sql(host).prepare('SELECT id FROM call_attempts WHERE callback_id = ? ORDER BY started_at DESC LIMIT 1').get(callbackId) as { id: string };
  expect(linked).toMatchObject({ callbackId, attemptId: attempt.id });

  // ¥88 cash-back is over the agent's ¥50 per-voucher limit: the dialog says so before anything is issued.
  const voucherDialog = await tickets.startCashback('88');
  await expect(voucherDialog.getByTestId('voucher-allowance')).toContainText('¥50.00');
  await expect(voucherDialog.getByTestId('voucher-decision')).toHaveAttribute('data-action', 'approval');
  await expect(voucherDialog.getByTestId('voucher-decision')).toContainText('¥88.00');
  await expect(voucherDialog.getByTestId('voucher-submit')).toHaveText('提交主管审批');
  await shot(page, 'tickets-03-voucher-quote');
  // A double click still makes one voucher (one request key per dialog).
  await voucherDialog.getByTestId('voucher-submit').dblclick();
  await expect(voucherDialog).toBeHidden();
  await expect(tickets.voucher()).toHaveCount(1);
  await expect(tickets.voucher().first()).toHaveAttribute('data-state', 'pending_approval');
  await expect(tickets.voucher().first().getByTestId('voucher-approve')).toHaveCount(0);
  const vouchers = sql(host).prepare('SELECT code, state, amount_fen AS amountFen FROM vouchers WHERE ticket_id = ?').all(ticketId) as {
    code: string;
    state: string;
    amountFen: number;
  }[];
  expect(vouchers).toHaveLength(1);
  expect(vouchers[0]).toMatchObject({ state: 'pending_approval', amountFen: 8800 });
  const voucherCode = vouchers[0]!.code;

  // The supervisor sees the request in the bell and approves it on the ticket.
  await agent.signInAs('周敏');
  await expect(tickets.bell()).toHaveAttribute('data-unread', /[1-9]/);
  const supervisorMenu = await tickets.openBell();
  await expect(supervisorMenu.getByTestId('notification').filter({ hasText: voucherCode })).toHaveAttribute('data-kind', 'voucher_pending');
  await shot(page, 'tickets-04-supervisor-bell');
  await supervisorMenu.getByTestId('notification').filter({ hasText: voucherCode }).click();
  await expect(tickets.detail()).toHaveAttribute('data-code', code);
  await tickets.voucher().first().getByTestId('voucher-approve').click();
  await expect(tickets.voucher().first()).toHaveAttribute('data-state', 'issued');
  await shot(page, 'tickets-05-approved');

  // Back to the agent: told of the approval; replies to the customer, then resolves with a follow-up.
  await agent.signInAs('王芳');
  const agentMenu = await tickets.openBell();
  await expect(agentMenu.getByTestId('notification').filter({ hasText: voucherCode })).toHaveAttribute('data-kind', 'voucher_approved');
  await page.keyboard.press('Escape');
  await expect(tickets.detail()).toHaveAttribute('data-code', code);
  await tickets.reply('您好，转账延迟是清算通道故障所致，已为您补偿返现 ¥88.00，给您带来不便深表歉意。');
  await tickets.expectStatus('open');
  await expect(tickets.detail().getByTestId('clock-first_response')).toHaveAttribute('data-status', 'met');

  // Waiting on the customer asks what for (optional words, named by its label, typed at once); back to work after.
  await tickets.detail().getByTestId('transition-pending_customer').click();
  const waiting = page.getByTestId('transition-dialog');
  const waitingFor = waiting.getByRole('textbox', { name: /等待客户做什么/ });
  await expect(waitingFor).toBeFocused();
  await waitingFor.fill('等待客户提供银行流水截图');
  await expect(waiting).toContainText('12 / 500');
  await shot(page, 'tickets-05b-waiting-reason');
  await waiting.getByTestId('reason-confirm').click();
  await expect(waiting).toBeHidden();
  await tickets.expectStatus('pending_customer');
  await expect(tickets.detail()).toContainText('等待客户提供银行流水截图');
  await tickets.detail().getByTestId('transition-open').click();
  await tickets.expectStatus('open');

  const resolveDialog = await tickets.resolve('清算通道恢复，资金已到账；补偿返现 ¥88.00 已发放');
  await expect(resolveDialog.getByTestId('resolve-followup')).toBeChecked();
  await expect(resolveDialog.getByTestId('resolve-followup-note')).toContainText('3 天后');
  await shot(page, 'tickets-06-resolve');
  await resolveDialog.getByTestId('resolve-confirm').click();
  await expect(resolveDialog).toBeHidden();
  await tickets.expectStatus('resolved');
  await expect(tickets.detail().getByTestId('ticket-followup')).toHaveAttribute('data-state', 'open');
  await shot(page, 'tickets-07-resolved');

  // The follow-up: a complaint follow-up for that customer, three days later, inside their calling window.
  const followUp = sql(host)
    .prepare(
      `SELECT cb.id, cb.reason, cb.due_at AS dueAt, c.timezone FROM callbacks cb JOIN customers c ON c.id = cb.customer_id WHERE cb.ticket_id = ? AND cb.state = 'open'`,
    )
    .get(ticketId) as { id: string; reason: string; dueAt: number; timezone: string };
  const resolvedAt = (sql(host).prepare('SELECT resolved_at AS resolvedAt FROM tickets WHERE id = ?').get(ticketId) as { resolvedAt: number }).resolvedAt;
  expect(followUp.reason).toBe('complaint_followup');
  expect(followUp.dueAt).toBeGreaterThanOrEqual(resolvedAt + 3 * DAY);
  const local = DateTime.fromMillis(followUp.dueAt, { zone: followUp.timezone });
  expect(local.hour).toBeGreaterThanOrEqual(9);
  expect(local.hour).toBeLessThan(21);

  // Before that day it is in the queue, scheduled later.
  await agent.nav('queue');
  await page.getByTestId('filter-reason-complaint_followup').click();
  await agent.search(customerName);
  const queued = page.locator(`[data-testid="queue-row"][data-id="${followUp.id}"]`);
  await expect(queued.getByTestId('status-blocked')).toHaveAttribute('data-block', 'scheduled_later');
  await shot(page, 'tickets-08-followup-scheduled');

  // Three days on it is due; the agent opens it and sees the ticket and the compensation given.
  host.advance(3 * DAY + 5 * MINUTE);
  await agent.open(host.url);
  await page.getByTestId('filter-reason-complaint_followup').click();
  await agent.search(customerName);
  await expect(queued.getByTestId('status-callable')).toBeVisible();
  await agent.openRow(followUp.id);
  const panel = page.getByTestId('follow-up-of');
  await expect(panel).toContainText(code);
  await expect(panel.getByTestId('follow-up-subject')).toHaveText('转账到账延迟两天');
  await expect(panel.getByTestId('follow-up-compensation')).toContainText(`返现 ¥88.00（${voucherCode}）`);
  await expect(page.getByTestId('customer-tickets')).toContainText(code);
  await shot(page, 'tickets-09-followup-call');
  await agent.release();
});

test('a P1 ticket past its first-response target rings the bell, turns red, and is recorded as a breach', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  const tickets = new TicketsPage(page);
  await agent.open(host.url);
  await agent.firstRun('empty', '王芳');

  await agent.nav('tickets');
  await expect(page.getByTestId('ticket-list')).toHaveAttribute('data-total', '0');
  await page.getByTestId('new-ticket').click();
  await tickets.fillAndCreate({ subject: '商户扫码支付失败但已扣款', priority: 'P1', category: 'payments' });
  const code = await tickets.openedCode();
  await expect(tickets.detail().getByTestId('clock-first_response')).toHaveAttribute('data-level', 'ok');
  await expect(tickets.row(code).getByTestId('sla-countdown')).toContainText(/剩 (29|30)分\d\d秒/);
  await expect(tickets.row(code).getByTestId('sla-countdown')).toContainText('首响 30 分钟');
  await expect(tickets.bell()).toHaveAttribute('data-unread', '0');
  await shot(page, 'tickets-10-p1-fresh');

  // 25 minutes in, the first-response clock is inside its warning threshold (80 % of 30 min).
  host.advance(25 * MINUTE);
  await agent.open(host.url);
  await agent.nav('tickets');
  await expect(tickets.row(code).getByTestId('sla-countdown')).toHaveAttribute('data-level', 'warning');

  // Past the target: the next poll records the breach and notifies the assignee.
  host.advance(6 * MINUTE);
  await agent.open(host.url);
  await expect(tickets.bell()).toHaveAttribute('data-unread', '1');
  const menu = await tickets.openBell();
  const note = menu.getByTestId('notification').first();
  await expect(note).toHaveAttribute('data-kind', 'sla_breach');
  await expect(note).toContainText(`${code} 首次响应超时`);
  await expect(note).toContainText('商户扫码支付失败但已扣款');
  await shot(page, 'tickets-11-breach-bell');
  await note.click();
  await expect(tickets.detail()).toHaveAttribute('data-code', code);
  await expect(tickets.row(code).getByTestId('sla-countdown')).toHaveAttribute('data-level', 'breached');
  await expect(tickets.detail().getByTestId('clock-first_response')).toHaveAttribute('data-level', 'breached');
  await expect(tickets.detail().locator('[data-testid="timeline-event"][data-type="breach_recorded"]')).toContainText('首次响应超时');
  await expect(tickets.bell()).toHaveAttribute('data-unread', '0');
  await shot(page, 'tickets-12-breached-detail');

  // The same screen in English.
  await agent.toggleLanguage();
  await expect(page.getByTestId('new-ticket')).toHaveText('New ticket');
  await expect(tickets.detail().getByTestId('clock-first_response')).toContainText('First response');
  await shot(page, 'tickets-13-english');
  // No customer on this ticket: nothing to compensate.
  await expect(tickets.detail().getByTestId('issue-voucher')).toBeDisabled();
  await page.getByTestId('new-ticket').click();
  await expect(page.getByTestId('new-ticket-dialog')).toContainText('New ticket');
  await shot(page, 'tickets-14-english-new');
});

test('during a call the agent raises a ticket and compensates within their own limit; a third voucher warns', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('demo', '王芳');
  await agent.next();
  const callbackId = await agent.workspaceCallbackId();
  await agent.startCall();
  await page.getByTestId('notes').fill('客户称账户被盗刷 500 元，已冻结账户');

  // Raised while the customer is on the line: linked to the callback, no attempt yet.
  await page.getByTestId('call-case-actions').getByTestId('raise-ticket').click();
  const dialog = page.getByTestId('new-ticket-dialog');
  await expect(dialog.getByTestId('ticket-category')).toHaveValue('account_security');
  await expect(dialog.getByTestId('ticket-priority-P1')).toHaveAttribute('aria-checked', 'true');
  await expect(dialog.getByTestId('ticket-link-note')).toContainText('本次回访');
  await dialog.getByTestId('ticket-subject').fill('账户被盗刷 500 元');
  await dialog.getByTestId('create-ticket').click();
  await expect(dialog).toBeHidden();
  const toast = page.getByTestId('toast').filter({ hasText: '已创建工单' });
  await expect(toast).toBeVisible();
  const code = /TK-[0-9A-F]{6}/.exec(await toast.innerText())![0];
  await expect(page.getByTestId('customer-tickets')).toContainText(code);
  await expect(page.getByTestId('workspace-work')).toBeVisible();

  // Small vouchers go out at once; the third within 30 days for the same customer warns before it is issued
  // (the demo data may already have given this customer one).
  const customer = sql(host).prepare('SELECT customer_id AS id FROM callbacks WHERE id = ?').get(callbackId) as { id: string };
  const prior = (
    sql(host)
      .prepare(`SELECT count(*) AS n FROM vouchers WHERE customer_id = ? AND requested_at >= ? AND state IN ('pending_approval', 'issued', 'redeemed')`)
      .get(customer.id, CLOCK_START - 30 * DAY) as { n: number }
  ).n;
  let issuedNow = 0;
  for (let nth = prior + 1; nth <= 3; nth++) {
    await page.getByTestId('call-case-actions').getByTestId('call-voucher').click();
    const voucher = page.getByTestId('voucher-dialog');
    await expect(voucher.getByTestId('voucher-ticket')).toContainText(code);
    await voucher.getByTestId('voucher-amount').fill('10.555');
    await expect(voucher).toContainText('金额最多两位小数');
    await expect(voucher.getByTestId('voucher-submit')).toBeDisabled();
    await voucher.getByTestId('voucher-amount').fill('10');
    await expect(voucher.getByTestId('voucher-decision')).toHaveAttribute('data-action', 'issue');
    if (nth < 3) {
      await expect(voucher.getByTestId('voucher-repeat')).toHaveCount(0);
      await voucher.getByTestId('voucher-submit').click();
      await expect(voucher).toBeHidden();
      await expect(page.getByTestId('toast').filter({ hasText: '已发放 返现 ¥10.00' }).first()).toBeVisible();
      issuedNow++;
    } else {
      await expect(voucher.getByTestId('voucher-repeat')).toContainText('第 3 张');
      await shot(page, 'tickets-15-call-voucher-repeat');
      await page.keyboard.press('Escape');
      await expect(voucher).toBeHidden();
    }
  }
  // The call is untouched by all this: still in progress, notes kept.
  await expect(page.getByTestId('call-timer')).toBeVisible();
  await expect(page.getByTestId('notes')).toHaveValue('客户称账户被盗刷 500 元，已冻结账户');
  const issued = host.backend
    .context!.db.$client.prepare(`SELECT count(*) AS n FROM vouchers v JOIN tickets t ON t.id = v.ticket_id WHERE v.state = 'issued' AND t.subject LIKE '账户被盗刷%'`)
    .get() as { n: number };
  expect(issued.n).toBe(issuedNow);
});
