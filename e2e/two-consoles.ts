import { expect, type Locator, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsolePage } from './console-page';
import { CLOCK_START } from './fixtures';

/*
 * Real processes for the two-console sync spec: the central server (`server/cli.ts --demo`, PGlite in a
 * temp folder) and two web hosts (`electron/web-host-cli.ts`, each with its own data folder), each in its
 * own process group so that a SIGKILL takes the whole process (and tsx's esbuild helper) down at once.
 * Readiness is the line each CLI prints when it listens; nothing sleeps.
 */

export const SCREENS = join('e2e', '.screens');

/**
 * The server and both consoles run on one shifted timeline starting Monday 2026-11-23 10:00 Beijing
 * (inside the calling window whatever the hour this runs at), at real speed, the same in every process.
 */
const CLOCK_OFFSET_MS = String(CLOCK_START - Date.now());

/** Demo accounts of `npm run server -- --demo` (server/demo.ts). */
export const TEAM_PASSWORDS: Record<string, string> = {
  王芳: 'wangfang-demo',
  李娜: 'lina-demo',
};

export interface Proc {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the process printed (stdout and stderr), for failure reports. */
  readonly log: string[];
  readonly exited: Promise<void>;
}

const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

// A safety net: whatever happens to the test (a crash, a timeout the hooks do not survive), the worker
// does not leave a server or a web host behind.
process.on('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

/** Starts `node --import tsx <script> …args` and resolves once a line matches `ready` (its group 1 is the URL). */
function startProcess(name: string, script: string, args: string[], ready: RegExp, timeoutMs: number): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, LOG_LEVEL: 'warn', FORCE_COLOR: '0', CLOCK_OFFSET_MS },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  const log: string[] = [];
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      live.delete(child);
      resolve();
    });
  });
  return new Promise<Proc>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => fail(new Error(`${name} did not get ready within ${timeoutMs} ms:\n${log.join('')}`)), timeoutMs);
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      killGroup(child, 'SIGKILL');
      reject(error);
    };
    let buffered = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log.push(text);
      if (settled) return;
      buffered += text;
      const match = ready.exec(buffered);
      if (match) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, url: match[1]!, log, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (error) => fail(error));
    void exited.then(() => fail(new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${log.join('')}`)));
  });
}

export class TeamServer {
  private proc: Proc | null = null;
  private port = 0;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'cc-sync-server-'));
  /** Lines of every run, kept across restarts. */
  readonly logs: string[][] = [];

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.proc !== null;
  }

  /** Starts the server (the first time on a free port, then on the same one) and waits for "listening on". */
  async start(): Promise<number> {
    const started = Date.now();
    this.proc = await startProcess(
      'the central server',
      'server/cli.ts',
      ['--demo', '--port', String(this.port), '--data-dir', this.dataDir],
      /listening on (http:\/\/[\d.]+:\d+)/,
      180_000,
    );
    this.logs.push(this.proc.log);
    this.port = Number(new URL(this.proc.url).port);
    return Date.now() - started;
  }

  /** Kills the server with SIGKILL (no shutdown at all) and waits until the process is gone. */
  async crash(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    this.proc = null;
    killGroup(proc.child, 'SIGKILL');
    await proc.exited;
  }

  async dispose(): Promise<void> {
    await this.crash();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export class WebHost {
  private proc: Proc | null = null;
  readonly dataDir: string;

  constructor(readonly label: string) {
    this.dataDir = mkdtempSync(join(tmpdir(), `cc-sync-console-${label}-`));
  }

  get url(): string {
    if (!this.proc) throw new Error(`web host ${this.label} is not running`);
    return this.proc.url;
  }

  get log(): string {
    return this.proc?.log.join('') ?? '';
  }

  /** The console's real clock: the server checks lease and call times against its own. */
  async start(): Promise<void> {
    this.proc = await startProcess(
      `web host ${this.label}`,
      'electron/web-host-cli.ts',
      ['--port', '0', '--data-dir', this.dataDir],
      /Callback Console ready at (http:\/\/\S+)/,
      60_000,
    );
  }

  async dispose(): Promise<void> {
    const proc = this.proc;
    this.proc = null;
    if (proc) {
      killGroup(proc.child, 'SIGTERM');
      const gone = await Promise.race([proc.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000))]);
      if (!gone) {
        killGroup(proc.child, 'SIGKILL');
        await proc.exited;
      }
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** A console joined to the team server, seen as what its agent does. */
export class TeamConsole extends ConsolePage {
  constructor(
    page: Page,
    readonly label: string,
  ) {
    super(page);
  }

  /** The first-run screen's "Join a team server", signed in as `name` with the demo password. */
  async join(serverUrl: string, name: string): Promise<void> {
    await expect(this.page.getByTestId('first-run')).toBeVisible();
    await this.page.getByTestId('first-run-join-link').click();
    const form = this.page.getByTestId('first-run-join');
    await expect(form).toBeVisible();
    await form.getByTestId('join-server-url').fill(serverUrl);
    await form.getByTestId('join-login').fill(name);
    await form.getByTestId('join-password').fill(TEAM_PASSWORDS[name]!);
    await form.getByTestId('join-confirm-replace').check();
    await form.getByTestId('join-submit').click();
    // The first download (the demo team: ~5,000 customers, ~6,600 callbacks) happens inside the join.
    await expect(this.page.getByTestId('queue-table')).toBeVisible({ timeout: 120_000 });
    await expect(this.page.getByTestId('current-user')).toHaveText(name);
  }

  chip(): Locator {
    return this.page.getByTestId('sync-indicator');
  }

  pending(): Locator {
    return this.page.getByTestId('sync-pending');
  }

  attentionBadge(): Locator {
    return this.page.getByTestId('sync-attention-badge');
  }

  /** Waits until the top bar says online with nothing left to send. */
  async converged(timeout: number): Promise<void> {
    await expect(this.chip()).toHaveAttribute('data-state', 'online', { timeout });
    await expect(this.pending()).toBeHidden({ timeout });
  }

  /** The pending count the top bar shows (0 when the chip shows none). */
  async pendingCount(): Promise<number> {
    if (!(await this.pending().isVisible())) return 0;
    return Number((await this.pending().innerText()).replace(/\D/g, ''));
  }

  async searchCustomer(name: string, status: 'open' | 'all' = 'open'): Promise<void> {
    await this.filterStatus(status);
    await this.page.getByTestId('filter-search').fill(name);
  }

  row(callbackId: string): Locator {
    return this.page.locator(`[data-testid="queue-row"][data-id="${callbackId}"]`);
  }

  /** The row of that callback in its closed look (the "all" filter keeps closed callbacks in the list). */
  closedRow(callbackId: string): Locator {
    return this.page.locator(`[data-testid="queue-row"][data-id="${callbackId}"].closed`);
  }

  /** Takes one callback by finding its customer in the queue and opening its row (a lease, online or not). */
  async take(callbackId: string, customerName: string): Promise<void> {
    await this.searchCustomer(customerName);
    await expect(this.row(callbackId)).toBeVisible();
    await this.openRow(callbackId);
  }

  /** Records "refused" (客户拒绝: closes the callback, no questionnaire) on the open callback; resolves when saved. */
  async recordRefused(notes: string): Promise<void> {
    await this.startCall();
    await this.dispose('refused', notes);
    await this.save();
  }

  /**
   * Calls the console's contract as this tab's signed-in agent (the session the UI holds): for reading a
   * fact the screen also shows, to compare two consoles exactly.
   */
  async api<T>(method: string, input: unknown): Promise<T> {
    const r = await this.page.evaluate(
      async ([m, i]) => {
        const token = sessionStorage.getItem('callback-console.session') ?? '';
        const response = await fetch(`/api/${m}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(i),
        });
        return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
      },
      [method, input] as const,
    );
    if (!r.ok) throw new Error(`${method} failed on console ${this.label}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  }

  /**
   * Starts watching this console's back end (sync.status every 100 ms) and resolves with the moment
   * (Date.now()) its dataVersion grows, i.e. pulled rows landed in its database; null after `timeoutMs`.
   */
  landedAt(timeoutMs: number): Promise<number | null> {
    return this.page.evaluate(async (limit) => {
      const token = sessionStorage.getItem('callback-console.session') ?? '';
      const read = async () => {
        const response = await fetch('/api/sync.status', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: '{}',
        });
        return ((await response.json()) as { value: { dataVersion: number } }).value.dataVersion;
      };
      const start = await read();
      const until = Date.now() + limit;
      while (Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        if ((await read()) > start) return Date.now();
      }
      return null;
    }, timeoutMs);
  }

  async shot(name: string): Promise<void> {
    mkdirSync(SCREENS, { recursive: true });
    await this.page.screenshot({ path: join(SCREENS, `sync-${name}-${this.label}.png`) });
  }
}

/** Callable callbacks on screen in this console's queue, one per customer, none of `except` (ids or names). */
export async function callableRows(console_: TeamConsole, count: number, except: Set<string>): Promise<{ id: string; name: string }[]> {
  await console_.searchCustomer('');
  // The list of the previous search (a row or two) stays until the whole queue is back: wait for it.
  await expect(console_.rows().nth(9)).toBeVisible();
  await expect(console_.page.locator('[data-testid="queue-row"][data-callable="true"]').first()).toBeVisible();
  const rows = await console_.page.locator('[data-testid="queue-row"][data-callable="true"]').evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute('data-id') ?? '', name: (el.querySelector('.cust-name')?.textContent ?? '').trim() })),
  );
  const seen = new Set<string>();
  const picked: { id: string; name: string }[] = [];
  for (const r of rows) {
    if (!r.id || !r.name || except.has(r.id) || except.has(r.name) || seen.has(r.name)) continue;
    seen.add(r.name);
    picked.push(r);
    if (picked.length === count) break;
  }
  expect(picked.length).toBe(count);
  return picked;
}
