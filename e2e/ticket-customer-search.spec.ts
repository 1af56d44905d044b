import { ConsolePage } from './console-page';
import { expect, shot, test } from './fixtures';
import { importCustomers } from './sla-page';
import { TicketsPage } from './tickets-page';

test.use({ viewport: { width: 1280, height: 800 } });

test('a ticket from the Tickets page finds its customer by name or phone suffix, by keyboard', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  const tickets = new TicketsPage(page);
  await agent.open(host.url);
  await agent.firstRun('empty', '王芳');
  const customers = await importCustomers(host, [
    { phone: '13800005678', name: '张伟' },
    { phone: '13900001234', name: '张伟华' },
    { phone: '13700009999', name: '李娜' },
  ]);

  await agent.nav('tickets');
  await page.getByTestId('new-ticket').click();
  const dialog = page.getByTestId('new-ticket-dialog');
  const search = dialog.getByTestId('ticket-customer-search');
  await expect(search).toBeFocused();
  await search.fill('张伟');
  const options = dialog.getByTestId('ticket-customer-option');
  await expect(options).toHaveCount(2);
  await expect(options.first()).toContainText('138****5678');
  await expect(dialog).not.toContainText('13800005678');
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await shot(page, 'ticket-customer-01-options');
  // Esc closes the list, not the dialog.
  await page.keyboard.press('Escape');
  await expect(search).toHaveAttribute('aria-expanded', 'false');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('ticket-customer-picked')).toHaveAttribute('data-id', customers.get('张伟华')!);
  await dialog.getByTestId('ticket-customer-clear').click();
  await expect(search).toBeFocused();

  // The last digits of the phone; fewer than 4 is not searched.
  await search.fill('567');
  await expect(dialog.getByTestId('ticket-customer-options')).toHaveAttribute('data-state', 'short');
  await search.fill('5678');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('张伟');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('ticket-customer-picked')).toHaveAttribute('data-id', customers.get('张伟')!);
  await shot(page, 'ticket-customer-02-picked');
  await tickets.fillAndCreate({ subject: '转账到账延迟', priority: 'P2' });
  await tickets.openedCode();
  await expect(tickets.detail().getByTestId('ticket-customer')).toContainText('张伟');

  // The English form, and Esc with no list open closes the dialog.
  await agent.toggleLanguage();
  await page.getByTestId('new-ticket').click();
  await expect(dialog.getByTestId('ticket-customer-search')).toHaveAttribute('placeholder', /last digits/);
  await dialog.getByTestId('ticket-customer-search').fill('Li');
  await expect(dialog.getByTestId('ticket-customer-options')).toHaveAttribute('data-state', 'done');
  await shot(page, 'ticket-customer-03-english');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
