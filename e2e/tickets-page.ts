import { expect, type Locator, type Page } from '@playwright/test';

/** Page model of complaint tickets, vouchers and notifications: specs read as what agents do. */
export class TicketsPage {
  constructor(readonly page: Page) {}

  detail(): Locator {
    return this.page.getByTestId('ticket-detail');
  }

  rows(): Locator {
    return this.page.getByTestId('ticket-row');
  }

  row(code: string): Locator {
    return this.page.locator(`[data-testid="ticket-row"][data-code="${code}"]`);
  }

  /** Waits for the detail panel to show a loaded ticket; returns its code (TK-XXXXXX). */
  async openedCode(): Promise<string> {
    await expect(this.detail()).toHaveAttribute('data-state', 'ready');
    const code = await this.detail().getAttribute('data-code');
    expect(code).toMatch(/^TK-[0-9A-F]{6}$/);
    return code!;
  }

  async openedId(): Promise<string> {
    await expect(this.detail()).toHaveAttribute('data-state', 'ready');
    return (await this.detail().getAttribute('data-id'))!;
  }

  async expectStatus(status: string): Promise<void> {
    await expect(this.detail()).toHaveAttribute('data-status', status);
  }

  /** The new-ticket dialog is open: fills what is given and creates the ticket. */
  async fillAndCreate(fields: { subject?: string; priority?: 'P1' | 'P2' | 'P3' | 'P4'; category?: string } = {}): Promise<void> {
    const dialog = this.page.getByTestId('new-ticket-dialog');
    await expect(dialog).toBeVisible();
    if (fields.subject !== undefined) await dialog.getByTestId('ticket-subject').fill(fields.subject);
    if (fields.category) await dialog.getByTestId('ticket-category').selectOption(fields.category);
    if (fields.priority) await dialog.getByTestId(`ticket-priority-${fields.priority}`).click();
    await dialog.getByTestId('create-ticket').click();
    await expect(dialog).toBeHidden();
  }

  /** Opens the issue-voucher dialog from the ticket and fills a cash-back amount; waits for the quote. */
  async startCashback(yuan: string): Promise<Locator> {
    await this.detail().getByTestId('issue-voucher').click();
    const dialog = this.page.getByTestId('voucher-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('voucher-kind-cashback').click();
    await dialog.getByTestId('voucher-amount').fill(yuan);
    await expect(dialog.getByTestId('voucher-quote')).not.toHaveAttribute('data-state', 'loading');
    return dialog;
  }

  voucher(code?: string): Locator {
    const all = this.detail().getByTestId('ticket-voucher');
    return code ? all.and(this.page.locator(`[data-code="${code}"]`)) : all;
  }

  async reply(text: string): Promise<void> {
    const composer = this.detail().getByTestId('ticket-composer');
    await composer.getByTestId('composer-reply').click();
    await composer.getByTestId('composer-body').fill(text);
    await composer.getByTestId('composer-send').click();
    await expect(this.detail().getByTestId('timeline-event').and(this.page.locator('[data-type="replied"]')).first()).toContainText(text);
  }

  async resolve(summary: string): Promise<Locator> {
    await this.detail().getByTestId('transition-resolved').click();
    const dialog = this.page.getByTestId('resolve-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('resolve-summary').fill(summary);
    return dialog;
  }

  bell(): Locator {
    return this.page.getByTestId('notification-bell');
  }

  async openBell(): Promise<Locator> {
    await this.bell().click();
    const menu = this.page.getByTestId('notification-menu');
    await expect(menu).toBeVisible();
    return menu;
  }
}
