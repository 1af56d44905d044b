import { ConsolePage } from './console-page';
import { expect, shot, test } from './fixtures';

const CSV = [
  '手机号,姓名,回访原因,预约时间,优先级,时区,备注',
  '+86 138 1234 5678,张伟,投诉回访,2026-11-23 09:30,1,,转账延迟已退款',
  '139-8765-4321,李娜,satisfaction,,3,Asia/Shanghai,',
  '13700001111,王强,流失挽回,2026-11-24T15:00:00+08:00,4,,',
  '',
  '12345,赵敏,关怀,,5,,号码太短',
  '13600002222,,onboarding,,2,,缺姓名',
  '13500003333,孙丽,lottery,,2,,未知原因',
  '13400004444,周杰,care,2026-13-01 10:00,2,,日期错误',
  '13300005555,吴芳,care,,9,,优先级错误',
  '+1 415 555 2671,Chen Wei,winback,2026-11-23 10:00,3,America/Los_Angeles,海外用户',
  '138-1234-5678,张伟,complaint_followup,2026-11-23 09:30,1,,重复行',
].join('\r\n');

test('a supervisor imports a CSV with good and bad rows', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('empty', '周敏');
  expect(await agent.queueTotal()).toBe(0);

  await agent.nav('import');
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  await page.getByTestId('import-file').setInputFiles({
    name: '本周回访名单.csv',
    mimeType: 'text/csv',
    buffer: Buffer.concat([bom, Buffer.from(CSV, 'utf8')]),
  });
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('import-stat-valid')).toContainText('4');
  await expect(page.getByTestId('import-stat-invalid')).toContainText('5');
  await expect(page.getByTestId('import-stat-duplicates')).toContainText('1');
  const errors = page.getByTestId('import-error-row');
  await expect(errors.first()).toBeVisible();
  const errorText = (await page.getByTestId('import-errors').innerText()).replace(/\s+/g, ' ');
  for (const line of ['6', '7', '8', '9', '10']) expect(errorText).toContain(line);
  await shot(page, '06-import-report');

  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toContainText('4');
  await shot(page, '07-import-done');

  await agent.nav('queue');
  await expect(agent.rows()).toHaveCount(4);
  expect(await agent.queueTotal()).toBe(4);
  const count = host.backend.context!.db.$client.prepare(`SELECT count(*) AS n FROM callbacks WHERE source = 'import'`).get() as { n: number };
  expect(count.n).toBe(4);
});

test('the CLI import prints the counts', async ({ host }) => {
  const { execFileSync } = await import('node:child_process');
  const { writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  // The CLI signs in (--user, CONSOLE_PASSWORD): set the console up through the contract first.
  const setUp = await host.backend.invoke('session.setUp', { mode: 'empty', name: '周敏', password: 'test-password-1', locale: 'zh-CN' });
  expect(setUp.ok).toBe(true);
  host.backend.close();
  const file = join(host.dataDir, 'list.csv');
  writeFileSync(file, CSV);
  const output = execFileSync('npx', ['tsx', 'electron/cli.ts', 'import', file, '--data-dir', host.dataDir, '--user', '周敏'], {
    encoding: 'utf8',
    env: { ...process.env, CONSOLE_PASSWORD: 'test-password-1' },
  });
  expect(output).toMatch(/imported:\s+4/);
  expect(output).toMatch(/invalid:\s+5/);
  expect(output).toMatch(/duplicates:\s+1/);
  expect(output).toMatch(/line 6:/);
  await host.restart();
});
