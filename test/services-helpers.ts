/** Shared by the test/services-*.test.ts files. */
import type { Disposition } from '../core/domain/model';
import type { UserRecord } from '../core/domain/records';
import { makeHarness, MIN, row, setUpEmpty, T0, type Harness } from './helpers';

export const at = (iso: string) => Date.parse(iso);
export const lastOutbox = (h: Harness) => row<{ name: string; args: string; created_at: number }>(h.db, 'SELECT name, args, created_at FROM outbox ORDER BY seq DESC LIMIT 1')!;
export const cbRow = (h: Harness, id: string) => row<Record<string, unknown>>(h.db, 'SELECT * FROM callbacks WHERE id = ?', id)!;
export const cuRow = (h: Harness, id: string) => row<Record<string, unknown>>(h.db, 'SELECT * FROM customers WHERE id = ?', id)!;

export async function ready(): Promise<{ h: Harness; me: UserRecord }> {
  const h = makeHarness();
  const me = await setUpEmpty(h);
  return { h, me };
}

/**
 * A reached call on a purpose with a questionnaire needs a completed one or a reason; these tests are
 * about the queue, so reached outcomes carry a reason (test/questionnaires-responses.test.ts covers the rule).
 */
export function outcome(callbackId: string, disposition: Disposition, extra: Record<string, unknown> = {}, startedAt = T0 - 3 * MIN) {
  const skip = disposition === 'reached' ? { surveySkipReason: '客户时间不便' } : {};
  return { callbackId, disposition, notes: `note ${disposition}`, startedAt, endedAt: startedAt + MIN, ...skip, ...extra };
}

/**
 * Presses "start call" on a callback at `at` (the harness clock goes there and back): the console
 * records the start, which every outcome needs.
 */
export async function startCallAt(h: Harness, callbackId: string, at = h.now()): Promise<void> {
  const back = h.now();
  h.setNow(at);
  try {
    await h.ok('callbacks.startCall', { id: callbackId });
  } finally {
    h.setNow(back);
  }
}

/** The agent's whole call: started at the outcome's startedAt, then recorded. */
export async function record<T = unknown>(h: Harness, input: ReturnType<typeof outcome>): Promise<T> {
  await startCallAt(h, input.callbackId, input.startedAt);
  return h.ok<T>('callbacks.recordOutcome', input);
}
