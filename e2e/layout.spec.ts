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
  await console.switchUser('周敏');
  arrangeQuestionnaires(host, 30);
  await console.nav('reports');
  for (const part of ['outcomes', 'satisfaction', 'complaints']) {
    await expect(page.getByTestId(`rp-part-${part}`)).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  }
  // The question picker carries a visually hidden label: it must not stretch the document.
  await expect(page.locator('.adm-visually-hidden').first()).toBeAttached();
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
