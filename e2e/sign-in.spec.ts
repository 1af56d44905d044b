import { ConsolePage, FIRST_SUPERVISOR, passwordOf } from './console-page';
import { expect, shot, test } from './fixtures';

/*
 * Identity in the console: the first run makes a supervisor with a password; every window or tab signs in
 * on its own (the token is in the tab's sessionStorage), so two tabs can be two people; wrong passwords are
 * refused and audited; "switch user" signs out.
 */

test('first run with a password, sign out, a wrong password, then sign in again', async ({ page, host }) => {
  const console_ = new ConsolePage(page);
  await console_.open(host.url);
  await expect(page.getByTestId('first-run')).toBeVisible();
  await page.getByTestId('first-run-empty').click();
  await page.getByTestId('first-run-name').fill(FIRST_SUPERVISOR);
  await page.getByTestId('first-run-password').fill('short');
  await expect(page.getByTestId('first-run-password-hint')).toContainText('8');
  await expect(page.getByTestId('first-run-start')).toBeDisabled();
  await page.getByTestId('first-run-password').fill(passwordOf(FIRST_SUPERVISOR));
  await page.getByTestId('first-run-password-confirm').fill('something-else');
  await expect(page.getByTestId('first-run-start')).toBeDisabled();
  await page.getByTestId('first-run-password-confirm').fill(passwordOf(FIRST_SUPERVISOR));
  await shot(page, 'identity-01-setup');
  await page.getByTestId('first-run-start').click();
  await expect(page.getByTestId('current-user')).toHaveText(FIRST_SUPERVISOR);

  await page.getByTestId('user-switcher').click();
  await expect(page.getByTestId('user-sign-out')).toBeVisible();
  await shot(page, 'identity-02-user-menu');
  await page.getByTestId('user-sign-out').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
  // Reloading a signed-out tab stays signed out.
  await page.reload();
  await expect(page.getByTestId('sign-in')).toBeVisible();

  await page.getByTestId('sign-in-login').fill(FIRST_SUPERVISOR);
  await page.getByTestId('sign-in-password').fill('not-my-password');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toBeVisible();
  await shot(page, 'identity-03-sign-in-wrong');
  await console_.signInAs(FIRST_SUPERVISOR);
  // Reloading a signed-in tab keeps its session.
  await page.reload();
  await expect(page.getByTestId('current-user')).toHaveText(FIRST_SUPERVISOR);

  const audit = host.backend.context!.db.$client
    .prepare(`SELECT action, json_extract(details, '$.reason') AS reason FROM audit_log WHERE action LIKE 'auth.%' ORDER BY at, id`)
    .all();
  expect(audit).toEqual([
    { action: 'auth.sign_in', reason: null },
    { action: 'auth.sign_out', reason: null },
    { action: 'auth.sign_in_failed', reason: 'wrong_password' },
    { action: 'auth.sign_in', reason: null },
  ]);
});

test('the demo setup shows the colleagues’ passwords once; two tabs signed in as two people act as two people', async ({ browser, host }) => {
  const supervisorTab = await browser.newContext({ locale: 'zh-CN' });
  const agentTab = await browser.newContext({ locale: 'zh-CN' });
  const sup = new ConsolePage(await supervisorTab.newPage());
  const agent = new ConsolePage(await agentTab.newPage());

  await sup.open(host.url);
  await sup.page.getByTestId('first-run-demo').click();
  await sup.page.getByTestId('first-run-name').fill(FIRST_SUPERVISOR);
  await sup.page.getByTestId('first-run-password').fill(passwordOf(FIRST_SUPERVISOR));
  await sup.page.getByTestId('first-run-password-confirm').fill(passwordOf(FIRST_SUPERVISOR));
  await sup.page.getByTestId('first-run-start').click();
  await expect(sup.page.getByTestId('first-run-accounts')).toBeVisible({ timeout: 60_000 });
  await expect(sup.page.getByTestId('first-run-account')).toHaveCount(3);
  await expect(sup.page.getByTestId('first-run-accounts')).toContainText(passwordOf('王芳'));
  await shot(sup.page, 'identity-04-demo-passwords');
  await sup.page.getByTestId('first-run-continue').click();
  await expect(sup.page.getByTestId('current-user')).toHaveText(FIRST_SUPERVISOR);

  // The second tab (another browser context: its own sessionStorage) starts signed out.
  await agent.open(host.url);
  await expect(agent.page.getByTestId('sign-in')).toBeVisible();
  await shot(agent.page, 'identity-05-sign-in');
  await agent.signInAs('王芳');

  // Each tab is its own person, also after a reload.
  await sup.page.reload();
  await agent.page.reload();
  await expect(sup.page.getByTestId('current-user')).toHaveText(FIRST_SUPERVISOR);
  await expect(agent.page.getByTestId('current-user')).toHaveText('王芳');
  // The supervisor's pages are the supervisor's: the agent's tab has no SLA board, the supervisor's has.
  await expect(sup.page.getByTestId('nav-board')).toBeVisible();
  await expect(agent.page.getByTestId('nav-board')).toHaveCount(0);
  // Work done in the agent's tab is the agent's: the callback it takes is leased to 王芳, not to 周敏.
  await agent.next();
  const leasedTo = host.backend.context!.db.$client
    .prepare(`SELECT u.name FROM callbacks c JOIN users u ON u.id = c.lease_agent_id WHERE c.lease_agent_id IS NOT NULL`)
    .all() as { name: string }[];
  expect(leasedTo.map((r) => r.name)).toEqual(['王芳']);
  await shot(agent.page, 'identity-06-two-tabs-agent');
  await shot(sup.page, 'identity-07-two-tabs-supervisor');

  // Signing the agent's tab out leaves the supervisor's tab signed in.
  await agent.page.getByTestId('user-switcher').click();
  await agent.page.getByTestId('user-sign-out').click();
  await expect(agent.page.getByTestId('sign-in')).toBeVisible();
  await sup.page.reload();
  await expect(sup.page.getByTestId('current-user')).toHaveText(FIRST_SUPERVISOR);
  await supervisorTab.close();
  await agentTab.close();
});
