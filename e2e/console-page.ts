import { expect, type Locator, type Page } from '@playwright/test';
import { openConsole } from './fixtures';

/** Page model of the console: specs read as what an agent does. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await openConsole(this.page, url);
  }

  async firstRun(mode: 'demo' | 'empty', name = '王芳'): Promise<void> {
    await expect(this.page.getByTestId('first-run')).toBeVisible();
    await this.page.getByTestId(`first-run-${mode}`).click();
    await this.page.getByTestId('first-run-name').fill(name);
    await this.page.getByTestId('first-run-start').click();
    await expect(this.page.getByTestId('queue-table')).toBeVisible({ timeout: 30_000 });
  }

  nav(tab: 'queue' | 'tickets' | 'board' | 'vouchers' | 'import' | 'scripts' | 'surveys' | 'reports' | 'faq' | 'audit' | 'settings'): Promise<void> {
    return this.page.getByTestId(`nav-${tab}`).click();
  }

  rows(): Locator {
    return this.page.getByTestId('queue-row');
  }

  async queueTotal(): Promise<number> {
    const text = (await this.page.getByTestId('queue-total').innerText()).replace(/[^\d]/g, '');
    return Number(text);
  }

  async filterStatus(status: 'open' | 'callable' | 'blocked' | 'closed' | 'all'): Promise<void> {
    await this.page.getByTestId(`filter-status-${status}`).click();
  }

  async search(text: string): Promise<void> {
    await this.page.getByPlaceholder(/搜索|Search/).fill(text);
  }

  /** Presses "Next" and waits for the call workspace; returns the customer's name shown there. */
  async next(): Promise<string> {
    await this.page.getByTestId('next-button').click();
    await expect(this.page.getByTestId('workspace-work')).toBeVisible();
    return (await this.page.getByTestId('workspace').getByTestId('customer-name').innerText()).trim();
  }

  async startCall(): Promise<void> {
    await this.page.getByTestId('start-call').click();
    await expect(this.page.getByTestId('call-timer')).toBeVisible();
  }

  async dispose(disposition: string, notes: string): Promise<void> {
    await this.page.getByTestId(`disposition-${disposition}`).click();
    await this.page.getByTestId('notes').fill(notes);
  }

  async save(): Promise<string> {
    await this.page.getByTestId('save-outcome').click();
    const toast = this.page.getByTestId('toast').last();
    await expect(toast).toBeVisible();
    await expect(this.page.getByTestId('workspace-work')).toBeHidden();
    return toast.innerText();
  }

  /** Signs in as another user from the user menu (the console is single-seat). */
  async switchUser(name: string): Promise<void> {
    await this.page.getByTestId('user-switcher').click();
    await this.page.getByTestId('user-option').filter({ hasText: name }).click();
    await expect(this.page.getByTestId('current-user')).toHaveText(name);
  }

  /** The id of the callback open in the workspace. */
  async workspaceCallbackId(): Promise<string> {
    const id = await this.page.getByTestId('workspace').getAttribute('data-callback-id');
    expect(id).toBeTruthy();
    return id!;
  }

  /** Opens one callback from the queue by clicking its row (the row must be on screen). */
  async openRow(callbackId: string): Promise<void> {
    await this.page.locator(`[data-testid="queue-row"][data-id="${callbackId}"]`).click();
    await expect(this.page.locator(`[data-testid="workspace"][data-callback-id="${callbackId}"]`)).toBeVisible();
    await expect(this.page.getByTestId('workspace-work')).toBeVisible();
  }

  /** Puts the open callback back in the queue without recording an outcome. */
  async release(): Promise<void> {
    await this.page.getByTestId('release').click();
    await expect(this.page.getByTestId('workspace-work')).toBeHidden();
  }

  async toggleLanguage(): Promise<void> {
    await this.page.getByTestId('lang-toggle').click();
  }
}
