import type { Page } from '@playwright/test';
import { ConsolePage } from './console-page';
import { expect, shot, test } from './fixtures';

/*
 * The sync UI without a server: a standalone console shows a quiet "单机" chip and the Team server form;
 * then the browser answers sync.status / sync.attention / sync.discard itself (as a console joined to a
 * team would), to check the top-bar status, the clock warning, "Needs attention" and its audited discard.
 * The two-console end-to-end run against a real server lives in its own spec.
 */

interface Item {
  seq: number;
  name: string;
  args: Record<string, unknown>;
  editable: { key: string; kind: 'text' | 'int' | 'fen' }[];
  authorId: string | null;
  authorName: string | null;
  createdAt: number;
  error: { code: string; message: string; details?: Record<string, unknown> };
}

async function pretendJoined(page: Page, items: Item[]) {
  const state = { items: [...items], discarded: [] as number[], retried: [] as { seq: number; args?: Record<string, unknown> }[] };
  const status = () => ({
    state: 'online',
    serverUrl: 'http://team.example:8787',
    lastSyncedAt: Date.now() - 90_000,
    pending: 2,
    refused: state.items.length,
    waitingFor: ['李静'],
    progress: null,
    clockSkewMs: -185_000,
    lastError: null,
    dataVersion: 1,
  });
  await page.route('**/api/sync.status', (r) => r.fulfill({ json: { ok: true, value: status() } }));
  await page.route('**/api/sync.attention', (r) => r.fulfill({ json: { ok: true, value: state.items } }));
  await page.route('**/api/sync.retry', async (r) => {
    const sent = r.request().postDataJSON() as { seq: number; args?: Record<string, unknown> };
    state.retried.push(sent);
    state.items = state.items.filter((i) => i.seq !== sent.seq);
    await r.fulfill({ json: { ok: true, value: state.items } });
  });
  await page.route('**/api/sync.discard', async (r) => {
    const { seq } = r.request().postDataJSON() as { seq: number };
    state.discarded.push(seq);
    state.items = state.items.filter((i) => i.seq !== seq);
    await r.fulfill({ json: { ok: true, value: state.items } });
  });
  return state;
}

test('standalone console: a quiet chip and the Team server form that asks to confirm replacing local data', async ({ page, host }) => {
  const console_ = new ConsolePage(page);
  await console_.open(host.url);
  await console_.firstRun('empty', '周敏');
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'disconnected');

  await page.getByTestId('nav-settings').click();
  const section = page.getByTestId('team-server');
  await expect(section).toBeVisible();
  await section.getByTestId('join-server-url').fill('http://127.0.0.1:9');
  await section.getByTestId('join-login').fill('周敏');
  await section.getByTestId('join-password').fill('whatever-password');
  await expect(section.getByTestId('join-replace-warning')).toBeVisible();
  await expect(section.getByTestId('join-submit')).toBeDisabled();
  await section.getByTestId('join-confirm-replace').check();
  await expect(section.getByTestId('join-submit')).toBeEnabled();
  // Nothing listens there: the form says the server cannot be reached, and the supervisor stays signed in.
  await section.getByTestId('join-submit').click();
  await expect(section.getByTestId('join-error')).toContainText('无法加入');
  await expect(page.getByTestId('current-user')).toHaveText('周敏');
});

test('joined console: status, clock warning, "Needs attention" in words, discard asks first', async ({ page, host }) => {
  const now = Date.now();
  // Answered by the browser from the start: the console polls sync.status once signed in.
  const state = await pretendJoined(page, [
    {
      seq: 7,
      name: 'vouchers.request',
      args: { kind: 'cashback', amountFen: 8800, percentOff: null, points: null, customerId: '01a21e6e-0000-7599-8a9e-be124b7c3d21', ticketId: null, reasonCode: 'delay', note: '' },
      editable: [
        { key: 'amountFen', kind: 'fen' },
        { key: 'note', kind: 'text' },
      ],
      authorId: null,
      authorName: '王芳',
      createdAt: now - 600_000,
      error: { code: 'BUDGET_EXCEEDED', message: 'The team budget for this month is exhausted.', details: { budgetFen: 500000, spentFen: 495000, valueFen: 8800 } },
    },
    {
      seq: 8,
      name: 'callbacks.lease',
      args: { callbackId: '01a21e6e-db62-7599-8a9e-be124b9b124f', agentId: 'x', at: now - 3_600_000, expiresAt: now - 1_800_000 },
      editable: [],
      authorId: null,
      authorName: '王芳',
      createdAt: now - 3_600_000,
      error: { code: 'LEASE_LOST', message: 'Another agent holds this callback.' },
    },
  ]);
  const console_ = new ConsolePage(page);
  await console_.open(host.url);
  await console_.firstRun('empty', '周敏');

  const chip = page.getByTestId('sync-indicator');
  await expect(chip).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('sync-pending')).toHaveText('2');
  await expect(page.getByTestId('sync-skew-icon')).toBeVisible();
  await chip.click();
  await expect(page.getByTestId('sync-skew')).toContainText('3 分钟');
  await expect(page.getByTestId('sync-waiting')).toContainText('李静');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('sync-panel')).toBeHidden();

  await page.getByTestId('sync-attention-badge').click();
  const items = page.getByTestId('attention-item');
  await expect(items).toHaveCount(2);
  const voucher = page.locator('[data-mutation="vouchers.request"]');
  await expect(voucher.getByTestId('attention-action')).toHaveText('申请补偿券');
  await expect(voucher).toContainText('返现 ¥88.00');
  await expect(voucher.getByTestId('attention-reason')).toContainText('¥5,000.00');
  await expect(page.locator('[data-mutation="callbacks.lease"]').getByTestId('attention-action')).toHaveText('领取回访');

  // The voucher can be lowered and sent again; the lease has nothing of its author's to edit.
  await expect(page.locator('[data-mutation="callbacks.lease"]').getByTestId('attention-edit-open')).toHaveCount(0);
  await voucher.getByTestId('attention-edit-open').click();
  const amount = voucher.getByTestId('attention-edit-amountFen');
  await expect(amount).toHaveValue('88.00');
  await amount.fill('三十');
  await voucher.getByTestId('attention-edit-send').click();
  await expect(voucher.getByRole('alert')).toHaveText('请输入数字');
  await amount.fill('30');
  await shot(page, 'sync-attention-edit');
  await voucher.getByTestId('attention-edit-send').click();
  await expect(items).toHaveCount(1);
  expect(state.retried).toEqual([{ seq: 7, args: { amountFen: 3000 } }]);

  const lease = page.locator('[data-mutation="callbacks.lease"]');
  await page.getByTestId('lang-toggle').click();
  await expect(lease.getByTestId('attention-action')).toHaveText('Take a callback');
  await page.getByTestId('lang-toggle').click();
  await lease.getByTestId('attention-discard').click();
  await expect(lease.getByTestId('attention-discard-confirm')).toContainText('审计日志');
  await lease.getByTestId('attention-discard-yes').click();
  await expect(items).toHaveCount(0);
  expect(state.discarded).toEqual([8]);

  await expect(page.getByTestId('attention-empty')).toBeVisible();
});
