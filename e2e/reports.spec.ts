import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { ConsolePage } from './console-page';
import { presetRange } from '../core/reports/time';
import { CLOCK_START, expect, shot, test, type ConsoleHost } from './fixtures';
import { arrangeQuestionnaires } from './reports-data';

/*
 * The supervisor's reports: a console with the demo data (plus questionnaires, tickets and vouchers
 * arranged below) shows charts with their tables and exports CSV with a BOM; an empty console shows an
 * honest empty state in every card.
 */

const MIN = 60_000;

async function ok<T>(host: ConsoleHost, method: string, input: unknown): Promise<T> {
  const r = await host.invoke(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** A few complaint tickets answered and resolved through the services, and vouchers on them. */
async function arrangeComplaints(host: ConsoleHost): Promise<void> {
  const customers = host.backend.context!.db.$client.prepare(`SELECT id FROM customers ORDER BY id LIMIT 4`).all() as { id: string }[];
  const plan: [string, 'P1' | 'P2' | 'P3', boolean][] = [
    ['payments', 'P2', true],
    ['payments', 'P3', true],
    ['account_security', 'P2', true],
    ['app_usability', 'P3', false],
    ['payments', 'P3', false],
  ];
  for (const [i, [category, priority, resolve]] of plan.entries()) {
    const customerId = customers[i % customers.length]!.id;
    const { ticket } = await ok<{ ticket: { id: string } }>(host, 'tickets.create', { customerId, subject: `投诉 ${i + 1}`, category, priority });
    host.advance(25 * MIN);
    await ok(host, 'tickets.comment', { id: ticket.id, body: '您好，我们已收到您的反馈，正在处理。', visibility: 'reply' });
    if (resolve) {
      host.advance(90 * MIN);
      await ok(host, 'tickets.transition', { id: ticket.id, to: 'resolved', followUp: 'skip' });
      const { voucher } = await ok<{ voucher: { id: string; state: string } }>(host, 'vouchers.request', {
        requestKey: uuidv7(),
        customerId,
        ticketId: ticket.id,
        kind: 'cashback',
        amountFen: 1000 * (i + 1),
        reasonCode: i === 2 ? 'delay' : 'service_failure',
      });
      if (voucher.state === 'pending_approval') await ok(host, 'vouchers.approve', { id: voucher.id });
    }
  }
}

async function openReports(console: ConsolePage): Promise<void> {
  await console.nav('reports');
  await expect(console.page.getByTestId('reports-page')).toBeVisible();
  await waitForReports(console.page);
}

async function waitForReports(page: Page): Promise<void> {
  for (const part of ['outcomes', 'satisfaction', 'complaints']) {
    await expect(page.getByTestId(`rp-part-${part}`)).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  }
}

const card = (page: Page, id: string): Locator => page.getByTestId(`rp-card-${id}`);

/** Scrolls so the element's top sits just under the top bar, for a screenshot that starts with it. */
async function scrollToTop(el: Locator): Promise<void> {
  await el.evaluate((node) => node.scrollIntoView({ block: 'start' }));
}

test('a supervisor reads the reports over the demo data, switches a chart to its table and exports CSV', async ({ page, host }) => {
  // Long: a demo first run, then signing out and in as each person it follows (slow on a busy machine).
  test.slow();
  const console = new ConsolePage(page);
  await console.open(host.url);
  await console.firstRun('demo', '王芳');
  await console.signInAs('周敏');
  arrangeQuestionnaires(host, 60);
  await arrangeComplaints(host);

  await openReports(console);
  const attempts = Number((await page.getByTestId('rp-stat-attempts').locator('dd').innerText()).replace(/[^\d]/g, ''));
  expect(attempts).toBeGreaterThan(0);
  for (const id of ['daily', 'dispositions', 'reasons', 'agents', 'completion-reasons', 'closures', 'backlog']) {
    await expect(card(page, id)).toHaveAttribute('data-empty', 'false');
    await expect(card(page, id).locator('.recharts-surface').first()).toBeVisible();
  }
  await shot(page, 'reports-outcomes');

  // The chart's table: one row per day of the last 30.
  await card(page, 'daily').getByTestId('rp-view-table').click();
  await expect(card(page, 'daily').getByTestId('rp-table').locator('tbody tr')).toHaveCount(30);
  await card(page, 'daily').getByTestId('rp-view-chart').click();

  // CSV: UTF-8 with a BOM, the table's columns, a row per day.
  const [download] = await Promise.all([page.waitForEvent('download'), card(page, 'daily').getByTestId('rp-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^reports-outcomes-daily-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('日期,拨打,接通,接通率 (%)');
  expect(lines).toHaveLength(31);

  // Satisfaction: the arranged questionnaires give a CSAT, a trend and a distribution.
  await page.getByTestId('rp-satisfaction').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('rp-stat-csat').locator('dd')).toHaveText(/%$/);
  await expect(card(page, 'score-trend')).toHaveAttribute('data-empty', 'false');
  await expect(card(page, 'question')).toHaveAttribute('data-empty', 'false');
  const picker = page.getByTestId('rp-question');
  const keys = await Promise.all((await picker.locator('option').all()).map(async (o) => (await o.getAttribute('value')) ?? ''));
  expect(keys.length).toBeGreaterThan(1);
  const single = keys.find((k) => k !== (keys[0] ?? ''))!;
  await picker.selectOption(single);
  await waitForReports(page);
  await expect(picker).toHaveValue(single);
  await scrollToTop(page.getByTestId('rp-card-question'));
  await shot(page, 'reports-question');
  await card(page, 'score-trend').getByTestId('rp-metric-nps').click();
  await scrollToTop(page.getByTestId('rp-satisfaction'));
  await shot(page, 'reports-satisfaction');

  // Complaints: the tickets and vouchers made above.
  await page.getByTestId('rp-complaints').scrollIntoViewIfNeeded();
  const range = presetRange('d30', CLOCK_START);
  const tickets = (category?: string) =>
    (
      host.backend.context!.db.$client
        .prepare(`SELECT count(*) AS n FROM tickets WHERE created_at >= ? AND created_at < ? AND (? IS NULL OR category = ?)`)
        .get(range.from, range.to, category ?? null, category ?? null) as { n: number }
    ).n;
  expect(tickets()).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('rp-stat-tickets').locator('dd')).toHaveText(tickets().toLocaleString('en-US'));
  await expect(card(page, 'categories')).toHaveAttribute('data-empty', 'false');
  await expect(card(page, 'vouchers')).toHaveAttribute('data-empty', 'false');
  await card(page, 'categories').getByTestId('rp-view-table').click();
  await expect(card(page, 'categories').getByTestId('rp-table')).toContainText('支付/转账');
  await card(page, 'categories').getByTestId('rp-view-chart').click();
  await scrollToTop(page.getByTestId('rp-complaints'));
  await shot(page, 'reports-complaints');

  // One filter for the whole page: a category narrows complaints only.
  await page.getByTestId('rp-category').selectOption('account_security');
  await waitForReports(page);
  await expect(page.getByTestId('rp-stat-tickets').locator('dd')).toHaveText(tickets('account_security').toLocaleString('en-US'));
  await page.getByTestId('rp-preset-d7').click();
  await waitForReports(page);
  await expect(page.getByTestId('rp-from')).toHaveValue('2026-11-17');
  await expect(page.getByTestId('rp-to')).toHaveValue('2026-11-23');

  // And once in English.
  await page.getByTestId('rp-clear').click();
  await console.toggleLanguage();
  await waitForReports(page);
  await expect(page.getByRole('heading', { name: 'Callback outcomes' })).toBeVisible();
  await page.getByTestId('reports-page').evaluate((el) => el.closest('main')?.scrollTo(0, 0));
  await shot(page, 'reports-en');
});

test('an empty console shows an honest empty state in every report card, with nothing to export', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.url);
  await console.firstRun('empty', '王芳');
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await console.signInAs('周敏');
  await openReports(console);

  const cards = page.locator('[data-testid^="rp-card-"]');
  expect(await cards.count()).toBe(16);
  for (const c of await cards.all()) {
    await expect(c).toHaveAttribute('data-empty', 'true');
    await expect(c.getByTestId('rp-empty')).toBeVisible();
    await expect(c.getByTestId('rp-export')).toBeDisabled();
  }
  await expect(page.locator('.recharts-surface')).toHaveCount(0);
  await expect(page.getByTestId('rp-stat-attempts').locator('dd')).toHaveText('0');
  await expect(page.getByTestId('rp-stat-contact').locator('dd')).toHaveText('—');
  await shot(page, 'reports-empty');

  // A date range the wrong way round is refused on the page, not sent.
  await page.getByTestId('rp-from').fill('2026-11-20');
  await page.getByTestId('rp-to').fill('2026-11-10');
  await expect(page.getByTestId('rp-bad-range')).toBeVisible();
});
