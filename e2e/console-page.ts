import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../core/demo/accounts';
import { openConsole } from './fixtures';

/** The supervisor every spec's first run creates (the demo's supervisor), with the demo password. */
export const FIRST_SUPERVISOR = '周敏';

/** Each person's password in the specs: the demo password of a demo colleague, else one shared test password. */
export function passwordOf(name: string): string {
  return DEMO_ACCOUNTS.find((a) => a.name === name)?.password ?? 'e2e-password-1';
}

/** Page model of the console: specs read as what an agent does. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await openConsole(this.page, url);
  }

  /**
   * The first run: sets the console up with the first supervisor (周敏, the demo password), and, when `name`
   * is someone else, adds them as an agent (unless the demo brought them) and signs in as them, so a spec
   * starts as the person it is about.
   */
  async firstRun(mode: 'demo' | 'empty', name = '王芳'): Promise<void> {
    await expect(this.page.getByTestId('first-run')).toBeVisible();
    await this.page.getByTestId(`first-run-${mode}`).click();
    await this.page.getByTestId('first-run-name').fill(FIRST_SUPERVISOR);
    await this.page.getByTestId('first-run-password').fill(passwordOf(FIRST_SUPERVISOR));
    await this.page.getByTestId('first-run-password-confirm').fill(passwordOf(FIRST_SUPERVISOR));
    await this.page.getByTestId('first-run-start').click();
    if (mode === 'demo') {
      await expect(this.page.getByTestId('first-run-accounts')).toBeVisible({ timeout: 60_000 });
      await this.page.getByTestId('first-run-continue').click();
    }
    await expect(this.page.getByTestId('queue-table')).toBeVisible({ timeout: 30_000 });
    if (name === FIRST_SUPERVISOR) return;
    if (mode === 'empty' || !DEMO_ACCOUNTS.some((a) => a.name === name)) await this.addAgent(name);
    await this.signInAs(name);
  }

  /** Adds an agent with passwordOf(name) through this tab's own session (as the Settings page does). */
  async addAgent(name: string): Promise<void> {
    const result = await this.page.evaluate(
      async ([n, p]) => {
        const token = sessionStorage.getItem('callback-console.session') ?? '';
        const response = await fetch('/api/users.create', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ name: n, role: 'agent', password: p }),
        });
        return (await response.json()) as { ok: boolean };
      },
      [name, passwordOf(name)] as const,
    );
    expect(result.ok).toBe(true);
  }

  /** "Switch user": signs this tab out from the user menu (if signed in) and signs in as `name`. */
  async signInAs(name: string): Promise<void> {
    const signIn = this.page.getByTestId('sign-in');
    if (!(await signIn.isVisible())) {
      await this.page.getByTestId('user-switcher').click();
      await this.page.getByTestId('user-switch').click();
    }
    await expect(signIn).toBeVisible();
    await this.page.getByTestId('sign-in-login').fill(name);
    await this.page.getByTestId('sign-in-password').fill(passwordOf(name));
    await this.page.getByTestId('sign-in-submit').click();
    await expect(this.page.getByTestId('current-user')).toHaveText(name);
  }

  /** Opens a page by its tab; a tab the bar has no room for is an item of its "More" menu, with the same test id. */
  async nav(tab: 'queue' | 'tickets' | 'board' | 'vouchers' | 'import' | 'scripts' | 'surveys' | 'reports' | 'faq' | 'audit' | 'settings'): Promise<void> {
    const target = this.page.getByTestId(`nav-${tab}`);
    if (!(await target.isVisible())) await this.page.getByTestId('nav-more').click();
    await target.click();
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
