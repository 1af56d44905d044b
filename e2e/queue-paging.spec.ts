import { ConsolePage } from './console-page';
import { expect, test } from './fixtures';

/*
 * The queue scrolls through its pages by keyset: each page after the first is asked for with the cursor
 * the page before handed back (issue 11 #17), and a jump of the scrollbar still lands on its rows.
 */
test('scrolling the queue loads each next page by the cursor of the one before, to the last row', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('demo', '王芳');
  const total = await agent.queueTotal();
  expect(total).toBeGreaterThan(1000);

  const asked: { offset: number; cursor?: string }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/queue.list')) asked.push(JSON.parse(request.postData() ?? '{}'));
  });
  const scroller = page.getByTestId('queue-scroll');
  // Scroll on, a screenful at a time, through the first 1,000 rows.
  for (let i = 0; i < 40; i++) {
    await scroller.evaluate((el) => el.scrollBy(0, el.clientHeight));
    await page.waitForTimeout(40);
  }
  await expect.poll(() => asked.filter((a) => a.offset > 0).length).toBeGreaterThanOrEqual(3);
  const later = asked.filter((a) => a.offset > 0);
  // Every page after the first came by cursor, none by offset alone.
  expect(later.every((a) => typeof a.cursor === 'string' && a.cursor.length > 0)).toBe(true);
  // Deep in the list, and the rows there are real rows, not placeholders.
  const firstShown = async () => Number((await page.getByTestId('queue-footer').innerText()).split('–')[0]!.replace(/\D/g, ''));
  expect(await firstShown()).toBeGreaterThan(400);
  const shown = await firstShown();
  await expect(page.locator(`[data-index="${shown + 2}"] [data-testid="queue-row"]`)).toBeVisible();

  // A jump to the end (no cursor known for the pages in between) lands on the last rows, by offset.
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.locator(`[data-index="${total - 1}"] [data-testid="queue-row"]`)).toBeVisible();
  const footer = (await page.getByTestId('queue-footer').innerText()).split('/');
  expect(Number(footer[0]!.split('–')[1]!.replace(/\D/g, ''))).toBe(total);
  // The jump itself went by offset (a page whose predecessor was never loaded has no cursor yet).
  expect(asked.some((a) => a.offset >= total - 400 && a.cursor === undefined)).toBe(true);
});
