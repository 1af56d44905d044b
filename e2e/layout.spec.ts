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

/**
 * Where each page tab is: whole inside the tab row and the window, or an item of the open "More" menu, whole
 * inside the window. Returns the tabs under More.
 */
async function checkTabs(page: Page, pages: readonly string[], where: string): Promise<string[]> {
  const width = page.viewportSize()!.width;
  const nav = page.getByRole('navigation', { name: 'main' });
  const row = (await nav.boundingBox())!;
  const right = Math.min(row.x + row.width, width) + 0.5;
  const under: string[] = [];
  for (const p of pages) {
    const tab = nav.getByTestId(`nav-${p}`);
    if (!(await tab.isVisible())) {
      under.push(p);
      continue;
    }
    const box = (await tab.boundingBox())!;
    expect(box.x, `${where}: ${p} starts inside the tab row`).toBeGreaterThanOrEqual(row.x - 0.5);
    expect(box.x + box.width, `${where}: ${p} ends inside the tab row and the window`).toBeLessThanOrEqual(right);
  }
  // The page on screen is always named in the row.
  await expect(nav.locator('[aria-current="page"]')).toBeVisible();
  const more = page.getByTestId('nav-more');
  if (under.length === 0) {
    await expect(more).toHaveCount(0);
    return under;
  }
  const button = (await more.boundingBox())!;
  expect(button.x + button.width, `${where}: More ends inside the row`).toBeLessThanOrEqual(right);
  await more.click();
  const menu = page.getByRole('menu', { name: /更多|More/ });
  await expect(menu).toBeVisible();
  expect(await menu.getByRole('menuitem').count(), `${where}: More lists exactly the tabs the row has no room for`).toBe(under.length);
  for (const p of under) {
    const item = menu.getByTestId(`nav-${p}`);
    await expect(item, `${where}: ${p} is in the More menu`).toBeVisible();
    const box = (await item.boundingBox())!;
    expect(box.x + box.width, `${where}: ${p} ends inside the window`).toBeLessThanOrEqual(width + 0.5);
  }
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  return under;
}

test('every page tab can be seen at 1024 and 1440 px, in Chinese and English, for an agent and a supervisor: in the row or under More', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.url);
  await console.firstRun('demo', '王芳');
  const agentPages = ['queue', 'tickets', 'vouchers', 'import', 'scripts', 'surveys', 'faq', 'audit', 'settings'];
  const supervisorPages = ['queue', 'tickets', 'board', 'vouchers', 'import', 'scripts', 'surveys', 'reports', 'faq', 'audit', 'settings'];
  for (const [who, pages] of [
    ['agent', agentPages],
    ['supervisor', supervisorPages],
  ] as const) {
    if (who === 'supervisor') await console.signInAs('周敏');
    for (const lang of ['zh', 'en']) {
      await expect(page.getByTestId('nav-queue')).toHaveText(lang === 'zh' ? '队列' : 'Queue');
      for (const width of [1024, 1440]) {
        await page.setViewportSize({ width, height: 800 });
        const under = await checkTabs(page, pages, `${who}, ${lang}, ${width} px`);
        // At 1440 px every tab has room in the row.
        if (width === 1440) expect(under, `${who}, ${lang}, 1440 px: tabs under More`).toEqual([]);
        await shot(page, `layout-topbar-${who}-${lang}-${width}`);
      }
      await console.toggleLanguage();
    }
  }

  // By keyboard: ↓ on More opens it on its first item, Enter opens that page, whose tab is then in the row and
  // has focus; the last tab stays reachable the same way.
  await page.setViewportSize({ width: 1024, height: 800 });
  await expect(page.getByTestId('nav-queue')).toHaveText('队列');
  const more = page.getByTestId('nav-more');
  await more.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: '更多' });
  await expect(menu).toBeVisible();
  await shot(page, 'layout-topbar-more-open');
  const first = menu.getByRole('menuitem').first();
  await expect(first).toBeFocused();
  const testId = (await first.getAttribute('data-testid'))!;
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  const tab = page.getByRole('navigation', { name: 'main' }).getByTestId(testId);
  await expect(tab).toHaveAttribute('aria-current', 'page');
  await expect(tab).toBeFocused();
  await checkTabs(page, supervisorPages, 'supervisor, zh, 1024 px, after picking from More');
  await console.nav('settings');
  await expect(page.getByTestId('settings-form')).toBeVisible();
  await expect(page.getByTestId('nav-settings')).toHaveAttribute('aria-current', 'page');
});
