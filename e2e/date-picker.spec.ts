import { ConsolePage } from './console-page';
import { expect, shot, test } from './fixtures';
import { addUser } from './sla-page';

/*
 * Dates and times follow the UI language, not the browser's: the browser here speaks American English,
 * the console Chinese. Dates read 2026-12-07, times 09:00 (24 hours), the calendar's month and weekday
 * names are Chinese, and everything works from the keyboard.
 */

test.use({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });

test('date and time pickers follow the UI language, work from the keyboard and check what is typed', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.url);
  await console.firstRun('empty', '王芳');
  await addUser(host, '周敏', 'supervisor');
  await console.open(host.url);
  await console.signInAs('周敏');

  // Reports: the range fields are text in ISO form, never the browser's mm/dd/yyyy.
  await console.nav('reports');
  await expect(page.getByTestId('rp-part-outcomes')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await expect(page.locator('input[type="date"], input[type="time"], input[type="datetime-local"]')).toHaveCount(0);
  const from = page.getByTestId('rp-from');
  const start = await from.inputValue();
  expect(start).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // The calendar opens on the field's month, in Chinese, with the day focused.
  await page.getByTestId('rp-from-calendar').click();
  const popup = page.getByTestId('rp-from-popup');
  await expect(popup).toBeVisible();
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  await expect(popup.getByTestId('rp-from-popup-title')).toHaveText(`${y}年${m}月`);
  await expect(popup.locator('th').first()).toHaveText('一');
  await expect(popup.locator(`[data-day="${start}"]`)).toBeFocused();
  await shot(page, 'date-picker-zh');

  // Arrow keys move, Enter picks and the focus returns to the field.
  await page.keyboard.press('ArrowRight');
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  await expect(popup.locator(`[data-day="${next}"]`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(popup).toBeHidden();
  await expect(from).toHaveValue(next);
  await expect(from).toBeFocused();
  await expect(page.getByTestId('rp-part-outcomes')).toHaveAttribute('data-state', 'ready');

  // Escape closes without picking and gives the focus back to the calendar button.
  await page.getByTestId('rp-from-calendar').click();
  await expect(popup).toBeVisible();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('Escape');
  await expect(popup).toBeHidden();
  await expect(page.getByTestId('rp-from-calendar')).toBeFocused();
  await expect(from).toHaveValue(next);

  // Typed text is checked with a message; a real day is taken as typed.
  await from.fill('2026-02-30');
  await from.blur();
  await expect(page.getByTestId('rp-from-problem')).toHaveText('没有这一天，请检查月份和日期');
  await from.fill('11/20/2026');
  await from.blur();
  await expect(page.getByTestId('rp-from-problem')).toHaveText('请输入有效日期，格式如 2026-12-07');
  await from.fill('2026/11/20');
  await from.blur();
  await expect(page.getByTestId('rp-from-problem')).toHaveCount(0);
  await expect(from).toHaveValue('2026-11-20');

  // Settings: the calling window in 24 hours, never "09:00 AM".
  await console.nav('settings');
  const windowStart = page.getByTestId('settings-window-start');
  await expect(windowStart).toHaveValue('09:00');
  await expect(page.getByTestId('settings-window-end')).toHaveValue('21:00');
  await shot(page, 'settings-time-fields-zh');
  await windowStart.fill('9:30');
  await windowStart.blur();
  await expect(windowStart).toHaveValue('09:30');
  await windowStart.fill('9:30 PM');
  await windowStart.blur();
  await expect(page.getByTestId('settings-window-start-problem')).toHaveText('请输入 24 小时制时间，如 09:00');
  await windowStart.fill('09:00');
  await windowStart.blur();

  // In English: English month names, the same ISO field.
  await console.toggleLanguage();
  await console.nav('reports');
  await from.fill('2026-11-20');
  await page.getByTestId('rp-from-calendar').click();
  await expect(page.getByTestId('rp-from-popup-title')).toHaveText('November 2026');
  await expect(page.getByTestId('rp-from-popup').locator('th').first()).toHaveText('Mo');
  await expect(page.getByTestId('rp-from-popup').locator('[data-day="2026-11-20"]')).toHaveAttribute('aria-label', 'Friday, November 20, 2026');
  await shot(page, 'date-picker-en');
  await page.keyboard.press('Escape');
});
