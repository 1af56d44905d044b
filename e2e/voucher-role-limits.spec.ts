import { ticketCode } from '../core/tickets';
import { ConsolePage } from './console-page';
import { expect, shot, test, type ConsoleHost } from './fixtures';
import { TicketsPage } from './tickets-page';

/*
 * Issue 11 #4: the demo team has one supervisor. Her own ¥88 voucher is within the supervisor's limits and
 * issues at once; one above them is refused in the dialog, saying there is no one else to approve it and
 * what to do, instead of a request that could never be decided.
 */

async function invoke<T>(host: ConsoleHost, method: string, input: unknown): Promise<T> {
  const r = await host.invoke(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

test("the supervisor's voucher dialog shows the supervisor's allowance and refuses what nobody could approve", async ({ page, host }) => {
  const console_ = new ConsolePage(page);
  const tickets = new TicketsPage(page);
  await console_.open(host.url);
  await console_.firstRun('demo', '王芳');
  const customer = host.backend.context!.db.$client.prepare('SELECT id FROM customers ORDER BY id LIMIT 1').get() as { id: string };
  const t = await invoke<{ ticket: { id: string } }>(host, 'tickets.create', { customerId: customer.id, subject: '补偿额度测试', category: 'payments', priority: 'P3' });
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await console_.signInAs('周敏');
  await console_.nav('tickets');
  await tickets.row(ticketCode(t.ticket.id)).click();

  const dialog = await tickets.startCashback('88');
  await expect(dialog.getByTestId('voucher-allowance')).toHaveAttribute('data-role', 'supervisor');
  await expect(dialog.getByTestId('voucher-allowance')).toContainText('¥500.00');
  await expect(dialog.getByTestId('voucher-decision')).toHaveAttribute('data-action', 'issue');
  await shot(page, 'voucher-role-01-supervisor-88');

  await dialog.getByTestId('voucher-amount').fill('600');
  await expect(dialog.getByTestId('voucher-decision')).toHaveAttribute('data-action', 'no_approver');
  await expect(dialog.getByTestId('voucher-decision')).toContainText('没有其他主管可以审批');
  await expect(dialog.getByTestId('voucher-decision')).toContainText('请管理员再添加一位主管');
  await shot(page, 'voucher-role-02-no-approver');
  await expect(dialog.getByTestId('voucher-submit')).toBeDisabled();
  await dialog.getByTestId('voucher-amount').fill('88');
  await expect(dialog.getByTestId('voucher-decision')).toHaveAttribute('data-action', 'issue');
  await dialog.getByTestId('voucher-submit').click();
  await expect(dialog).toBeHidden();
  await expect(tickets.voucher().first()).toHaveAttribute('data-state', 'issued');
});
