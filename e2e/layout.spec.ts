/// <reference lib="dom" />
// page.evaluate bodies run in the browser: they see the DOM types.
import type { Page } from '@playwright/test';
import { ConsolePage } from './console-page';
import { expect, shot, test } from './fixtures';
import { arrangeQuestionnaires } from './reports-data';

/*
 * Page layout at a common laptop size (1280×800): one scroll area per page, nothing scrolling into
 * blank space, the same page width everywhere.
 */

test.use({ viewport: { width: 1280, height: 800 } });

/** The document itself never scrolls (the page's own area does), and that area ends where its content ends. */
async function scrollExtents(page: Page) {
  return page.evaluate(() => {
    const doc = document.scrollingElement!;
    const area = document.querySelector('.admin-page') as HTMLElement | null;
    const content = area?.firstElementChild as HTMLElement | null;
    return {
      docScroll: doc.scrollHeight,
      viewport: window.innerHeight,
      areaScroll: area?.scrollHeight ?? 0,
      contentHeight: content ? content.getBoundingClientRect().height : 0,
    };
  });
}

test('the reports page scrolls only its own area, down to the end of its content, at 1280×800', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.url);
  await console.firstRun('demo', '王芳');
  await console.signInAs('周敏');
  arrangeQuestionnaires(host, 30);
  await console.nav('reports');
  for (const part of ['outcomes', 'satisfaction', 'complaints']) {
    await expect(page.getByTestId(`rp-part-${part}`)).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  }
  // The question picker carries a visually hidden label: it must not stretch the document.
  await expect(page.locator('.ui-visually-hidden').first()).toBeAttached();
  for (const lang of ['zh-CN', 'en']) {
    const m = await scrollExtents(page);
    expect(m.docScroll, `${lang}: the document does not scroll`).toBeLessThanOrEqual(m.viewport + 1);
    expect(Math.abs(m.areaScroll - m.contentHeight), `${lang}: the page scrolls to the end of its content`).toBeLessThanOrEqual(2);
    await page.locator('.admin-page').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await shot(page, `layout-reports-bottom-${lang}`);
    if (lang === 'zh-CN') {
      await console.toggleLanguage();
      await expect(page.getByRole('heading', { name: 'Callback outcomes' })).toBeVisible();
    }
  }
});

test('pages share one width, the ticket subject is readable beside the detail, and the FAQ editor leaves its fields uncovered', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.url);
  await console.firstRun('demo', '王芳');
  await console.signInAs('周敏');

  // Every page's content is as wide as every other's.
  const widths: Record<string, number> = {};
  for (const tab of ['import', 'scripts', 'surveys', 'board', 'vouchers', 'reports', 'faq', 'audit', 'settings'] as const) {
    await console.nav(tab);
    await expect(page.locator('.admin-page > *').first()).toBeVisible();
    widths[tab] = await page.locator('.admin-page > *').first().evaluate((el) => Math.round(el.getBoundingClientRect().width));
  }
  expect(new Set(Object.values(widths)).size, JSON.stringify(widths)).toBe(1);

  // Tickets: with the detail open the subject column still shows a useful part of the subject.
  await console.nav('tickets');
  await page.getByTestId('ticket-row').first().click();
  await expect(page.getByTestId('ticket-detail')).toHaveAttribute('data-state', 'ready');
  const subject = await page.locator('th.tk-col-subject').evaluate((el) => el.getBoundingClientRect().width);
  expect(subject, 'subject column width').toBeGreaterThanOrEqual(220);
  await shot(page, 'layout-tickets-detail');

  // FAQ: the ticket picker's search box keeps its height above a long list.
  await console.nav('faq');
  await page.getByTestId('faq-new').click();
  const picker = page.getByTestId('faq-ticket-picker');
  await expect(picker.getByTestId('faq-picker-row').first()).toBeVisible();
  expect(await picker.getByTestId('faq-picker-row').count()).toBeGreaterThan(8);
  const search = await picker.getByTestId('faq-picker-search').boundingBox();
  expect(search!.height).toBeGreaterThanOrEqual(30);
  await shot(page, 'layout-faq-picker');
  await picker.getByTestId('faq-picker-pick').first().click();

  // The editor's action bar never sits on the English fields when they are reached with the keyboard.
  await expect(page.getByTestId('faq-editor')).toBeVisible();
  await page.locator('.faq-english summary').click();
  for (const id of ['faq-question-en', 'faq-answer-en']) {
    await page.locator('.admin-page').evaluate((el) => el.scrollTo(0, 0));
    await page.getByTestId(id).focus();
    const field = (await page.getByTestId(id).boundingBox())!;
    const bar = (await page.locator('.faq-editor-foot').boundingBox())!;
    expect(field.y + field.height, `${id} ends above the action bar`).toBeLessThanOrEqual(bar.y + 1);
  }
  await shot(page, 'layout-faq-editor');
});

test('the queue keeps each user’s filters and sort across a reload', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.url);
  await console.firstRun('demo', '王芳');

  await console.filterStatus('blocked');
  await page.getByTestId('filter-reason-care').click();
  await page.getByTestId('filter-priority-2').click();
  await page.getByTestId('sort-due').click();
  await page.getByTestId('sort-due').click();
  await expect(page.locator('[aria-sort="descending"]')).toContainText(/./);
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(page.getByTestId('filter-status-blocked')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('filter-reason-care')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('filter-priority-2')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('sort-due').locator('xpath=ancestor::*[@aria-sort][1]')).toHaveAttribute('aria-sort', 'descending');
  await shot(page, 'layout-queue-restored');

  // Another user starts from the defaults and keeps their own.
  await console.signInAs('周敏');
  await expect(page.getByTestId('filter-status-open')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('filter-reason-care')).toHaveAttribute('aria-pressed', 'false');
  await console.filterStatus('callable');
  await console.signInAs('王芳');
  await expect(page.getByTestId('filter-status-blocked')).toHaveAttribute('aria-checked', 'true');
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(page.getByTestId('filter-status-blocked')).toHaveAttribute('aria-checked', 'true');
  await console.signInAs('周敏');
  await expect(page.getByTestId('filter-status-callable')).toHaveAttribute('aria-checked', 'true');
});
