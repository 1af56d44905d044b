import { expect, type Locator, type Page } from '@playwright/test';
import { passwordOf } from './console-page';
import type { ConsoleHost } from './fixtures';

/*
 * Arranging SLA and voucher data through the contract (host.backend), after the first run went through
 * the UI, and the supervisor's pages as a page model.
 */

export const MINUTE = 60_000;

/** Calls a contract method as the signed-in user; throws with the typed error when it is refused. */
export async function must<T>(host: ConsoleHost, method: string, input: unknown): Promise<T> {
  const r = await host.invoke(method, input);
  if (!r.ok) throw new Error(`${method} refused: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** Imports a few customers (the console has no "add customer" method) and returns their ids by name. */
export async function importCustomers(host: ConsoleHost, rows: { phone: string; name: string }[]): Promise<Map<string, string>> {
  const csv = ['phone,name,reason', ...rows.map((r) => `${r.phone},${r.name},complaint_followup`)].join('\r\n');
  type Job = { jobId: string; phase: string };
  let job = await must<Job>(host, 'imports.start', { fileName: 'customers.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') });
  const wait = async (phase: string) => {
    for (let i = 0; i < 100 && job.phase !== phase; i++) {
      if (job.phase === 'failed') throw new Error('import failed');
      await new Promise((r) => setTimeout(r, 50));
      job = await must<Job>(host, 'imports.status', { jobId: job.jobId });
    }
    expect(job.phase).toBe(phase);
  };
  await wait('ready');
  job = await must<Job>(host, 'imports.commit', { jobId: job.jobId });
  await wait('done');
  const found = host.backend.context!.db.$client.prepare('SELECT id, name FROM customers').all() as { id: string; name: string }[];
  return new Map(found.map((c) => [c.name, c.id]));
}

export interface Session {
  users: { id: string; name: string; role: string }[];
  currentUser: { id: string; name: string } | null;
}

/** Adds a user with passwordOf(name), or answers the one already there (the first run made 周敏). */
export async function addUser(host: ConsoleHost, name: string, role: 'agent' | 'supervisor'): Promise<string> {
  const existing = host.backend.context!.db.$client.prepare('SELECT id FROM users WHERE name = ?').get(name) as { id: string } | undefined;
  if (existing) return existing.id;
  const s = await must<Session>(host, 'users.create', { name, role, password: passwordOf(name) });
  return s.users.find((u) => u.name === name)!.id;
}

export async function createTicket(
  host: ConsoleHost,
  t: { subject: string; priority: 'P1' | 'P2' | 'P3' | 'P4'; category?: string; customerId?: string | null },
): Promise<{ id: string; code: string }> {
  const d = await must<{ ticket: { id: string; code: string } }>(host, 'tickets.create', {
    subject: t.subject,
    priority: t.priority,
    category: t.category ?? 'payments',
    customerId: t.customerId ?? null,
  });
  return d.ticket;
}

export async function requestVoucher(host: ConsoleHost, customerId: string, amountFen: number, ticketId: string | null = null): Promise<{ id: string; code: string; state: string }> {
  const r = await must<{ voucher: { id: string; code: string; state: string } }>(host, 'vouchers.request', {
    requestKey: crypto.randomUUID(),
    customerId,
    ticketId,
    kind: 'cashback',
    amountFen,
    reasonCode: 'payment_error',
    note: '',
  });
  return r.voucher;
}

/** The page's getComputedStyle (this file is type-checked without the DOM library). */
const background = (el: unknown) =>
  (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor;

/** An rgb()/rgba() colour as numbers. */
export function rgb(css: string): [number, number, number] {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!m) throw new Error(`not an rgb colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export class SlaBoardModel {
  constructor(readonly page: Page) {}

  section(tone: 'breached' | 'warning'): Locator {
    return this.page.getByTestId(`board-${tone}`);
  }

  rows(tone: 'breached' | 'warning'): Locator {
    return this.section(tone).getByTestId('board-row');
  }

  async rowIds(tone: 'breached' | 'warning'): Promise<string[]> {
    return this.rows(tone).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
  }

  async badgeColour(row: Locator): Promise<[number, number, number]> {
    return rgb(await row.getByTestId('board-level').evaluate(background));
  }

  async cellColour(row: Locator): Promise<[number, number, number]> {
    return rgb(await row.locator('td').nth(1).evaluate(background));
  }
}
