import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ConsolePage, FIRST_SUPERVISOR } from './console-page';
import { expect, shot, test } from './fixtures';

/*
 * Accessibility: axe-core with the WCAG 2.1 AA rules on every page of the console, in Chinese and in English.
 * A page passes with no violation of impact serious or critical (moderate and minor ones are printed, not
 * failed). The counts per page are printed so a regression shows where it came from.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface PageResult {
  page: string;
  serious: number;
  critical: number;
  other: number;
  rules: string[];
}

async function scan(page: Page, name: string, results: PageResult[]): Promise<void> {
  // Nothing still loading: axe reads what the agent sees, not a spinner.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('.spinner')).toHaveCount(0);
  await expect(page.getByText(/^(正在加载…|Loading…)$/)).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const count = (impact: string) => violations.filter((v) => v.impact === impact).reduce((n, v) => n + v.nodes.length, 0);
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const result: PageResult = {
    page: name,
    serious: count('serious'),
    critical: count('critical'),
    other: count('moderate') + count('minor'),
    rules: violations.map((v) => `${v.id}(${v.impact}:${v.nodes.length})`),
  };
  results.push(result);
  for (const v of bad) {
    if (v.id === 'color-contrast') {
      // One line per colour pair: the same token fails on many nodes.
      const pairs = new Map<string, { n: number; sample: string }>();
      for (const node of v.nodes) {
        const d = node.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number; expectedContrastRatio?: string } | undefined;
        const key = `${d?.fgColor} on ${d?.bgColor} ${d?.contrastRatio}:1 (needs ${d?.expectedContrastRatio})`;
        const seen = pairs.get(key) ?? { n: 0, sample: node.target.join(' ') };
        seen.n++;
        pairs.set(key, seen);
      }
      for (const [key, { n, sample }] of pairs) console.log(`  ${name} color-contrast ×${n} ${key} e.g. ${sample}`);
    } else {
      for (const n of v.nodes.slice(0, 5)) console.log(`  ${name} ${v.id} ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim()} ${n.html.slice(0, 300)}`);
    }
  }
  await shot(page, `a11y-${name}`);
}

function report(results: PageResult[]): void {
  console.log('page'.padEnd(24), 'serious', 'critical', 'other', ' rules');
  for (const r of results) console.log(r.page.padEnd(24), String(r.serious).padStart(7), String(r.critical).padStart(8), String(r.other).padStart(5), '', r.rules.join(' '));
}

/** Every page the signed-in supervisor can reach, in the current language (suffix names the language). */
async function scanAllPages(page: Page, agent: ConsolePage, lang: string, results: PageResult[]): Promise<void> {
  await agent.nav('queue');
  await expect(agent.rows().first()).toBeVisible();
  await scan(page, `queue-${lang}`, results);

  await agent.next();
  await scan(page, `workspace-${lang}`, results);
  await agent.startCall();
  await scan(page, `workspace-call-${lang}`, results);
  await agent.dispose('no_answer', 'no answer');
  await agent.save();

  await agent.nav('tickets');
  await expect(page.getByTestId('ticket-list')).toHaveAttribute('data-loading', 'false');
  await expect(page.getByTestId('ticket-row').first()).toBeVisible();
  await scan(page, `tickets-${lang}`, results);
  await page.getByTestId('ticket-row').first().click();
  await expect(page.getByTestId('ticket-detail')).toHaveAttribute('data-state', 'ready');
  await scan(page, `ticket-detail-${lang}`, results);

  await agent.nav('vouchers');
  await expect(page.getByTestId('spend-card')).toBeVisible();
  await expect(page.getByTestId('voucher-row').first()).toBeVisible();
  await scan(page, `vouchers-${lang}`, results);

  await agent.nav('import');
  await expect(page.getByTestId('import-file')).toBeAttached();
  await expect(page.locator('section[aria-labelledby="import-history-title"]')).not.toContainText(/正在加载|Loading/);
  await scan(page, `import-${lang}`, results);

  await agent.nav('scripts');
  await expect(page.getByTestId('script-row').first()).toBeVisible();
  await scan(page, `scripts-${lang}`, results);

  await agent.nav('surveys');
  await expect(page.getByTestId('survey-headline')).toBeVisible();
  await scan(page, `surveys-${lang}`, results);

  await agent.nav('reports');
  await expect(page.getByTestId('reports-page')).toBeVisible();
  // Its three parts load one after another: all three answered.
  await expect(page.locator('[data-testid^="rp-part-"][data-state="ready"]')).toHaveCount(3);
  await scan(page, `reports-${lang}`, results);

  await agent.nav('faq');
  await expect(page.getByTestId('faq-list')).toBeVisible();
  await scan(page, `faq-${lang}`, results);

  await agent.nav('audit');
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await scan(page, `audit-${lang}`, results);

  await agent.nav('settings');
  await expect(page.getByTestId('settings-form')).toBeVisible();
  await scan(page, `settings-${lang}`, results);

  await agent.nav('board');
  await expect(page.getByTestId('board-refreshed')).not.toBeEmpty();
  await scan(page, `sla-board-${lang}`, results);
}

test('every page of the console has no serious or critical WCAG 2.1 AA violation, in Chinese and in English', async ({ page, host }) => {
  // A demo first run and two passes over twelve pages.
  test.setTimeout(420_000);
  const results: PageResult[] = [];
  const agent = new ConsolePage(page);
  await agent.open(host.url);

  // First run, in both languages (its own language switch).
  await expect(page.getByTestId('first-run')).toBeVisible();
  await scan(page, 'first-run-zh', results);
  await page.getByTestId('first-run-lang-en').click();
  await expect(page.getByTestId('first-run-lang-en')).toHaveAttribute('aria-checked', 'true');
  await scan(page, 'first-run-en', results);
  await page.getByTestId('first-run-lang-zh-CN').click();

  await agent.firstRun('demo', FIRST_SUPERVISOR);
  await scanAllPages(page, agent, 'zh', results);

  // Sign-in, in Chinese, then the whole console again in English.
  await page.getByTestId('user-switcher').click();
  await page.getByTestId('user-switch').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await scan(page, 'sign-in-zh', results);
  await agent.signInAs(FIRST_SUPERVISOR);
  await agent.toggleLanguage();
  await expect(page.getByTestId('nav-queue')).toHaveText('Queue');
  await scanAllPages(page, agent, 'en', results);
  await page.getByTestId('user-switcher').click();
  await page.getByTestId('user-switch').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await scan(page, 'sign-in-en', results);

  report(results);
  const failing = results.filter((r) => r.serious + r.critical > 0).map((r) => `${r.page}: ${r.serious} serious, ${r.critical} critical`);
  expect(failing).toEqual([]);
});

test('the dark theme keeps the main pages free of serious or critical WCAG 2.1 AA violations (Chinese)', async ({ page, host }) => {
  // A demo first run and eight pages: the dark theme is a swap of tokens (renderer/styles/tokens.css), so
  // the pages that use the most of them stand for the rest.
  test.setTimeout(240_000);
  const results: PageResult[] = [];
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('demo', FIRST_SUPERVISOR);
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'dark';
  });

  await expect(agent.rows().first()).toBeVisible();
  await agent.next();
  await agent.startCall();
  await scan(page, 'dark-queue-call', results);
  await agent.dispose('no_answer', 'no answer');
  await agent.save();

  await agent.nav('tickets');
  await expect(page.getByTestId('ticket-list')).toHaveAttribute('data-loading', 'false');
  await page.getByTestId('ticket-row').first().click();
  await expect(page.getByTestId('ticket-detail')).toHaveAttribute('data-state', 'ready');
  await scan(page, 'dark-ticket-detail', results);

  await agent.nav('board');
  await expect(page.getByTestId('board-refreshed')).not.toBeEmpty();
  await scan(page, 'dark-sla-board', results);

  await agent.nav('vouchers');
  await expect(page.getByTestId('voucher-row').first()).toBeVisible();
  await scan(page, 'dark-vouchers', results);

  await agent.nav('reports');
  await expect(page.locator('[data-testid^="rp-part-"][data-state="ready"]')).toHaveCount(3);
  await scan(page, 'dark-reports', results);

  await agent.nav('settings');
  await expect(page.getByTestId('settings-form')).toBeVisible();
  await scan(page, 'dark-settings', results);

  await agent.nav('faq');
  await expect(page.getByTestId('faq-list')).toBeVisible();
  await scan(page, 'dark-faq', results);

  await agent.nav('scripts');
  await page.getByTestId('script-open').first().click();
  await page.getByTestId('script-edit').click();
  await expect(page.getByTestId('editor-title')).toBeVisible();
  await scan(page, 'dark-scripts-editor', results);

  report(results);
  const failing = results.filter((r) => r.serious + r.critical > 0).map((r) => `${r.page}: ${r.serious} serious, ${r.critical} critical`);
  expect(failing).toEqual([]);
});
