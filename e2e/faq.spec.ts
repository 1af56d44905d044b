import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { insertCustomer } from '../db/repos/customers';
import { ConsolePage } from './console-page';
import { CLOCK_START, expect, shot, test, type ConsoleHost } from './fixtures';

/*
 * FAQ curation end to end: an agent drafts an entry from a resolved complaint (personal data masked and
 * listed), submits it; the supervisor publishes it; the HTML export opens in the browser with its table of
 * contents. Then a similar draft is flagged, and a reopened source ticket flags the published entry.
 */

const CUSTOMER = '张伟';
const ORIGINALS = ['张伟', '138-1234-5678', '13812345678', '6225 8801 2345 6781', 'CV-7K3M-Q9XZ'];

async function invoke<T>(host: ConsoleHost, method: string, input: unknown): Promise<T> {
  const r = await host.invoke(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** A complaint raised, answered and resolved through the same back end the page uses. */
async function resolvedComplaint(host: ConsoleHost, customerId: string, subject: string, replies: string[], reason: string): Promise<string> {
  const t = await invoke<{ ticket: { id: string } }>(host, 'tickets.create', {
    customerId,
    subject,
    description: `客户${CUSTOMER}（手机 138-1234-5678）反映银行卡 6225 8801 2345 6781 被重复扣款 88 元`,
    category: 'payments',
    priority: 'P3',
  });
  for (const body of replies) await invoke(host, 'tickets.comment', { id: t.ticket.id, body, visibility: 'reply' });
  await invoke(host, 'tickets.transition', { id: t.ticket.id, to: 'resolved', reason, followUp: 'skip' });
  return t.ticket.id;
}

async function pickTicket(page: Page, ticketId: string): Promise<void> {
  await page.getByTestId('faq-new').click();
  const picker = page.getByTestId('faq-ticket-picker');
  await expect(picker).toBeVisible();
  await picker.locator(`[data-testid="faq-picker-row"][data-ticket-id="${ticketId}"]`).getByTestId('faq-picker-pick').click();
  await expect(page.getByTestId('faq-editor')).toBeVisible();
}

test('draft from a resolved ticket → review → publish → export HTML and open it', async ({ page, host }) => {
  // Long: a demo first run, then signing out and in as each person it follows (slow on a busy machine).
  test.slow();
  const console_ = new ConsolePage(page);
  await console_.open(host.url);
  await console_.firstRun('empty', '王芳');

  // Arrange (the first run made the supervisor 周敏): a customer, and a complaint that was resolved.
  const customerId = uuidv7();
  insertCustomer(host.backend.context!.db, {
    id: customerId,
    name: CUSTOMER,
    phone: '+8613812345678',
    phoneStatus: 'ok',
    timezone: 'Asia/Shanghai',
    gender: 'male',
    city: '上海',
    segment: 'active',
    registeredAt: CLOCK_START - 400 * 86_400_000,
    lastActiveAt: CLOCK_START - 86_400_000,
    txnCount30d: 12,
    balanceBand: null,
    tags: [],
    consentService: 'granted',
    consentSurvey: 'granted',
    consentMarketing: 'granted',
    dncUntil: null,
    capUntil: null,
    createdAt: CLOCK_START - 400 * 86_400_000,
  });
  const ticketId = await resolvedComplaint(
    host,
    customerId,
    `${CUSTOMER}反映转账被重复扣款`,
    [
      `${CUSTOMER}先生您好，已核实您的银行卡 6225 8801 2345 6781 被重复扣款，款项将在 1-3 个工作日内原路退回。`,
      '退款进度短信已发送至 13812345678。补偿券 CV-7K3M-Q9XZ 已发放到您的账户，可在「我的 → 卡券」中查看。',
    ],
    '已原路退款并补发补偿券',
  );
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();

  await console_.nav('faq');
  await expect(page.getByTestId('faq-empty')).toBeVisible();
  await shot(page, 'faq-01-empty');

  // Draft: pre-filled, personal data masked, and the masked items listed for the reviewer.
  await pickTicket(page, ticketId);
  const editor = page.getByTestId('faq-editor');
  const answer = editor.getByTestId('faq-answer');
  await expect(answer).toHaveValue(/\[姓名\]先生您好，已核实您的银行卡 \[银行卡号\] 被重复扣款/);
  await expect(answer).toHaveValue(/退款进度短信已发送至 \[手机号\]。补偿券 \[券码\] 已发放/);
  const answerText = await answer.inputValue();
  for (const original of ORIGINALS) expect(answerText).not.toContain(original);
  const masked = editor.getByTestId('faq-masked');
  for (const kind of ['name', 'bank_card', 'mobile', 'voucher_code']) await expect(masked.locator(`[data-kind="${kind}"]`)).toBeVisible();
  await expect(masked.locator('[data-kind="bank_card"]')).toContainText('[银行卡号]');
  await expect(masked).toContainText('工单描述中另隐去');
  await editor.getByTestId('faq-question').fill('转账被重复扣款，多久能退回？');
  await editor.getByTestId('faq-keyword-input').fill('重复扣款');
  await editor.getByTestId('faq-keyword-input').press('Enter');
  await editor.getByTestId('faq-keyword-input').fill('退款');
  await editor.getByTestId('faq-keyword-input').press('Enter');
  await editor.locator('summary', { hasText: '英文版本' }).click();
  await editor.getByTestId('faq-question-en').fill('I was charged twice for a transfer. When do I get the money back?');
  await editor.getByTestId('faq-answer-en').fill('The duplicate charge is refunded to the original card within 1–3 working days.');
  await expect(editor.getByTestId('faq-similar')).toHaveAttribute('data-count', '0');
  await shot(page, 'faq-02-draft-masked');

  // Submit for review (saves first).
  await editor.getByTestId('faq-submit').click();
  await expect(page.locator('[data-testid="faq-editor"][data-status="in_review"]')).toBeVisible();
  await expect(page.getByTestId('faq-readonly')).toBeVisible();
  await expect(page.getByTestId('faq-publish')).toHaveCount(0);
  await shot(page, 'faq-03-in-review-agent');

  // The supervisor publishes.
  await console_.signInAs('周敏');
  const publish = page.getByTestId('faq-publish');
  await expect(publish).toBeVisible();
  await shot(page, 'faq-04-review-supervisor');
  await publish.click();
  await expect(page.locator('[data-testid="faq-editor"][data-status="published"]')).toBeVisible();
  await expect(page.getByTestId('faq-revision-info')).toContainText('线上显示 v1');
  await expect(page.getByTestId('faq-step').first()).toHaveAttribute('data-action', 'publish');

  // Export the published FAQ as HTML and open the file in the browser.
  await page.getByTestId('faq-export-toggle').click();
  await page.getByTestId('faq-export-format-html').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('faq-export-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('faq-all-zh-en-20261123.html');
  await expect(page.getByTestId('faq-export-done')).toContainText('已导出 1 条');
  await shot(page, 'faq-05-exported');
  // Saved under its own name: a browser shows a file without the .html extension as plain text.
  const file = join(host.dataDir, download.suggestedFilename());
  await download.saveAs(file);
  const html = readFileSync(file, 'utf8');
  for (const original of ORIGINALS) expect(html).not.toContain(original);

  const help = await page.context().newPage();
  await help.goto(pathToFileURL(file).href);
  const toc = help.locator('nav.toc');
  await expect(toc).toBeVisible();
  await expect(toc.getByRole('link', { name: '转账被重复扣款，多久能退回？' })).toBeVisible();
  await expect(toc.getByRole('link', { name: 'I was charged twice for a transfer. When do I get the money back?' })).toBeVisible();
  await toc.getByRole('link', { name: '转账被重复扣款，多久能退回？' }).click();
  await expect(help.getByRole('heading', { name: '转账被重复扣款，多久能退回？' })).toBeInViewport();
  await expect(help.getByText('[银行卡号]').first()).toBeVisible();
  await help.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await shot(help, 'faq-06-exported-html');
  await help.close();

  // A second complaint about the same thing: the new draft is flagged as similar to the published entry.
  const second = await resolvedComplaint(host, customerId, '转账被重复扣款，多久能退？', ['您好，重复扣款将原路退回。'], '已退款');
  await page.getByTestId('faq-back').click();
  await pickTicket(page, second);
  const similar = page.getByTestId('faq-similar');
  await expect(similar).toHaveAttribute('data-count', '1');
  await expect(similar.getByTestId('faq-similar-item')).toContainText('转账被重复扣款，多久能退回？');
  await shot(page, 'faq-07-similar');

  // The first ticket is reopened: the published entry needs review, shown in the list and on the entry.
  await invoke(host, 'tickets.transition', { id: ticketId, to: 'open', reason: '客户反馈仍未收到退款' });
  await page.getByTestId('faq-back').click();
  await expect(page.getByTestId('faq-needs-review-banner')).toBeVisible();
  const row = page.getByTestId('faq-row').first();
  await expect(row.getByTestId('faq-row-flag')).toBeVisible();
  await shot(page, 'faq-08-needs-review-list');
  await row.getByRole('button').first().click();
  await expect(page.getByTestId('faq-flag')).toContainText('在发布后被重新打开');
  await shot(page, 'faq-09-needs-review-entry');
  await page.getByTestId('faq-mark-reviewed').click();
  await page.getByTestId('faq-confirm-note').fill('退款规则未变，回答仍然正确');
  await page.getByTestId('faq-confirm-go').click();
  await expect(page.getByTestId('faq-flag')).toHaveCount(0);
  await expect(page.getByTestId('faq-step').first()).toHaveAttribute('data-action', 'mark_reviewed');
  await page.getByTestId('faq-revision-toggle').first().click();
  await expect(page.getByTestId('faq-revision-body')).toContainText('[银行卡号]');
  await page.getByTestId('faq-history').scrollIntoViewIfNeeded();
  await shot(page, 'faq-10-history');

  // Once in English.
  await console_.toggleLanguage();
  await expect(page.getByTestId('faq-history')).toContainText('Marked reviewed');
  await shot(page, 'faq-11-entry-en');
  await page.getByTestId('faq-back').click();
  await expect(page.getByTestId('faq-list')).toContainText('Published');
  await shot(page, 'faq-12-list-en');
});
