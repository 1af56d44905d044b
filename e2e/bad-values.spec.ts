/// <reference lib="dom" />
// page.evaluate bodies run in the browser: they see the DOM types.
import { ConsolePage } from './console-page';
import { expect, shot, test } from './fixtures';
import { addUser, createTicket, importCustomers } from './sla-page';
import { TicketsPage } from './tickets-page';

/*
 * Values an agent or supervisor gets wrong are explained: what is allowed, not a generic "enter a
 * number"; a text past its limit is refused with the limit shown, never cut.
 */

test.use({ viewport: { width: 1280, height: 800 } });

test('bad values say what is allowed, and call notes over 2,000 characters are refused, not cut', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.url);
  await console.firstRun('empty', '王芳');
  const customers = await importCustomers(host, [{ phone: '13812345678', name: '李雷' }]);
  const ticket = await createTicket(host, { subject: '转账到账延迟两天', priority: 'P3', customerId: customers.get('李雷')! });
  await addUser(host, '周敏', 'supervisor');
  await console.open(host.url);
  await console.signInAs('周敏');

  // A voucher of "-5" must be more than 0.
  const tickets = new TicketsPage(page);
  await console.nav('tickets');
  await tickets.row(ticket.code).click();
  await tickets.openedCode();
  await tickets.detail().getByTestId('issue-voucher').click();
  const dialog = page.getByTestId('voucher-dialog');
  await dialog.getByTestId('voucher-kind-cashback').click();
  await dialog.getByTestId('voucher-amount').fill('-5');
  await expect(dialog.getByTestId('voucher-amount-problem')).toHaveText('必须大于 0');
  await expect(dialog).not.toContainText('请输入数字');
  await shot(page, 'bad-values-voucher-zh');
  await dialog.getByTestId('voucher-amount').fill('５');
  // No field of the voucher form reports a problem.
  await expect(dialog.locator('.ui-field-error')).toHaveCount(0);
  // The expiry's calendar closes on Esc without closing the dialog around it.
  await dialog.getByTestId('voucher-expiry-calendar').click();
  await expect(dialog.getByTestId('voucher-expiry-popup')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(dialog.getByTestId('voucher-expiry-popup')).toBeHidden();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A negative money setting says which range is allowed.
  await console.nav('settings');
  const cases = page.getByTestId('cases-settings');
  await cases.scrollIntoViewIfNeeded();
  await cases.getByTestId('cases-agentVoucherLimit').fill('-10');
  await cases.getByTestId('cases-settings-save').click();
  await expect(cases).toContainText('不能为负数：请输入 0 或以上的金额（0–¥100,000,000.00）');
  await cases.getByTestId('cases-agentVoucherLimit').scrollIntoViewIfNeeded();
  await shot(page, 'bad-values-settings-zh');
  await console.toggleLanguage();
  await cases.getByTestId('cases-settings-save').click();
  await expect(cases).toContainText('Cannot be negative: enter an amount from 0 to ¥100,000,000.00');
  await console.toggleLanguage();

  // Notes: a live counter with the limit; past it the text stays whole and saving is refused.
  await console.nav('queue');
  await console.next();
  const notes = page.getByTestId('notes');
  const counter = page.getByTestId('notes-count');
  await notes.fill('客户说明情况。');
  await expect(counter).toHaveText('7 / 2000');
  const long = '好'.repeat(2100);
  await notes.fill(long);
  expect(await notes.evaluate((el) => (el as HTMLTextAreaElement).value.length)).toBe(2100);
  await expect(counter).toHaveAttribute('data-over', 'true');
  await expect(counter).toContainText('2100 / 2000');
  await expect(counter).toContainText('超出 100 字：最多 2000 字');
  await page.getByTestId('disposition-refused').click();
  await page.getByTestId('save-outcome').click();
  await expect(page.getByTestId('workspace-error')).toContainText('超出 100 字');
  await expect(page.getByTestId('workspace-work')).toBeVisible();
  await shot(page, 'bad-values-notes-zh');
  await console.toggleLanguage();
  await expect(counter).toContainText('100 characters too many: at most 2000');
  await expect(page.getByTestId('workspace-error')).toContainText('100 characters too many');
  await shot(page, 'bad-values-notes-en');
  await notes.fill('好'.repeat(2000));
  await expect(counter).toHaveAttribute('data-over', 'false');
});
