import { ConsolePage } from './console-page';
import { expect, shot, test } from './fixtures';

/*
 * Rows that import but need a look: a due date long past, and callbacks the compliance guard will not
 * let anyone call (here: care and win-back rows for new customers, who have no marketing consent).
 */

test.use({ viewport: { width: 1280, height: 800 } });

const CSV = [
  '手机号,姓名,回访原因,预约时间,优先级,时区,备注',
  '13800001111,张伟,投诉回访,2020-01-01 10:00,1,,日期写错',
  '13900002222,李娜,关怀,,4,,生日关怀',
  '13700003333,王强,流失挽回,,3,,',
  '13600004444,赵敏,满意度回访,,3,,',
].join('\r\n');

test('the import preview and summary list rows due long ago and rows that cannot be called, with why', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('empty', '周敏');
  await agent.nav('import');
  await page.getByTestId('import-file').setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
  await expect(page.getByTestId('import-report')).toBeVisible();
  await expect(page.getByTestId('import-stat-valid')).toContainText('4');
  await expect(page.getByTestId('import-stat-stale')).toContainText('1');
  await expect(page.getByTestId('import-stat-not-callable')).toContainText('2');
  const warnings = page.getByTestId('import-warnings');
  await expect(warnings.getByTestId('import-warning-row')).toHaveCount(3);
  await expect(warnings.locator('[data-testid="import-warning-row"][data-line="2"]')).toContainText('预约时间已过去');
  await expect(warnings.locator('[data-testid="import-warning-row"][data-line="3"]')).toContainText('关怀：导入后无法拨打 — 客户未同意此类回访');
  await expect(warnings.locator('[data-testid="import-warning-row"][data-line="4"]')).toContainText('流失挽回');
  await expect(warnings.getByTestId('import-summary-not-callable')).toContainText('2 条回访按合规规则无法拨打：客户未同意此类回访（营销类需明确同意） 2 行');
  await shot(page, 'import-warnings-01-preview');

  await page.getByTestId('import-commit').click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('已导入 4 条回访');
  await expect(result.getByTestId('import-summary-stale')).toContainText('1 行的预约时间早于 30 天前');
  await expect(result.getByTestId('import-summary-not-callable')).toContainText('2 条回访按合规规则无法拨打');
  await shot(page, 'import-warnings-02-done');
  await agent.toggleLanguage();
  await expect(result.getByTestId('import-summary-not-callable')).toContainText('2 callbacks cannot be called under the compliance rules');
  await shot(page, 'import-warnings-03-done-en');
});

test('the CLI import prints the warnings by line and their counts', async ({ host }) => {
  const { execFileSync } = await import('node:child_process');
  const { writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const setUp = await host.backend.invoke('session.setUp', { mode: 'empty', name: '周敏', password: 'test-password-1', locale: 'zh-CN' });
  expect(setUp.ok).toBe(true);
  host.backend.close();
  const file = join(host.dataDir, 'list.csv');
  writeFileSync(file, CSV);
  const output = execFileSync('npx', ['tsx', 'electron/cli.ts', 'import', file, '--dry-run', '--data-dir', host.dataDir, '--user', '周敏'], {
    encoding: 'utf8',
    env: { ...process.env, CONSOLE_CLOCK_START: '2026-11-23T10:00:00+08:00', CONSOLE_PASSWORD: 'test-password-1' },
  });
  expect(output).toMatch(/line 2: due_at — \d+ days in the past/);
  expect(output).toContain('line 3: cannot be called (care) — no consent for this purpose');
  expect(output).toContain('line 4: cannot be called (winback)');
  expect(output).toMatch(/due long ago: 1/);
  expect(output).toMatch(/not callable: 2 \(no_consent 2\)/);
  await host.restart();
});
