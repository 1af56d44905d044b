import { v7 as uuidv7 } from 'uuid';
import { insertCustomer } from '../db/repos/customers';
import { ConsolePage } from './console-page';
import { CLOCK_START, expect, shot, test, type ConsoleHost } from './fixtures';

/*
 * Issue 11 #1: an entry whose answer names a customer and their mobile number cannot be published until
 * the supervisor confirms each finding as not personal; the publish button says why it is disabled.
 */

async function invoke<T>(host: ConsoleHost, method: string, input: unknown): Promise<T> {
  const r = await host.invoke(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

test('publish waits for a per-finding "not personal" confirmation', async ({ page, host }) => {
  const console_ = new ConsolePage(page);
  await console_.open(host.url);
  await console_.firstRun('empty', '王芳');
  const customerId = uuidv7();
  insertCustomer(host.backend.context!.db, {
    id: customerId,
    name: '张伟',
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
  const t = await invoke<{ ticket: { id: string } }>(host, 'tickets.create', {
    customerId,
    subject: '提现多久到账？',
    description: '',
    category: 'payments',
    priority: 'P3',
  });
  await invoke(host, 'tickets.comment', { id: t.ticket.id, body: '提现一般 2 小时内到账。', visibility: 'reply' });
  await invoke(host, 'tickets.transition', { id: t.ticket.id, to: 'resolved', reason: '', followUp: 'skip' });
  const d = await invoke<{ entry: { id: string } }>(host, 'faq.create', {
    category: 'payments',
    question: '提现多久到账？',
    answer: '提现一般 2 小时内到账。如有疑问请联系张伟先生 13912345678。',
    sourceTicketIds: [t.ticket.id],
  });
  await invoke(host, 'faq.transition', { id: d.entry.id, action: 'submit' });
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();

  await console_.signInAs('周敏');
  await console_.nav('faq');
  await page.locator(`[data-testid="faq-row"][data-entry-id="${d.entry.id}"]`).click();
  const editor = page.locator('[data-testid="faq-editor"][data-status="in_review"]');
  await expect(editor).toBeVisible();

  const findings = page.getByTestId('faq-finding');
  await expect(findings).toHaveCount(2);
  await expect(findings.nth(0)).toHaveAttribute('data-kind', 'name');
  await expect(findings.nth(0)).toContainText('张伟');
  await expect(findings.nth(1)).toHaveAttribute('data-kind', 'mobile');
  await expect(findings.nth(1)).toContainText('13912345678');
  const publish = page.getByTestId('faq-publish');
  await expect(publish).toBeDisabled();
  await expect(page.getByTestId('faq-publish-blocked')).toContainText('2 项可能的个人信息未处理');
  await shot(page, 'faq-pd-01-blocked');

  await findings.nth(0).getByTestId('faq-finding-confirm').check();
  await expect(publish).toBeDisabled();
  await expect(page.getByTestId('faq-publish-blocked')).toContainText('1 项');
  await findings.nth(1).getByTestId('faq-finding-confirm').check();
  await expect(page.getByTestId('faq-publish-blocked')).toHaveCount(0);
  await expect(publish).toBeEnabled();
  await shot(page, 'faq-pd-02-confirmed');
  await publish.click();
  await expect(page.locator('[data-testid="faq-editor"][data-status="published"]')).toBeVisible();
  await expect(page.locator('[data-testid="faq-step"][data-action="confirm_not_personal"]')).toHaveCount(2);
  await shot(page, 'faq-pd-03-published');
});
