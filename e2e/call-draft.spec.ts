import { ConsolePage } from './console-page';
import { expect, shot, test, type ConsoleHost } from './fixtures';

interface Attempt {
  disposition: string;
  notes: string;
  startedAt: number;
  endedAt: number;
}

function attemptsOf(host: ConsoleHost, callbackId: string): Attempt[] {
  return host.backend
    .context!.db.$client.prepare(
      'SELECT disposition, notes, started_at AS startedAt, ended_at AS endedAt FROM call_attempts WHERE callback_id = ? ORDER BY started_at',
    )
    .all(callbackId) as Attempt[];
}

test('a reload mid-call loses nothing: the outcome, the notes and the call keep their first start', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('demo', '王芳');
  await agent.next();
  const id = await agent.workspaceCallbackId();
  await agent.startCall();
  const startedAt = host.backend.context!.db.$client.prepare('SELECT started_at AS s FROM call_drafts WHERE callback_id = ?').get(id) as { s: number };
  host.advance(40_000);

  const saved = page.waitForResponse((r) => r.url().endsWith('/api/callbacks.saveDraft') && r.request().postData()?.includes('占线，客户稍后有空') === true);
  await page.keyboard.press('3');
  await page.getByTestId('notes').fill('占线，客户稍后有空');
  await saved;

  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await agent.next();
  expect(await agent.workspaceCallbackId()).toBe(id);
  await expect(page.getByTestId('notes')).toHaveValue('占线，客户稍后有空');
  await expect(page.getByTestId('disposition-busy')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('call-timer')).toBeVisible();
  await shot(page, 'call-draft-restored');

  await page.getByTestId('notes').press('Control+Enter');
  await expect(page.getByTestId('workspace-work')).toBeHidden();
  const [attempt] = attemptsOf(host, id);
  expect(attempt).toMatchObject({ disposition: 'busy', notes: '占线，客户稍后有空', startedAt: startedAt.s });
  expect(attempt!.endedAt - attempt!.startedAt).toBeGreaterThanOrEqual(40_000);
});

test('no outcome without a started call, and a started call handed back counts as an attempt', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('demo', '王芳');
  await agent.next();
  const id = await agent.workspaceCallbackId();

  // "No answer" and Ctrl+Enter without ever dialling: refused, nothing recorded.
  await page.keyboard.press('2');
  await page.getByTestId('notes').press('Control+Enter');
  await expect(page.getByTestId('workspace-error')).toContainText('请先开始通话');
  await shot(page, 'call-draft-start-first');
  expect(attemptsOf(host, id)).toEqual([]);

  // Dialled, then handed back: the dial is recorded as unanswered, with what was typed.
  await agent.startCall();
  await page.getByTestId('notes').fill('响铃无人接');
  await page.getByTestId('release').click();
  await expect(page.getByTestId('release-confirm-panel')).toContainText('未接通');
  await page.getByTestId('release-confirm').click();
  await expect(page.getByTestId('workspace-work')).toBeHidden();
  const attempts = attemptsOf(host, id);
  expect(attempts).toHaveLength(1);
  expect(attempts[0]).toMatchObject({ disposition: 'no_answer', notes: '放弃并退回 · 响铃无人接' });
});
