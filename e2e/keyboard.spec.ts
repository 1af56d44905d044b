import type { Page } from '@playwright/test';
import { ConsolePage } from './console-page';
import { expect, shot, test } from './fixtures';

/*
 * Keyboard only: an agent works a callback — Next, start the call, the questionnaire, the outcome, save —
 * with keys alone, and after every step focus is somewhere useful inside the workspace (never <body>, from
 * where Tab walks the queue behind). Dialogs keep Tab inside and give focus back to their opener.
 */

/** The focused element: its test id, and whether it is inside `within` (a test id). */
async function focused(page: Page, within: string): Promise<{ testId: string | null; inside: boolean; body: boolean }> {
  return page.evaluate((w) => {
    const el = document.activeElement;
    return {
      testId: el?.getAttribute('data-testid') ?? el?.closest('[data-testid]')?.getAttribute('data-testid') ?? null,
      inside: !!el && !!document.querySelector(`[data-testid="${w}"]`)?.contains(el),
      body: el === document.body || el === null,
    };
  }, within);
}

async function expectFocusIn(page: Page, within: string): Promise<string | null> {
  await expect.poll(async () => (await focused(page, within)).inside, { message: `focus inside ${within}` }).toBe(true);
  return (await focused(page, within)).testId;
}

/** Presses Tab until the element with `testId` has focus (at most `max` presses), checking focus stays in `within`. */
async function tabTo(page: Page, testId: string, within: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    const f = await focused(page, within);
    expect(f.inside, `Tab ${i} left ${within} (focus on ${f.testId ?? 'body'})`).toBe(true);
    if (f.testId === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${testId} not reached in ${max} Tabs`);
}

test('an agent works a callback by keyboard alone: Next, start call, questionnaire, outcome, save', async ({ page, host }) => {
  test.slow();
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('demo', '王芳');
  await expect(agent.rows().first()).toBeVisible();

  // N: the workspace opens and takes focus (Start call), not <body>.
  await page.keyboard.press('n');
  await expect(page.getByTestId('workspace-work')).toBeVisible();
  await expect(page.getByTestId('start-call')).toBeFocused();
  await shot(page, 'keyboard-01-next');

  // Enter starts the call; the questionnaire comes forward and its Start has focus.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('call-timer')).toBeVisible();
  expect(await expectFocusIn(page, 'workspace')).toBe('script-start');
  await shot(page, 'keyboard-02-call-started');

  // Enter starts the questionnaire: focus goes to the first question's choices (the number keys are its).
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('script-status')).toHaveAttribute('data-status', 'in_progress');
  await expect(page.getByTestId('script-question')).toBeVisible();
  await expectFocusIn(page, 'script-panel');
  await expect(page.getByTestId('script-panel')).toHaveAttribute('data-keys', 'script');
  const first = await page.getByTestId('script-question').getAttribute('data-key');
  await page.keyboard.press('1');
  await expect(page.getByTestId('script-question').locator('[data-choice][aria-checked="true"]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.locator(`[data-testid="script-question"][data-key="${first}"]`)).toBeHidden();
  await expectFocusIn(page, 'script-panel');
  await shot(page, 'keyboard-03-questionnaire');

  // The customer has to go: Tab to "partly done" and finish; focus moves on to the outcome.
  await tabTo(page, 'script-finish-partial', 'workspace');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('script-status')).toHaveAttribute('data-status', 'partial');
  expect(await expectFocusIn(page, 'call-panel')).toMatch(/^disposition-/);

  // 1 = reached; the questionnaire was not completed, so Tab to the reason and give one; then the notes;
  // Ctrl+Enter saves.
  await page.keyboard.press('1');
  await expect(page.getByTestId('disposition-reached')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('survey-skip-panel')).toBeVisible();
  await tabTo(page, 'survey-skip-reason', 'workspace');
  await page.keyboard.type('客户时间不便');
  await tabTo(page, 'notes', 'workspace');
  await page.keyboard.type('客户确认问题已解决');
  await shot(page, 'keyboard-04-outcome');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('workspace-work')).toBeHidden();
  await expect(page.getByTestId('toast').last()).toBeVisible();

  // Saved: focus is on the after-call bar (or Next), not <body>; N takes the next callback from there.
  await expect.poll(async () => (await focused(page, 'after-call')).body).toBe(false);
  const after = await focused(page, 'after-call');
  expect(after.inside || after.testId === 'next-button').toBe(true);
  await shot(page, 'keyboard-05-saved');
  await page.keyboard.press('n');
  await expect(page.getByTestId('workspace-work')).toBeVisible();
  await expect(page.getByTestId('start-call')).toBeFocused();
});

test('Tab stays inside the voucher dialog and Esc gives focus back to the button that opened it', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('demo', '王芳');
  await agent.nav('tickets');
  await expect(page.getByTestId('ticket-list')).toHaveAttribute('data-loading', 'false');
  // A ticket with a customer (vouchers are for customers).
  const rows = page.getByTestId('ticket-row');
  await expect(rows.first()).toBeVisible();
  const issue = page.getByTestId('ticket-detail').getByTestId('issue-voucher');
  for (let i = 0; i < 10; i++) {
    await rows.nth(i).click();
    await expect(page.getByTestId('ticket-detail')).toHaveAttribute('data-state', 'ready');
    if (await issue.isEnabled()) break;
  }
  await expect(issue).toBeEnabled();

  await issue.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('voucher-dialog');
  await expect(dialog).toBeVisible();
  await expectFocusIn(page, 'voucher-dialog');
  const seen = new Set<string>();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page, 'voucher-dialog');
    expect(f.inside, `Tab ${i + 1} left the dialog (focus on ${f.testId ?? 'body'})`).toBe(true);
    seen.add(f.testId ?? '');
  }
  // Backwards too.
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page, 'voucher-dialog')).inside).toBe(true);
  }
  expect(seen.size).toBeGreaterThan(3);
  await shot(page, 'keyboard-06-voucher-dialog');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(issue).toBeFocused();

  // The new-ticket dialog does the same.
  const newTicket = page.getByTestId('new-ticket');
  await newTicket.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('new-ticket-dialog')).toBeVisible();
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    expect((await focused(page, 'new-ticket-dialog')).inside).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('new-ticket-dialog')).toBeHidden();
  await expect(newTicket).toBeFocused();
});

test('the user menu opens with the arrow keys, moves with them, and Esc closes it back to its button', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('empty', '王芳');
  const button = page.getByTestId('user-switcher');
  await button.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(page.getByTestId('user-switch')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('user-sign-out')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('user-switch')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('user-sign-out')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(button).toBeFocused();
});
