import { readFileSync } from 'node:fs';
import { ConsolePage } from './console-page';
import { expect, shot, test } from './fixtures';
import { MINUTE, SlaBoardModel, addUser, createTicket, importCustomers, must, requestVoucher } from './sla-page';

/*
 * The supervisor's side of complaint tickets: the SLA board, attainment export, voucher approval against
 * the budget, and the business calendar editor. The clock starts Monday 2026-11-23 10:00 Beijing, inside
 * business hours (09:00–12:00, 13:00–18:00); P1 answers in 30 business minutes, amber from 80 %.
 */

const reddish = ([r, g, b]: [number, number, number]) => r > 150 && g < 90 && b < 90;
const amber = ([r, g, b]: [number, number, number]) => r > 140 && g > 70 && g < 150 && b < 60;

test('the SLA board shows breached tickets in red and at-risk ones in amber, by time left, and exports CSV with a BOM', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('empty', '王芳');
  await addUser(host, '周敏', 'supervisor');
  const customers = await importCustomers(host, [
    { phone: '13800001111', name: '张伟' },
    { phone: '13900002222', name: '李娜' },
  ]);

  // 10:00 and 10:05: two P1s that will be past their 30-minute first response.
  const a = await createTicket(host, { subject: '转账三天未到账', priority: 'P1', customerId: customers.get('张伟') });
  host.advance(5 * MINUTE);
  const a2 = await createTicket(host, { subject: '同一笔订单重复扣款', priority: 'P1', customerId: customers.get('李娜') });
  // 10:20 and 10:21: two P1s that will be inside the warning window (≥ 24 of 30 minutes used).
  host.advance(15 * MINUTE);
  const b = await createTicket(host, { subject: '账户被锁定无法登录', priority: 'P1', category: 'account_security' });
  host.advance(1 * MINUTE);
  const b2 = await createTicket(host, { subject: '积分兑换后未到账', priority: 'P1', category: 'offers_points' });
  // 10:40: a P3 with hours to go stays off the board; answered at once, it meets its first response.
  host.advance(19 * MINUTE);
  const c = await createTicket(host, { subject: '界面字体太小', priority: 'P3', category: 'app_usability' });
  await must(host, 'tickets.comment', { id: c.id, body: '已记录，会转给产品团队。', visibility: 'reply' });
  host.advance(6 * MINUTE); // 10:46
  // The second breached ticket is answered late: its first response is missed, and it stays on the board.
  await must(host, 'tickets.comment', { id: a2.id, body: '您好，我们正在核实扣款记录。', visibility: 'reply' });

  await agent.open(host.url); // the session now lists the supervisor added through the contract
  await agent.signInAs('周敏');
  await agent.nav('board');
  const board = new SlaBoardModel(page);
  await expect(board.rows('breached')).toHaveCount(2);
  await expect(board.rows('warning')).toHaveCount(2);

  // Sorted by time left: most overdue first, then the soonest to breach.
  expect(await board.rowIds('breached')).toEqual([a.id, a2.id]);
  expect(await board.rowIds('warning')).toEqual([b.id, b2.id]);

  const breached = board.rows('breached').first();
  await expect(breached).toHaveAttribute('data-level', 'breached');
  await expect(breached).toHaveClass(/sla-row-breached/);
  expect(reddish(await board.badgeColour(breached))).toBe(true);
  const [r, g] = await board.cellColour(breached);
  expect(r).toBeGreaterThan(g);
  await expect(breached.getByTestId('board-level')).toHaveText('已超时');
  await expect(breached.getByTestId('board-over')).toContainText('16 分钟');
  await expect(breached.getByTestId('board-escalated')).toBeVisible();
  await expect(board.rows('breached').nth(1).getByTestId('board-countdown')).toHaveText('超时后已响应');

  const atRisk = board.rows('warning').first();
  await expect(atRisk).toHaveAttribute('data-level', 'warning');
  expect(amber(await board.badgeColour(atRisk))).toBe(true);
  await expect(atRisk.getByTestId('board-level')).toHaveText('即将超时');
  // The countdown ticks every second.
  const before = await atRisk.getByTestId('board-countdown').innerText();
  expect(before).toMatch(/^剩 0:0[34]:\d\d$/);
  await expect(atRisk.getByTestId('board-countdown')).not.toHaveText(before, { timeout: 3000 });
  await expect(page.getByTestId('attainment-row').first()).toBeVisible();
  await shot(page, 'sla-board');

  // Filters: account security only leaves one at-risk ticket and no breached one.
  await page.getByTestId('board-category').selectOption('account_security');
  await expect(board.rows('warning')).toHaveCount(1);
  await expect(page.getByTestId('board-breached-empty')).toHaveText('没有超时的工单。');
  await page.getByTestId('board-category').selectOption('');
  await expect(board.rows('breached')).toHaveCount(2);

  // Attainment by category, exported: UTF-8 with a BOM so Excel reads the Chinese.
  await page.getByTestId('attainment-by-category').click();
  await expect(page.getByTestId('attainment-row').filter({ hasText: '支付/转账' })).toContainText('0%');
  await expect(page.getByTestId('attainment-row').filter({ hasText: '界面与操作' })).toContainText('100%');
  await page.getByTestId('attainment').scrollIntoViewIfNeeded();
  await shot(page, 'sla-attainment');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('attainment-export').click()]);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.split('\r\n')[0]).toContain('首次响应达标率(%)');
  expect(text).toContain('支付/转账');

  const [boardDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('board-export').click()]);
  const boardCsv = readFileSync((await boardDownload.path())!);
  expect([...boardCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(boardCsv.toString('utf8')).toContain(a.code);

  // Clicking a ticket opens it on the Tickets page.
  await board.rows('breached').first().getByTestId('board-open').click();
  await expect(page.locator('[data-page="tickets"]')).toBeVisible();

  // Once in English.
  await agent.nav('board');
  await agent.toggleLanguage();
  await expect(board.rows('breached').first().getByTestId('board-level')).toHaveText('Breached');
  await expect(board.rows('warning').first().getByTestId('board-countdown')).toHaveText(/ left$/);
  await shot(page, 'sla-board-en');
});

test('a supervisor approves a pending voucher from the Vouchers page and the spend bar moves', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('empty', '王芳');
  await addUser(host, '周敏', 'supervisor');
  const customers = await importCustomers(host, [{ phone: '13800001111', name: '张伟' }]);
  const customerId = customers.get('张伟')!;
  const ticket = await createTicket(host, { subject: '转账三天未到账', priority: 'P2', customerId });

  // As the agent: ¥20 within the limit is issued at once; ¥88 is over the ¥50 limit and waits.
  const small = await requestVoucher(host, customerId, 20_00, ticket.id);
  expect(small.state).toBe('issued');
  const big = await requestVoucher(host, customerId, 88_00, ticket.id);
  expect(big.state).toBe('pending_approval');

  // The agent's own page: their vouchers and what is left today.
  await agent.open(host.url);
  await agent.nav('vouchers');
  await expect(page.getByTestId('allowance-used')).toHaveText('¥20.00');
  await expect(page.getByTestId('allowance-remaining')).toHaveText('¥180.00');
  await expect(page.getByTestId('voucher-row')).toHaveCount(2);
  await shot(page, 'sla-vouchers-agent');

  await agent.signInAs('周敏');
  // The supervisor's own large request (over the supervisor limit of ¥500) is listed but cannot be
  // approved by them; a second supervisor exists to approve it (alone, it would be refused at once).
  await addUser(host, '孙丽', 'supervisor');
  const own = await requestVoucher(host, customerId, 600_00);
  expect(own.state).toBe('pending_approval');
  await agent.nav('board');
  await agent.nav('vouchers');
  await expect(page.getByTestId('approval-row')).toHaveCount(2);
  await expect(page.locator(`[data-testid="approval-row"][data-id="${own.id}"]`).getByTestId('approval-own')).toContainText('另一位主管');
  await expect(page.locator(`[data-testid="approval-row"][data-id="${own.id}"]`).getByTestId('approval-approve')).toHaveCount(0);

  const bar = page.getByTestId('spend-bar');
  await expect(page.getByTestId('spend-spent')).toHaveText('¥20.00');
  await expect(bar).toHaveAttribute('data-spent-fen', '2000');
  const widthBefore = await page.getByTestId('spend-bar-spent').evaluate((el) => el.getBoundingClientRect().width);
  const row = page.locator(`[data-testid="approval-row"][data-id="${big.id}"]`);
  await expect(row).toContainText('超过单张限额');
  await shot(page, 'sla-vouchers-before');

  await row.getByTestId('approval-approve').click();
  await expect(page.getByTestId('spend-spent')).toHaveText('¥108.00');
  await expect(bar).toHaveAttribute('data-spent-fen', '10800');
  const widthAfter = await page.getByTestId('spend-bar-spent').evaluate((el) => el.getBoundingClientRect().width);
  expect(widthAfter).toBeGreaterThan(widthBefore);
  await expect(page.getByTestId('approval-row')).toHaveCount(1);
  await expect(page.locator(`[data-testid="voucher-row"][data-id="${big.id}"]`).getByTestId('voucher-state')).toHaveAttribute('data-state', 'issued');

  // Void the small one with a reason: its value goes back to the budget.
  const smallRow = page.locator(`[data-testid="voucher-row"][data-id="${small.id}"]`);
  await smallRow.getByTestId('voucher-void').click();
  await page.getByTestId('void-form-confirm').click();
  await expect(page.getByTestId('void-form')).toContainText('请填写原因');
  await page.getByTestId('void-form-text').fill('客户已改为退款处理');
  await page.getByTestId('void-form-confirm').click();
  await expect(smallRow.getByTestId('voucher-state')).toHaveAttribute('data-state', 'voided');
  await expect(page.getByTestId('spend-spent')).toHaveText('¥88.00');
  await shot(page, 'sla-vouchers-after');
  await agent.toggleLanguage();
  await expect(page.getByTestId('spend-spent')).toHaveText('¥88.00');
  await expect(smallRow.getByTestId('voucher-state')).toHaveText('Voided');
  await shot(page, 'sla-vouchers-en');
  await agent.toggleLanguage();

  // The audit log has the voucher actions, filterable.
  await agent.nav('audit');
  await page.getByTestId('audit-action').selectOption('voucher.approved');
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await expect(page.getByTestId('audit-row').first()).toContainText(big.code);
  await expect(page.getByTestId('audit-row').first()).toContainText('批准补偿券');
  // The details read as a sentence with names, never ids or field names.
  const details = page.getByTestId('audit-row').first().getByTestId('audit-details');
  await expect(details).toHaveText(`批准了 王芳 为 张伟 申请的现金返还 ¥88.00（${big.code}）`);
  await page.getByTestId('audit-action').selectOption('voucher.requested');
  await expect(page.getByTestId('audit-row').filter({ hasText: big.code }).getByTestId('audit-details')).toHaveText(
    `为 张伟 申请现金返还 ¥88.00（${big.code}），需主管审批：超过单张额度`,
  );
  await page.getByTestId('audit-action').selectOption('');
  await expect(page.getByTestId('audit-table')).not.toContainText(/valueFen|customerId|approvalReasons|[0-9a-f]{8}-[0-9a-f]{4}-/);
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, 'sla-audit-vouchers');
  await agent.toggleLanguage();
  await expect(page.getByTestId('audit-row').first().getByTestId('audit-details')).toContainText('张伟');
  await shot(page, 'sla-audit-vouchers-en');
  await agent.toggleLanguage();
});

test('the calendar editor refuses an overlapping period with the message at the field', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('empty', '王芳');
  await addUser(host, '周敏', 'supervisor');
  await agent.open(host.url);
  await agent.signInAs('周敏');
  await agent.nav('settings');

  const calendar = page.getByTestId('calendar-settings');
  await calendar.scrollIntoViewIfNeeded();
  const monday = calendar.getByTestId('calendar-day-1');
  await expect(monday.getByTestId('period')).toHaveCount(2);
  await monday.getByTestId('period-add').click();
  await monday.getByTestId('period-start').nth(2).fill('11:00');
  await monday.getByTestId('period-end').nth(2).fill('14:00');
  // And a Tuesday period that ends before it starts.
  const tuesday = calendar.getByTestId('calendar-day-2');
  await tuesday.getByTestId('period-end').first().fill('08:00');
  await calendar.getByTestId('calendar-settings-save').click();

  await expect(monday.getByTestId('period-error')).toHaveText('11:00–14:00 与同一天的 09:00–12:00 重叠');
  await expect(tuesday.getByTestId('period-error')).toContainText('结束时间 08:00 必须晚于开始时间 09:00');
  await expect(calendar.getByTestId('calendar-settings-errors')).toBeVisible();
  await monday.getByTestId('period-error').scrollIntoViewIfNeeded();
  await shot(page, 'sla-calendar-overlap');

  // The back end refuses the same calendar on its own, with the path of the period.
  const view = await must<{ current: { version: number; content: { weekly: Record<string, { start: number; end: number }[]> } } }>(host, 'calendar.get', {});
  const content = view.current.content;
  const refused = await host.invoke('calendar.save', {
    content: { ...content, weekly: { ...content.weekly, '1': [...content.weekly['1']!, { start: 660, end: 840 }] } },
    note: 'overlap',
  });
  expect(refused.ok).toBe(false);
  if (!refused.ok) {
    expect(refused.error.code).toBe('BAD_INPUT');
    const problems = refused.error.details?.problems as { path: string; code: string }[];
    expect(problems.some((p) => p.code === 'period_overlap' && p.path.startsWith('weekly.1['))).toBe(true);
  }

  // Fixed, it saves as a new version and says what happens to existing tickets.
  await monday.getByTestId('period-start').nth(2).fill('19:00');
  await monday.getByTestId('period-end').nth(2).fill('20:00');
  await tuesday.getByTestId('period-end').first().fill('12:00');
  await page.getByTestId('calendar-note').fill('周一晚间加班时段');
  await calendar.getByTestId('calendar-settings-save').click();
  await expect(calendar.getByTestId('calendar-settings-notice')).toContainText(`第 ${view.current.version + 1} 版`);
  await expect(calendar.getByTestId('calendar-settings-notice')).toContainText('已有工单继续使用原来的版本');
  await expect(calendar.getByTestId('calendar-version').first()).toContainText('周一晚间加班时段');

  // Next year's holidays from a JSON file.
  await calendar.getByTestId('calendar-import-file').setInputFiles({
    name: '2027.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] }), 'utf8'),
  });
  await expect(calendar.getByTestId('calendar-settings-notice')).toContainText(`第 ${view.current.version + 2} 版`);
  await calendar.getByTestId('calendar-year').selectOption('2027');
  await expect(calendar.getByTestId('calendar-holidays').getByTestId('calendar-date')).toHaveCount(1);
  await calendar.scrollIntoViewIfNeeded();
  await shot(page, 'sla-calendar-saved');
});

test('supervisors edit ticket and voucher settings and SLA policies; agents only read them', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('empty', '王芳');
  await addUser(host, '周敏', 'supervisor');
  await agent.open(host.url);
  await agent.signInAs('周敏');
  await agent.nav('settings');

  const cases = page.getByTestId('cases-settings');
  await cases.scrollIntoViewIfNeeded();
  await cases.getByTestId('cases-agentVoucherLimit').fill('80.5');
  await cases.getByTestId('cases-agentDailyLimit').fill('60');
  await cases.getByTestId('cases-settings-save').click();
  await expect(cases).toContainText('每日额度不能低于单张限额');
  await cases.getByTestId('cases-agentDailyLimit').fill('300');
  await cases.getByTestId('category-add').click();
  await cases.getByTestId('category-zh').last().fill('退款延误');
  await cases.getByTestId('category-en').last().fill('Refund delay');
  await expect(cases.getByTestId('category-key').last()).toHaveValue('refund_delay');
  await cases.getByTestId('cases-settings-save').click();
  await expect(cases.getByTestId('cases-settings-save')).toBeDisabled();
  const saved = await must<{ agentVoucherLimitFen: number; agentDailyLimitFen: number; categories: { key: string }[] }>(host, 'cases.getSettings', {});
  expect(saved.agentVoucherLimitFen).toBe(80_50);
  expect(saved.agentDailyLimitFen).toBe(300_00);
  expect(saved.categories.map((c) => c.key)).toContain('refund_delay');
  await shot(page, 'sla-settings-cases');

  // Policies: removing P4's only policy is refused before saving; a narrowed policy is added and saved.
  const policies = page.getByTestId('sla-policies');
  await policies.scrollIntoViewIfNeeded();
  await policies.getByTestId('policy-remove').last().click();
  await policies.getByTestId('sla-policies-save').click();
  await expect(policies.getByTestId('policy-list-error')).toContainText('P4');
  await policies.getByRole('button', { name: '放弃修改' }).click();
  await policies.getByTestId('policy-add').click();
  const added = policies.getByTestId('policy-row').last();
  await added.getByTestId('policy-name').fill('P3 退款延误');
  await added.getByTestId('policy-category').selectOption('refund_delay');
  await added.getByTestId('policy-fr-h').fill('2');
  await added.getByTestId('policy-res-h').fill('16');
  // Last in the list, the catch-all P3 above it always wins: the editor says so.
  await expect(added.getByTestId('policy-shadowed')).toBeVisible();
  // Two places up (rows 6 → 4), ahead of the catch-all P3.
  await policies.getByTestId('policy-row').nth(5).getByRole('button', { name: '上移' }).click();
  await policies.getByTestId('policy-row').nth(4).getByRole('button', { name: '上移' }).click();
  await expect(policies.getByTestId('policy-name').nth(3)).toHaveValue('P3 退款延误');
  await expect(policies.getByTestId('policy-shadowed')).toHaveCount(0);
  await policies.getByTestId('sla-policies-save').click();
  await expect(policies.getByTestId('sla-policies-save')).toBeDisabled();
  const list = await must<{ id: string; name: string; category: string | null; firstResponseMinutes: number }[]>(host, 'sla.getPolicies', {});
  const idx = list.findIndex((p) => p.name === 'P3 退款延误');
  expect(list[idx]).toMatchObject({ category: 'refund_delay', firstResponseMinutes: 120 });
  expect(idx).toBeLessThan(list.findIndex((p) => p.id === 'sla-p3'));
  await policies.scrollIntoViewIfNeeded();
  await shot(page, 'sla-settings-policies');

  // An agent reads the same sections without save buttons.
  await agent.signInAs('王芳');
  await expect(page.getByTestId('cases-settings')).toContainText('坐席只能查看');
  await expect(page.getByTestId('cases-settings-save')).toHaveCount(0);
  await expect(page.getByTestId('calendar-settings-save')).toHaveCount(0);
});
