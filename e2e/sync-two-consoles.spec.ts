import { expect, test, type BrowserContext, type TestInfo } from '@playwright/test';
import { callableRows, TeamConsole, TeamServer, WebHost } from './two-consoles';

/*
 * Two consoles and one central server, all real processes (issue 10, Tests, second bullet): the server
 * (`server/cli.ts --demo`, PGlite in a temp folder), two web hosts (`electron/web-host-cli.ts`, each with
 * its own data folder and the real clock) and two browser contexts. Each console joins the team through
 * the first-run "加入团队服务器" form: 王芳 on console A, 李娜 on console B.
 *
 *  1. A records an outcome; B's queue shows that callback closed within 2 s of A pressing Save.
 *  2. The server is SIGKILLed; both consoles keep working (top bar: offline + pending); it is restarted on
 *     the same data folder and port; both converge (nothing pending, each sees the other's offline work).
 *  3. Offline, both take the SAME callback and A records an outcome; once the server is back, the lease the
 *     server refused is in one console's "Needs attention", with its reason.
 *
 * The scenarios share one server and two consoles (started once in beforeAll) and run in order; they do
 * not depend on each other's results, so they are not `serial`: a failure in one still lets the next run
 * (Playwright then starts a fresh worker, hence a fresh server and consoles, for it).
 */

test.describe.configure({ timeout: 240_000 });

/** "Within 2 s" of the issue: from A's save (A's back end answered recordOutcome) to B's queue row closed, every round. */
const PROPAGATION_BUDGET_MS = 2_000;
/** Scenario 1 is run this many times, for a few measurements of the propagation. */
const ROUNDS = 5;
/** After a restart the consoles come back on their own (backoff with jitter, 1 s doubling to 60 s). */
const CONVERGE_MS = 120_000;

let server: TeamServer;
let hostA: WebHost;
let hostB: WebHost;
let contextA: BrowserContext | undefined;
let contextB: BrowserContext | undefined;
let A: TeamConsole;
let B: TeamConsole;
/** Callbacks and customers a scenario used: later scenarios pick others. */
const used = new Set<string>();
const report: string[] = [];

function note(testInfo: TestInfo, type: string, description: string): void {
  testInfo.annotations.push({ type, description });
  report.push(`${type}: ${description}`);
  console.log(`[sync-two-consoles] ${type}: ${description}`);
}

/** A customer's name as the queue lists it (the workspace adds 先生/女士). */
const plainName = (name: string) => name.replace(/\s*(先生|女士)$/, '');

test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(300_000);
  server = new TeamServer();
  hostA = new WebHost('A');
  hostB = new WebHost('B');
  const [serverMs] = await Promise.all([server.start(), hostA.start(), hostB.start()]);
  note(testInfo, 'server start (demo seed)', `${serverMs} ms at ${server.url}`);

  // The project's `use` options do not reach contexts made by hand: the same locale, zone and viewport here.
  const options = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } };
  contextA = await browser.newContext(options);
  contextB = await browser.newContext(options);
  A = new TeamConsole(await contextA.newPage(), 'A');
  B = new TeamConsole(await contextB.newPage(), 'B');
  await Promise.all([A.open(hostA.url), B.open(hostB.url)]);
  const joinStarted = Date.now();
  await Promise.all([A.join(server.url, '王芳'), B.join(server.url, '李娜')]);
  note(testInfo, 'join (first download, both consoles at once)', `${Date.now() - joinStarted} ms`);
  await Promise.all([A.converged(30_000), B.converged(30_000)]);
  await A.shot('00-joined');
  await B.shot('00-joined');
});

test.afterEach(async () => {
  const testInfo = test.info();
  if (testInfo.status === testInfo.expectedStatus) return;
  // What the processes said, for the failure report; and where each console stood.
  await testInfo.attach('server.log', { body: server.logs.map((l, i) => `--- run ${i + 1}\n${l.join('')}`).join('\n') });
  await testInfo.attach('web-host-A.log', { body: hostA.log });
  await testInfo.attach('web-host-B.log', { body: hostB.log });
  await A?.shot(`failed-${testInfo.title.slice(0, 20)}`).catch(() => undefined);
  await B?.shot(`failed-${testInfo.title.slice(0, 20)}`).catch(() => undefined);
});

test.afterAll(async () => {
  await contextA?.close().catch(() => undefined);
  await contextB?.close().catch(() => undefined);
  await Promise.allSettled([hostA?.dispose(), hostB?.dispose(), server?.dispose()]);
  if (report.length > 0) console.log(`[sync-two-consoles] summary\n  ${report.join('\n  ')}`);
});

test('agent A records an outcome and agent B sees the callback closed within 2 s', async () => {
  const testInfo = test.info();
  const fromSaved: number[] = [];
  const fromClick: number[] = [];
  const landedFromSave: (number | null)[] = [];
  const localSave: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const name = plainName(await A.next());
    const id = await A.workspaceCallbackId();
    used.add(id).add(name);

    // B watches that customer's callbacks (the "all" filter keeps closed ones in the list), and sees A on it.
    await B.searchCustomer(name, 'all');
    await expect(B.row(id)).toContainText('他人处理中');
    await expect(B.closedRow(id)).toHaveCount(0);

    await A.startCall();
    await A.dispose('refused', `第${round}次：客户表示不需要回访`);
    // Only to split the time in two: when the rows landed in B's database (B's UI learns it from its poll).
    const landed = B.landedAt(10_000);
    // "A's save" is the moment A's back end answered callbacks.recordOutcome (the outcome is committed on
    // console A); the click and A's workspace closing are measured too. B is waited for longer than the
    // budget so that a slow round is measured, not just cut off.
    const answered = A.page.waitForResponse((r) => r.url().endsWith('/api/callbacks.recordOutcome')).then(() => Date.now());
    const clicked = Date.now();
    await A.page.getByTestId('save-outcome').click();
    const [savedAt, closedAt, seenAt] = await Promise.all([
      answered,
      A.page
        .getByTestId('workspace-work')
        .waitFor({ state: 'hidden' })
        .then(() => Date.now()),
      B.closedRow(id)
        .waitFor({ state: 'visible', timeout: 15_000 })
        .then(() => Date.now()),
    ]);
    const at = await landed;
    fromSaved.push(seenAt - savedAt);
    fromClick.push(seenAt - clicked);
    landedFromSave.push(at === null ? null : at - savedAt);
    localSave.push(`${savedAt - clicked}/${closedAt - clicked}`);
    expect
      .soft(seenAt - savedAt, `round ${round}: B saw the callback closed ${seenAt - savedAt} ms after A's save (${seenAt - clicked} ms after the click)`)
      .toBeLessThanOrEqual(PROPAGATION_BUDGET_MS);
    await expect(B.closedRow(id)).toContainText('已结案');
    if (round === 1) {
      await A.shot('01-after-save');
      await B.shot('01-sees-closed');
    }
  }
  note(testInfo, "A→B, A's save (recordOutcome answered) → B's queue row shows 已结案", `${fromSaved.join(', ')} ms`);
  note(testInfo, "A→B, A's save → pulled rows landed in B's database", `${landedFromSave.join(', ')} ms`);
  note(testInfo, "A→B, A's Save click → B's queue row shows 已结案", `${fromClick.join(', ')} ms`);
  note(testInfo, "A's own save, click → recordOutcome answered / → A's workspace closed", `${localSave.join(', ')} ms`);
  await Promise.all([A.converged(10_000), B.converged(10_000)]);
});

test('the server goes down, both keep working, it comes back, both converge', async () => {
  const testInfo = test.info();
  const [forA, forB] = await callableRows(A, 2, used);
  for (const r of [forA!, forB!]) used.add(r.id).add(r.name);

  await server.crash();
  await expect(A.chip()).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  await expect(B.chip()).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });

  // Both agents keep working: each takes a different callback and records an outcome.
  await A.take(forA!.id, forA!.name);
  await A.recordRefused('服务器断开时记录：客户拒绝');
  await B.take(forB!.id, forB!.name);
  await B.recordRefused('服务器断开时记录：客户不需要');

  for (const c of [A, B]) {
    await expect(c.chip()).toHaveAttribute('data-state', 'offline');
    await expect(c.pending()).toBeVisible();
    expect(await c.pendingCount()).toBeGreaterThanOrEqual(1);
  }
  note(testInfo, 'pending while offline', `A ${await A.pendingCount()}, B ${await B.pendingCount()}`);
  // Each console has only its own work: B still sees A's callback open.
  await B.searchCustomer(forA!.name, 'all');
  await expect(B.row(forA!.id)).toBeVisible();
  await expect(B.closedRow(forA!.id)).toHaveCount(0);
  await A.searchCustomer(forB!.name, 'all');
  await expect(A.row(forB!.id)).toBeVisible();
  await expect(A.closedRow(forB!.id)).toHaveCount(0);
  await A.shot('02-offline-pending');
  await B.shot('02-offline-pending');

  const restartMs = await server.start();
  const up = Date.now();
  await Promise.all([A.converged(CONVERGE_MS), B.converged(CONVERGE_MS)]);
  note(testInfo, 'server restart after SIGKILL', `${restartMs} ms to "listening on"`);
  note(testInfo, 'converged after the restart (both online, 0 pending)', `${Date.now() - up} ms`);

  // Each now sees the other's offline work closed.
  await expect(B.closedRow(forA!.id)).toBeVisible({ timeout: 5_000 });
  await expect(A.closedRow(forB!.id)).toBeVisible({ timeout: 5_000 });
  await expect(A.attentionBadge()).toBeHidden();
  await expect(B.attentionBadge()).toBeHidden();
  await A.shot('03-converged');
  await B.shot('03-converged');
});

test('a conflicting lease taken offline shows in "Needs attention" with its reason', async () => {
  const testInfo = test.info();
  const [same] = await callableRows(A, 1, used);
  used.add(same!.id).add(same!.name);

  await server.crash();
  await expect(A.chip()).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  await expect(B.chip()).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });

  // Neither can know of the other: both take the same callback, and A records an outcome on it.
  await A.take(same!.id, same!.name);
  await B.take(same!.id, same!.name);
  await A.shot('04-both-hold-same');
  await B.shot('04-both-hold-same');
  await A.recordRefused('离线时记录：同一条回访');

  await server.start();
  const up = Date.now();
  await Promise.all([A.converged(CONVERGE_MS), B.converged(CONVERGE_MS)]);
  note(testInfo, 'converged after the second restart', `${Date.now() - up} ms`);

  // One console's change was refused by the server: its "Needs attention" count shows in the top bar.
  const refused = async () => {
    const count = async (c: TeamConsole) => ((await c.attentionBadge().isVisible()) ? Number(await c.attentionBadge().getAttribute('data-count')) : 0);
    return { A: await count(A), B: await count(B) };
  };
  await expect
    .poll(
      async () => {
        const r = await refused();
        return r.A + r.B;
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
  const counts = await refused();
  note(testInfo, 'refused changes after sync', `A (王芳) ${counts.A}, B (李娜) ${counts.B}`);
  await A.shot('05-after-sync');
  await B.shot('05-after-sync');
  // Exactly one of the two holds the refusal: the other's lease was the one the server kept.
  expect(counts.A === 0 || counts.B === 0).toBe(true);
  const [loser, name] = counts.A > 0 ? [A, '王芳'] : [B, '李娜'];

  await loser.attentionBadge().click();
  await expect(loser.page.getByTestId('attention-page')).toBeVisible();
  // Each refused lease of that callback is listed (opening it leases, starting the call leases again).
  const leases = loser.page.locator('[data-testid="attention-item"][data-mutation="callbacks.lease"]');
  await expect(leases.first()).toBeVisible();
  const n = await leases.count();
  for (let i = 0; i < n; i++) {
    const lease = leases.nth(i);
    await expect(lease.getByTestId('attention-action')).toHaveText('领取回访');
    await expect(lease.getByTestId('attention-meta')).toContainText(name);
    await expect(lease.getByTestId('attention-reason')).toBeVisible();
    // The reason in words (not only the label "原因："), e.g. another agent holds it, or it is closed.
    await expect(lease.getByTestId('attention-reason')).toContainText(/原因[:：]\s*\S+/);
    expect(JSON.parse((await lease.getByTestId('attention-args').textContent()) ?? '{}')).toMatchObject({ callbackId: same!.id });
  }
  const all = await loser.page
    .getByTestId('attention-item')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-mutation')}: ${e.querySelector('[data-testid="attention-reason"]')?.textContent?.trim()}`));
  note(testInfo, `"Needs attention" on console ${loser.label}`, all.join(' | '));
  await loser.shot('06-needs-attention');

  // Both consoles hold the same facts about the contested callback: state, attempts, one lease holder.
  type Detail = { callback: { state: string; outcome: string | null; attempts: number; failedAttempts: number; leasedByMe: boolean; leaseExpiresAt: number | null; closedAt: number | null } };
  const facts = async (c: TeamConsole) => {
    const { callback: x } = await c.api<Detail>('callbacks.get', { id: same!.id });
    return { state: x.state, outcome: x.outcome, attempts: x.attempts, failedAttempts: x.failedAttempts, leaseExpiresAt: x.leaseExpiresAt, closedAt: x.closedAt, mine: x.leasedByMe };
  };
  const [a, b] = [await facts(A), await facts(B)];
  note(testInfo, 'the contested callback after sync', `A: ${JSON.stringify(a)}; B: ${JSON.stringify(b)}`);
  expect({ ...a, mine: undefined }).toEqual({ ...b, mine: undefined });
  // Never held by two agents.
  expect(Number(a.mine) + Number(b.mine)).toBeLessThanOrEqual(1);
  await A.shot('07-final');
  await B.shot('07-final');
});
