import type { Locator, Page } from '@playwright/test';
import { ConsolePage } from './console-page';
import { expect, shot, test, type ConsoleHost } from './fixtures';

/*
 * The in-call questionnaire: a response keeps the script version it began on, whatever a supervisor
 * publishes meanwhile; new responses take the new version; the figures count each under its own.
 */

const CHOICE_TYPES = ['yes_no', 'single', 'multi', 'rating', 'nps'];

interface ResponseRow {
  id: string;
  status: string;
  scriptVersionId: string;
  agentId: string;
}

function sql(host: ConsoleHost) {
  return host.backend.context!.db.$client;
}

function responsesOf(host: ConsoleHost, callbackId: string): ResponseRow[] {
  return sql(host)
    .prepare(
      `SELECT id, status, script_version_id AS scriptVersionId, agent_id AS agentId
         FROM survey_responses WHERE callback_id = ? ORDER BY started_at, id`,
    )
    .all(callbackId) as ResponseRow[];
}

/** The answers as saved: the latest fact per question, values decoded to the choice ids the UI shows. */
function savedAnswers(host: ConsoleHost, responseId: string): Record<string, string> {
  const rows = sql(host)
    .prepare(`SELECT question_key AS key, value FROM survey_answers WHERE response_id = ? ORDER BY answered_at, id`)
    .all(responseId) as { key: string; value: string | null }[];
  const out: Record<string, string> = {};
  for (const r of rows) {
    if (r.value === null) delete out[r.key];
    else out[r.key] = String(JSON.parse(r.value) as unknown);
  }
  return out;
}

function versionId(host: ConsoleHost, scriptId: string, version: number): string {
  const row = sql(host).prepare(`SELECT id FROM script_versions WHERE script_id = ? AND version = ?`).get(scriptId, version) as
    | { id: string }
    | undefined;
  expect(row, `script ${scriptId} has a v${version}`).toBeTruthy();
  return row!.id;
}

function purposeOf(host: ConsoleHost, callbackId: string): string {
  return (sql(host).prepare(`SELECT reason FROM callbacks WHERE id = ?`).get(callbackId) as { reason: string }).reason;
}

function customerNameOf(host: ConsoleHost, callbackId: string): string {
  return (
    sql(host)
      .prepare(`SELECT c.name FROM callbacks cb JOIN customers c ON c.id = cb.customer_id WHERE cb.id = ?`)
      .get(callbackId) as { name: string }
  ).name;
}

/** Page model of the questionnaire tab of the call workspace. */
class Questionnaire {
  constructor(readonly page: Page) {}

  panel(): Locator {
    return this.page.getByTestId('script-panel');
  }

  question(): Locator {
    return this.page.getByTestId('script-question');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('script-tab').click();
    await expect(this.panel()).toBeVisible();
    await expect(this.panel()).not.toHaveAttribute('data-state', 'loading');
  }

  async start(): Promise<void> {
    await this.page.getByTestId('script-start').click();
    await expect(this.page.getByTestId('script-status')).toHaveAttribute('data-status', 'in_progress');
    await expect(this.question()).toBeVisible();
  }

  async version(): Promise<number> {
    return Number(await this.page.getByTestId('script-version').getAttribute('data-version'));
  }

  /** Every answer given has reached the back end. */
  async settled(): Promise<void> {
    await expect(this.page.getByTestId('script-save-state')).toHaveAttribute('data-pending', '0');
  }

  /**
   * Answers the current (choice) question with number key 1 and goes on with Enter, as an agent does
   * with the panel holding the number keys. Returns the question key and the choice id picked.
   */
  async answerByKeyboard(): Promise<{ key: string; choice: string }> {
    const q = this.question();
    const key = (await q.getAttribute('data-key'))!;
    expect(CHOICE_TYPES).toContain(await q.getAttribute('data-type'));
    await expect(this.panel()).toHaveAttribute('data-keys', 'script');
    await this.page.keyboard.press('1');
    const picked = q.locator('[data-choice][aria-checked="true"]');
    await expect(picked).toHaveCount(1);
    const choice = (await picked.getAttribute('data-testid'))!.replace('script-choice-', '');
    await this.page.keyboard.press('Enter');
    await expect(this.page.locator(`[data-testid="script-question"][data-key="${key}"]`)).toBeHidden();
    return { key, choice };
  }

  /**
   * Goes through the rest of the questionnaire with clicks, giving a favourable answer to every choice
   * question and text only where it is required, until the closing; returns the keys answered.
   */
  async answerToEnd(): Promise<string[]> {
    const answered: string[] = [];
    const end = this.page.getByTestId('script-end');
    for (let i = 0; i < 40; i++) {
      await expect(end.or(this.question())).toBeVisible();
      if (await end.isVisible()) return answered;
      const q = this.question();
      const key = (await q.getAttribute('data-key'))!;
      const type = (await q.getAttribute('data-type'))!;
      const required = (await q.locator('.sr-required').count()) > 0;
      let choice: Locator | null = null;
      if (type === 'yes_no') choice = this.page.getByTestId('script-choice-true');
      else if (type === 'rating') choice = this.page.getByTestId('script-choice-5');
      else if (type === 'nps') choice = this.page.getByTestId('script-choice-10');
      else if (type === 'single' || type === 'multi') choice = q.locator('[data-choice]').first();
      if (choice) {
        await choice.click();
        await expect(choice).toHaveAttribute('aria-checked', 'true');
        answered.push(key);
      } else if (required) {
        await q.getByTestId('script-text').fill(type === 'number' ? '1' : '客户表示没有其他问题');
        answered.push(key);
      }
      await this.page.getByTestId('script-next').click();
      await expect(this.page.locator(`[data-testid="script-question"][data-key="${key}"]`)).toBeHidden();
    }
    throw new Error('the questionnaire did not reach its end');
  }

  async finish(status: 'completed' | 'partial' | 'declined'): Promise<void> {
    const button = this.page.getByTestId(`script-finish-${status}`);
    await expect(button).toBeEnabled();
    await button.click();
    await expect(this.page.getByTestId('script-status')).toHaveAttribute('data-status', status);
  }
}

test('a supervisor publishes version 2 while an agent has a version 1 response in progress; the agent finishes on version 1; both appear in the figures under their versions', async ({
  page,
  host,
}) => {
  // Long: a demo first run, then signing out and in as each person it follows (slow on a busy machine).
  test.slow();
  const agent = new ConsolePage(page);
  const survey = new Questionnaire(page);
  await agent.open(host.url);
  await agent.firstRun('demo', '王芳');

  // 1. The most urgent callback; its purpose has a mapped script.
  await agent.next();
  const first = await agent.workspaceCallbackId();
  const purpose = purposeOf(host, first);
  const customer = customerNameOf(host, first);
  await expect(page.getByTestId('script-tab')).toBeVisible();

  // 2. Questionnaire before dialling: v1, two answers by keyboard, saved as they are given.
  await survey.open();
  expect(await survey.version()).toBe(1);
  await expect(page.getByTestId('script-status')).toHaveAttribute('data-status', 'not_started');
  await survey.start();
  expect(await survey.version()).toBe(1);
  const firstKey = (await survey.question().getAttribute('data-key'))!;
  const v1Text = (await survey.question().getByTestId('script-question-text').innerText()).trim();
  const a1 = await survey.answerByKeyboard();
  const a2 = await survey.answerByKeyboard();
  expect(a1.key).toBe(firstKey);
  await survey.settled();

  const [r1] = responsesOf(host, first);
  expect(r1).toBeTruthy();
  expect(responsesOf(host, first)).toHaveLength(1);
  const v1Row = sql(host).prepare(`SELECT script_id AS scriptId, version FROM script_versions WHERE id = ?`).get(r1!.scriptVersionId) as {
    scriptId: string;
    version: number;
  };
  const scriptId = v1Row.scriptId;
  expect(v1Row.version).toBe(1);
  expect(r1!.status).toBe('in_progress');
  await expect.poll(() => savedAnswers(host, r1!.id)).toEqual({ [a1.key]: a1.choice, [a2.key]: a2.choice });

  // 3. Put the callback back (no call started, nothing typed: the console lets it go), hand over to the supervisor.
  await agent.release();
  await agent.signInAs('周敏');
  await agent.nav('scripts');
  await expect(page.getByTestId('scripts-page')).toBeVisible();
  await expect(page.getByTestId(`mapping-select-${purpose}`)).toHaveValue(scriptId);
  const row = page.locator(`[data-testid="script-row"][data-purpose="${purpose}"][data-locale="zh-CN"]`);
  await expect(row).toHaveAttribute('data-script-id', scriptId);
  await row.getByTestId('script-open').click();
  await expect(page.getByTestId('script-detail')).toHaveAttribute('data-script-id', scriptId);
  await expect(page.locator('[data-testid="version-row"][data-version="1"]')).toHaveAttribute('data-status', 'published');
  await page.getByTestId('script-edit').click();
  const text = page.locator(`[data-testid="editor-question"][data-key="${firstKey}"]`).getByTestId('editor-question-text');
  await expect(text).toHaveValue(v1Text);
  await text.fill(`${v1Text}（v2）`);
  await expect(page.getByTestId('editor-unsaved')).toBeVisible();
  await page.getByTestId('editor-save').click();
  await expect(page.locator('[data-testid="version-row"][data-version="2"]')).toHaveAttribute('data-status', 'draft');
  await expect(page.getByTestId('editor-status')).toHaveAttribute('data-dirty', 'false');
  await page.getByTestId('editor-publish').click();
  await page.getByTestId('publish-confirm-yes').click();
  await expect(page.locator('[data-testid="version-row"][data-version="2"]')).toHaveAttribute('data-status', 'published');
  await expect(page.locator('[data-testid="version-row"][data-version="1"]')).toHaveAttribute('data-status', 'published');
  await shot(page, 'questionnaire-01-v2-published');
  const v1 = versionId(host, scriptId, 1);
  const v2 = versionId(host, scriptId, 2);
  expect(r1!.scriptVersionId).toBe(v1);

  // 4. Back to the agent: the same callback resumes on v1, with its answers and v1's wording.
  await agent.signInAs('王芳');
  await agent.nav('queue');
  await agent.search(customer);
  await expect(page.locator(`[data-testid="queue-row"][data-id="${first}"]`)).toBeVisible();
  await agent.openRow(first);
  // A questionnaire under way opens on its own tab.
  await expect(survey.panel()).toHaveAttribute('data-state', 'in_progress');
  expect(await survey.version()).toBe(1);
  await expect(survey.panel().locator('.sr-note')).toContainText('v2');
  for (const a of [a1, a2]) await expect(page.getByTestId(`script-nav-${a.key}`)).toHaveClass(/answered/);
  await expect(page.getByTestId(`script-nav-${firstKey}`)).toContainText(v1Text);
  await expect(page.getByTestId(`script-nav-${firstKey}`)).not.toContainText('（v2）');
  await expect(survey.question()).toBeVisible();
  await expect(survey.question()).not.toHaveAttribute('data-key', firstKey);
  await shot(page, 'questionnaire-02-resumed-on-v1');
  // Back to the first question: the v1 wording and the saved answer.
  await page.getByTestId(`script-nav-${firstKey}`).click();
  await expect(survey.question()).toHaveAttribute('data-key', firstKey);
  await expect(survey.question().getByTestId('script-question-text')).toHaveText(v1Text);
  await expect(page.getByTestId(`script-choice-${a1.choice}`)).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('script-next').click();
  await expect(survey.question()).toHaveAttribute('data-key', a2.key);
  await expect(page.getByTestId(`script-choice-${a2.choice}`)).toHaveAttribute('aria-checked', 'true');
  await survey.answerToEnd();
  await survey.finish('completed');

  await agent.startCall();
  await page.getByTestId('disposition-reached').click();
  // Completed: no reason to give.
  await expect(page.getByTestId('survey-skip-panel')).toBeHidden();
  await page.getByTestId('notes').fill('问卷完成，客户对处理结果满意');
  await agent.save();
  expect(responsesOf(host, first)).toEqual([expect.objectContaining({ id: r1!.id, status: 'completed', scriptVersionId: v1 })]);

  // 5. Another callback of the same purpose: a new questionnaire starts on v2, with the new wording.
  await agent.search('');
  await page.getByTestId(`filter-reason-${purpose}`).click();
  await agent.filterStatus('callable');
  const next = page.locator('[data-testid="queue-row"][data-callable="true"]').first();
  await expect(next).toBeVisible();
  const second = (await next.getAttribute('data-id'))!;
  expect(second).not.toBe(first);
  expect(purposeOf(host, second)).toBe(purpose);
  await agent.openRow(second);
  await agent.startCall();
  // The call starts: the questionnaire comes forward.
  await expect(survey.panel()).toHaveAttribute('data-state', 'not_started');
  expect(await survey.version()).toBe(2);
  await survey.start();
  expect(await survey.version()).toBe(2);
  await expect(survey.question()).toHaveAttribute('data-key', firstKey);
  await expect(survey.question().getByTestId('script-question-text')).toHaveText(`${v1Text}（v2）`);
  await shot(page, 'questionnaire-03-new-on-v2');
  await survey.answerToEnd();
  await survey.finish('completed');
  await page.getByTestId('disposition-reached').click();
  await expect(page.getByTestId('survey-skip-panel')).toBeHidden();
  await agent.save();
  expect(responsesOf(host, second)).toEqual([expect.objectContaining({ status: 'completed', scriptVersionId: v2 })]);

  // 6. The figures: one row per version of the script, counted as in the database.
  await agent.nav('surveys');
  await expect(page.getByTestId('survey-version-table')).toBeVisible();
  const counts = sql(host)
    .prepare(
      `SELECT v.version, count(*) AS started, sum(r.status = 'completed') AS completed
         FROM survey_responses r JOIN script_versions v ON v.id = r.script_version_id
        WHERE v.script_id = ? GROUP BY v.version ORDER BY v.version`,
    )
    .all(scriptId) as { version: number; started: number; completed: number }[];
  // The demo data brings its own answers on version 1 (questionnaires taken on earlier calls).
  const demo = sql(host)
    .prepare(`SELECT count(*) AS started, coalesce(sum(status = 'completed'), 0) AS completed FROM survey_responses WHERE script_version_id = ? AND callback_id <> ?`)
    .get(v1, first) as { started: number; completed: number };
  expect(counts).toEqual([
    { version: 1, started: demo.started + 1, completed: demo.completed + 1 },
    { version: 2, started: 1, completed: 1 },
  ]);
  for (const c of counts) {
    const cells = page.locator(`[data-testid="survey-version-row"][data-script-id="${scriptId}"][data-version="${c.version}"]`).getByRole('cell');
    await expect(cells.nth(2)).toHaveText(`v${c.version}`);
    await expect(cells.nth(3)).toHaveText(String(c.started));
    await expect(cells.nth(4)).toContainText(String(c.completed));
  }
  await expect(page.locator(`[data-testid="survey-version-row"][data-script-id="${scriptId}"]`)).toHaveCount(2);
  await shot(page, 'questionnaire-04-figures');
});

test('saving "reached" mid-questionnaire asks why it was not completed; with a reason it saves and the response ends partial', async ({
  page,
  host,
}) => {
  const agent = new ConsolePage(page);
  const survey = new Questionnaire(page);
  await agent.open(host.url);
  await agent.firstRun('demo', '王芳');
  await agent.next();
  const id = await agent.workspaceCallbackId();
  await agent.startCall();
  await expect(survey.panel()).toHaveAttribute('data-state', 'not_started');
  await survey.start();
  const a1 = await survey.answerByKeyboard();
  await survey.settled();

  await page.getByTestId('disposition-reached').click();
  await expect(page.getByTestId('survey-skip-panel')).toBeVisible();
  await page.getByTestId('notes').fill('客户临时有事，问卷只做了一半');
  await page.getByTestId('save-outcome').click();
  // Refused until a reason is given; nothing is recorded.
  await expect(page.getByTestId('workspace-error')).toBeVisible();
  await expect(page.getByTestId('survey-skip-reason')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('workspace-work')).toBeVisible();
  expect(responsesOf(host, id)).toEqual([expect.objectContaining({ status: 'in_progress' })]);
  await shot(page, 'questionnaire-05-skip-reason-asked');

  await page.getByTestId('survey-skip-reason').fill('客户临时有事，改日再做');
  await agent.save();
  const [r] = responsesOf(host, id);
  expect(r).toMatchObject({ status: 'partial' });
  expect(savedAnswers(host, r!.id)).toEqual({ [a1.key]: a1.choice });
  const attempt = sql(host)
    .prepare(`SELECT disposition, survey_skip_reason AS reason FROM call_attempts WHERE callback_id = ? ORDER BY started_at DESC LIMIT 1`)
    .get(id) as { disposition: string; reason: string | null };
  expect(attempt).toEqual({ disposition: 'reached', reason: '客户临时有事，改日再做' });
});
