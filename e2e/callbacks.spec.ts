import { DateTime } from 'luxon';
import { ConsolePage } from './console-page';
import { CLOCK_START, expect, shot, test } from './fixtures';

interface AttemptRow {
  disposition: string;
  notes: string;
  state: string;
  outcome: string | null;
  dueAt: number | null;
  startedAt: number;
  timezone: string;
}

test('an agent loads the demo data, works three callbacks, and finds them kept after a restart', async ({ page, host }) => {
  // Long: a demo first run, then signing out and in as each person it follows (slow on a busy machine).
  test.slow();
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('demo', '王芳');
  await shot(page, '01-queue-demo');
  const openBefore = await agent.queueTotal();
  // About three in four of the demo's 6,600 callbacks are open (the rest are five weeks of finished work).
  expect(openBefore).toBeGreaterThan(4500);
  await expect(agent.rows().first()).toBeVisible();

  // 1: reached.
  await agent.next();
  await agent.startCall();
  await shot(page, '02-call-workspace');
  await agent.dispose('reached', '用户确认退款已到账，对处理结果满意');
  // A questionnaire applies to this call; without completing it, the agent says why.
  await expect(page.getByTestId('survey-skip-panel')).toBeVisible();
  await page.getByTestId('survey-skip-reason').fill('客户时间不便，改日再做问卷');
  expect(await agent.save()).toBeTruthy();

  // 2: no answer, by keyboard shortcut.
  await agent.next();
  await agent.startCall();
  await page.keyboard.press('2');
  await expect(page.getByTestId('disposition-no_answer')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('notes').fill('无人接听');
  await agent.save();

  // 3: call back later, at 14:30 tomorrow in the customer's own zone.
  await agent.next();
  await agent.startCall();
  await agent.dispose('callback_later', '客户在开会，约明天下午再打');
  const dates = await page.getByTestId('later-date').locator('option:not([disabled])').evaluateAll((o) => o.map((x) => (x as unknown as { value: string }).value));
  await page.getByTestId('later-date').selectOption(dates[1]!);
  await page.getByTestId('later-time').selectOption('14:30');
  await shot(page, '03-callback-later');
  await agent.save();

  const attempts = host.backend.context!.db.$client
    .prepare(
      `SELECT a.disposition, a.notes, a.started_at AS startedAt, cb.state, cb.outcome, cb.due_at AS dueAt, c.timezone
         FROM call_attempts a JOIN callbacks cb ON cb.id = a.callback_id JOIN customers c ON c.id = a.customer_id
        WHERE a.started_at >= ? ORDER BY a.started_at`,
    )
    .all(CLOCK_START) as AttemptRow[];
  expect(attempts.map((a) => a.disposition)).toEqual(['reached', 'no_answer', 'callback_later']);
  expect(attempts[0]).toMatchObject({ state: 'closed', outcome: 'completed', notes: '用户确认退款已到账，对处理结果满意' });
  expect(attempts[1]).toMatchObject({ state: 'open', outcome: null });
  expect(attempts[1]!.dueAt! - attempts[1]!.startedAt).toBe(27 * 3_600_000);
  const later = DateTime.fromMillis(attempts[2]!.dueAt!, { zone: attempts[2]!.timezone });
  expect(later.toFormat('yyyy-MM-dd HH:mm')).toBe(`${dates[1]} 14:30`);

  // Restart the app (new back end on the same file) and reload the page: everything is still there. A
  // restart ends every session (tokens live in the back end's memory), so the agent signs in again.
  await host.restart();
  await agent.open(host.url);
  await agent.signInAs('王芳');
  await expect(page.getByTestId('queue-table')).toBeVisible();
  expect(await agent.queueTotal()).toBe(openBefore - 1);
  await agent.filterStatus('closed');
  await expect(agent.rows().first()).toBeVisible();
  await shot(page, '04-closed-after-restart');
  const closedNames = await agent.rows().allInnerTexts();
  expect(closedNames.join('\n')).toContain('完成');
});

test('reveal is audited and the language switches at any time', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('demo', '赵磊');
  const name = await agent.next();
  await page.getByTestId('reveal-phone').click();
  await expect(page.getByTestId('reveal-note')).toBeVisible();
  await page.getByTestId('release').click();

  await agent.nav('audit');
  const row = page.getByTestId('audit-row').first();
  await expect(row).toContainText('赵磊');
  await expect(row).toContainText(name.replace(/\s*(先生|女士)$/, ''));
  await expect(row).toContainText('查看完整号码');

  await agent.toggleLanguage();
  await expect(row).toContainText('Revealed full phone number');
  await agent.nav('queue');
  await expect(page.getByTestId('next-button')).toContainText(/Next/);
  await shot(page, '05-queue-english');
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(page.getByTestId('next-button')).toContainText(/Next/);
  await agent.toggleLanguage();
  await expect(page.getByTestId('next-button')).toContainText('下一个');
});

test('releasing a started call asks first, and keeping it loses nothing', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('demo', '王芳');
  await agent.next();
  await agent.startCall();
  await page.getByTestId('notes').fill('客户说稍后回电');
  await page.getByTestId('release').click();
  await expect(page.getByTestId('release-confirm-panel')).toBeVisible();
  await shot(page, '09-release-confirm');
  await page.getByTestId('release-cancel').click();
  await expect(page.getByTestId('release-confirm-panel')).toBeHidden();
  await expect(page.getByTestId('workspace-work')).toBeVisible();
  await expect(page.getByTestId('notes')).toHaveValue('客户说稍后回电');
  await page.getByTestId('release').click();
  await page.getByTestId('release-confirm').click();
  await expect(page.getByTestId('workspace-work')).toBeHidden();
});
