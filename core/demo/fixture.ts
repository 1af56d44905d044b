import { DateTime } from 'luxon';
import type { Disposition } from '../domain/model';
import type { AttemptRecord } from '../domain/records';
import { DEMO_DEFAULTS, generateDemoData } from './generate';
import type { DemoOptions } from './generate';

/** One generated data set shared by the demo tests, with the lookups they keep needing. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
// A Sunday morning in Shanghai, so week boundaries and the calling window both come into play.
export const NOW = Date.UTC(2026, 10, 22, 2, 17, 43, 512);
export const AGENTS = [
  '01900000-0000-7000-8000-00000000000a',
  '01900000-0000-7000-8000-00000000000b',
  '01900000-0000-7000-8000-00000000000c',
];
export const OPTS: DemoOptions = { seed: DEMO_DEFAULTS.seed, now: NOW, customers: DEMO_DEFAULTS.customers, agentIds: AGENTS };

export const data = generateDemoData(OPTS);
export const customerById = new Map(data.customers.map((c) => [c.id, c]));
export const callbackById = new Map(data.callbacks.map((c) => [c.id, c]));
export const attemptsByCallback = new Map<string, AttemptRecord[]>();
for (const a of data.attempts) {
  const list = attemptsByCallback.get(a.callbackId) ?? [];
  list.push(a);
  attemptsByCallback.set(a.callbackId, list);
}
for (const list of attemptsByCallback.values()) list.sort((a, b) => a.startedAt - b.startedAt);

export const share = (part: number, whole: number) => part / whole;
export const FAILED: ReadonlySet<Disposition> = new Set<Disposition>(['no_answer', 'busy', 'voicemail']);
export const localMinute = (at: number, zone: string) => {
  const dt = DateTime.fromMillis(at, { zone });
  return dt.hour * 60 + dt.minute;
};
