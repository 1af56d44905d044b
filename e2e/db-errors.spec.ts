import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openConsole, shot, test } from './fixtures';

test('a corrupt database file gives a clear message, not a white screen', async ({ page, host }) => {
  await host.restart(() => {
    for (const suffix of ['-wal', '-shm']) rmSync(join(host.dataDir, `callback-console.sqlite${suffix}`), { force: true });
    writeFileSync(join(host.dataDir, 'callback-console.sqlite'), Buffer.from('this is not a database, it is a shopping list\n'.repeat(200)));
  });
  await openConsole(page, host.url);
  const screen = page.getByTestId('db-error');
  await expect(screen).toBeVisible();
  await expect(screen).toContainText('callback-console.sqlite');
  await shot(page, '08-db-corrupt');
});
