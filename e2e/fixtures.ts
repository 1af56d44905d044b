import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import type { Result } from '../core/contract/result';
import { createBackend, type Backend } from '../electron/backend';
import { startWebHost } from '../electron/web-host';

/** A Monday morning in Shanghai: calling windows are open for customers in China. */
export const CLOCK_START = Date.parse('2026-11-23T10:00:00+08:00');

export interface ConsoleHost {
  url: string;
  dataDir: string;
  backend: Backend;
  /** Moves the console's clock forward (the browser's clock is not involved). */
  advance(ms: number): void;
  /** Stops the host and starts a new one on the same data dir (an app restart); `whileStopped` runs in between. */
  restart(whileStopped?: () => void): Promise<void>;
  /**
   * Calls the contract directly (arranging data) as the person who signed in last through the UI — what the
   * page shows as its user — on a session of the test's own, as another tab of that person would.
   */
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
}

/** The user of the latest sign-in (the UI's setup and sign-ins are audited as `auth.sign_in`). */
function lastSignedIn(backend: Backend): string | null {
  const row = backend.context?.db.$client
    .prepare(`SELECT actor_id AS id FROM audit_log WHERE action = 'auth.sign_in' ORDER BY at DESC, id DESC LIMIT 1`)
    .get() as { id: string } | undefined;
  return row?.id ?? null;
}

async function startHost(dataDir: string, offset: { ms: number }) {
  const bootedAt = Date.now();
  const backend = createBackend({ dataDir, clock: () => CLOCK_START + offset.ms + (Date.now() - bootedAt) });
  // E2E_RENDERER_DIR lets parallel work build and test its own renderer copy.
  const { server, url } = await startWebHost({ backend, rendererDir: resolve(process.env.E2E_RENDERER_DIR ?? 'dist/renderer'), port: 0 });
  return { backend, server, url };
}

/** Closes the host now: idle keep-alive connections from the browser would otherwise hold it open. */
function stopServer(server: Server): Promise<void> {
  return new Promise<void>((r) => {
    server.close(() => r());
    server.closeAllConnections();
  });
}

/** Every test gets its own data directory and its own web host: no test sees another's data. */
export const test = base.extend<{ host: ConsoleHost }>({
  // Playwright reads a fixture's dependencies from its first parameter's destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), `cc-e2e-${testInfo.workerIndex}-`));
    const offset = { ms: 0 };
    let running = await startHost(dataDir, offset);
    const host: ConsoleHost = {
      get url() {
        return running.url;
      },
      dataDir,
      get backend() {
        return running.backend;
      },
      advance: (ms) => {
        offset.ms += ms;
      },
      restart: async (whileStopped) => {
        await stopServer(running.server);
        running.backend.close();
        whileStopped?.();
        running = await startHost(dataDir, offset);
      },
      invoke: async (method, input) => {
        const userId = lastSignedIn(running.backend);
        const token = userId ? running.backend.auth.open(userId) : null;
        try {
          return await running.backend.invoke(method, input, { token });
        } finally {
          running.backend.auth.close(token);
        }
      },
    };
    await use(host);
    await stopServer(running.server);
    running.backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/** The renderer sets body[data-ready] once the session is loaded and the first screen is drawn. */
export async function openConsole(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join('test-results', 'screens', `${name}.png`), fullPage: false });
}

export { expect };
