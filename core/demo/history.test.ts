import { describe, expect, it } from 'vitest';
import { REASONS } from '../domain/model';
import type { AttemptRecord, CallbackRecord } from '../domain/records';
import { DEFAULT_SETTINGS } from '../settings';
import {
  AGENTS,
  attemptsByCallback,
  callbackById,
  customerById,
  data,
  DAY,
  FAILED,
  HOUR,
  localMinute,
  MINUTE,
  NOW,
  OPTS,
  share,
} from './fixture';
import { generateDemoData } from './generate';

describe('generateDemoData: callbacks', () => {
  const open = data.callbacks.filter((c) => c.state === 'open');

  it('queues about 1.3 callbacks per customer, every one for a real customer', () => {
    expect(share(data.callbacks.length, 5000)).toBeGreaterThan(1.2);
    expect(share(data.callbacks.length, 5000)).toBeLessThan(1.45);
    for (const cb of data.callbacks) expect(customerById.has(cb.customerId)).toBe(true);
    expect(new Set(data.callbacks.map((c) => c.customerId)).size).toBe(5000);
  });

  it('covers every reason, matched to the customer', () => {
    for (const reason of REASONS) {
      expect(share(data.callbacks.filter((c) => c.reason === reason).length, data.callbacks.length)).toBeGreaterThan(0.04);
    }
    for (const cb of data.callbacks) {
      const c = customerById.get(cb.customerId);
      if (cb.reason === 'winback') expect(c?.segment).toBe('dormant');
      if (cb.reason === 'onboarding') expect(c?.segment).toBe('new');
      if (cb.reason === 'complaint_followup') expect(c?.tags).toContain('曾投诉');
    }
  });

  it('sets priorities by reason', () => {
    const allowed: Record<string, number[]> = {
      complaint_followup: [1, 2],
      satisfaction: [3],
      winback: [3, 4],
      onboarding: [2, 3, 4],
      care: [4, 5],
    };
    for (const cb of data.callbacks) expect(allowed[cb.reason]).toContain(cb.priority);
  });

  it('splits open due times about 35% none / 35% overdue / 30% upcoming', () => {
    const none = open.filter((c) => c.dueAt === null).length;
    const past = open.filter((c) => c.dueAt !== null && c.dueAt <= NOW).length;
    const future = open.filter((c) => c.dueAt !== null && c.dueAt > NOW).length;
    expect(Math.abs(share(none, open.length) - 0.35)).toBeLessThan(0.04);
    expect(Math.abs(share(past, open.length) - 0.35)).toBeLessThan(0.04);
    expect(Math.abs(share(future, open.length) - 0.3)).toBeLessThan(0.04);
  });

  it('places due times within range and, when set by a person, on a quarter hour of the local working day', () => {
    for (const cb of open) {
      if (cb.dueAt === null) continue;
      const zone = customerById.get(cb.customerId)?.timezone as string;
      const retryOverride = (attemptsByCallback.get(cb.id)?.length ?? 0) > 0 && cb.dueAt > NOW;
      if (retryOverride) continue;
      expect(cb.dueAt).toBeGreaterThanOrEqual(NOW - 5 * DAY);
      expect(cb.dueAt).toBeLessThanOrEqual(NOW + 7 * DAY);
      expect(Math.abs(cb.dueAt - NOW)).toBeGreaterThanOrEqual(HOUR);
      const m = localMinute(cb.dueAt, zone);
      expect(m).toBeGreaterThanOrEqual(10 * 60);
      expect(m).toBeLessThanOrEqual(19 * 60 + 30);
      expect(m % 15).toBe(0);
    }
  });

  it('creates open callbacks within the last 14 days, closed ones within 40, before they fall due, with the demo defaults', () => {
    for (const cb of data.callbacks) {
      expect(cb.createdAt).toBeGreaterThanOrEqual(NOW - (cb.state === 'open' ? 14 : 40) * DAY);
      expect(cb.createdAt).toBeLessThan(NOW);
      expect(cb.createdAt).toBeGreaterThanOrEqual(customerById.get(cb.customerId)?.createdAt as number);
      if (cb.dueAt !== null) expect(cb.createdAt).toBeLessThan(cb.dueAt);
      expect(cb.source).toBe('demo');
      expect(cb.leaseAgentId).toBeNull();
      expect(cb.leaseExpiresAt).toBeNull();
      expect(cb.importBatchId).toBeNull();
    }
    expect(data.callbacks.some((c) => c.notes !== '')).toBe(true);
    expect(data.callbacks.some((c) => c.notes === '')).toBe(true);
  });

  it('closes about 25% in the past (five weeks of finished work) with a fitting outcome', () => {
    const closed = data.callbacks.filter((c) => c.state === 'closed');
    expect(share(closed.length, data.callbacks.length)).toBeGreaterThan(0.2);
    expect(share(closed.length, data.callbacks.length)).toBeLessThan(0.3);
    expect(share(closed.filter((c) => c.outcome === 'completed').length, closed.length)).toBeGreaterThan(0.6);
    for (const o of ['unreachable', 'refused'] as const) expect(closed.some((c) => c.outcome === o)).toBe(true);
    for (const cb of closed) {
      expect(cb.closedAt).not.toBeNull();
      expect(cb.closedAt as number).toBeLessThan(NOW);
    }
    for (const cb of open) {
      expect(cb.outcome).toBeNull();
      expect(cb.closedAt).toBeNull();
    }
  });
});

describe('generateDemoData: call history', () => {
  it('gives about 30% of callbacks a history, by the given agents, for existing callbacks and customers', () => {
    const withHistory = data.callbacks.filter((c) => c.attempts > 0).length;
    expect(share(withHistory, data.callbacks.length)).toBeGreaterThan(0.25);
    expect(share(withHistory, data.callbacks.length)).toBeLessThan(0.35);
    for (const a of data.attempts) {
      const cb = callbackById.get(a.callbackId);
      expect(cb).toBeDefined();
      expect(a.customerId).toBe(cb?.customerId);
      expect(customerById.has(a.customerId)).toBe(true);
      expect(AGENTS).toContain(a.agentId);
    }
  });

  it('keeps attempt counters, outcomes and due times consistent with the history', () => {
    for (const cb of data.callbacks) {
      const list = attemptsByCallback.get(cb.id) ?? [];
      expect(cb.attempts).toBe(list.length);
      expect(cb.failedAttempts).toBe(list.filter((a) => FAILED.has(a.disposition)).length);
      const first = list[0];
      const last = list[list.length - 1];
      if (first) expect(cb.createdAt).toBeLessThan(first.startedAt);
      if (cb.state === 'closed') {
        expect(last).toBeDefined();
        expect(cb.closedAt).toBe(last?.endedAt);
        const expected = { completed: 'reached', refused: 'refused', wrong_number: 'wrong_number' } as const;
        if (cb.outcome === 'unreachable') {
          expect(cb.failedAttempts).toBe(DEFAULT_SETTINGS.maxAttempts);
        } else {
          expect(last?.disposition).toBe(expected[cb.outcome as keyof typeof expected]);
        }
      } else {
        expect(cb.failedAttempts).toBe(cb.attempts);
        expect(cb.failedAttempts).toBeLessThan(DEFAULT_SETTINGS.maxAttempts);
        if (last && last.startedAt + 27 * HOUR > NOW) expect(cb.dueAt).toBe(last.startedAt + 27 * HOUR);
      }
    }
  });

  it('dials in the past 35 days (10 for a callback still open), 09:00–21:00 customer-local, for 20 s to 8 min', () => {
    for (const a of data.attempts) {
      const zone = customerById.get(a.customerId)?.timezone as string;
      expect(a.startedAt).toBeGreaterThanOrEqual(NOW - (callbackById.get(a.callbackId)?.state === 'open' ? 10 : 35) * DAY);
      expect(a.startedAt).toBeLessThanOrEqual(NOW - HOUR);
      const m = localMinute(a.startedAt, zone);
      expect(m).toBeGreaterThanOrEqual(9 * 60);
      expect(m).toBeLessThan(21 * 60);
      expect(a.endedAt - a.startedAt).toBeGreaterThanOrEqual(20_000);
      expect(a.endedAt - a.startedAt).toBeLessThanOrEqual(8 * MINUTE);
      if (a.disposition === 'callback_later') expect(a.callbackAt).not.toBeNull();
      else expect(a.callbackAt).toBeNull();
    }
  });

  it('spaces retries after unanswered calls by the retry spacing', () => {
    for (const list of attemptsByCallback.values()) {
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1] as AttemptRecord;
        const cur = list[i] as AttemptRecord;
        expect(cur.startedAt).toBeGreaterThan(prev.endedAt);
        if (FAILED.has(prev.disposition)) expect(cur.startedAt - prev.startedAt).toBeGreaterThanOrEqual(27 * HOUR);
      }
    }
  });

  it('never exceeds 2 attempts in 24 h or 4 in 7 days for any customer', () => {
    const byCustomer = new Map<string, number[]>();
    for (const a of data.attempts) byCustomer.set(a.customerId, [...(byCustomer.get(a.customerId) ?? []), a.startedAt]);
    let checked = 0;
    for (const starts of byCustomer.values()) {
      starts.sort((x, y) => x - y);
      for (const t of starts) {
        expect(starts.filter((s) => s >= t && s < t + DAY).length).toBeLessThanOrEqual(DEFAULT_SETTINGS.capPer24h);
        expect(starts.filter((s) => s >= t && s < t + 7 * DAY).length).toBeLessThanOrEqual(DEFAULT_SETTINGS.capPer7d);
        checked++;
      }
    }
    expect(checked).toBe(data.attempts.length);
    // Several customers do have two callbacks with history, so the check above is not vacuous.
    expect([...byCustomer.values()].filter((s) => s.length >= 3).length).toBeGreaterThan(5);
  });

  it('has calls on every one of the last 30 Beijing days, more on weekdays, reaching about 40%', () => {
    const BEIJING = 8 * HOUR;
    const dayOf = (t: number) => Math.floor((t + BEIJING) / DAY);
    const today = dayOf(NOW);
    const perDay = new Map<number, number>();
    for (const a of data.attempts) perDay.set(dayOf(a.startedAt), (perDay.get(dayOf(a.startedAt)) ?? 0) + 1);
    const last30 = Array.from({ length: 30 }, (_, i) => today - 29 + i);
    for (const d of last30) expect(perDay.get(d) ?? 0, `day ${d - today}`).toBeGreaterThan(d === today ? 0 : 10);
    // Whole days only (today has barely begun); 1970-01-01 was a Thursday.
    const weekday = (d: number) => (d + 4) % 7;
    const full = last30.filter((d) => d < today);
    const mean = (days: number[]) => days.reduce((n, d) => n + (perDay.get(d) ?? 0), 0) / days.length;
    expect(mean(full.filter((d) => weekday(d) >= 1 && weekday(d) <= 5))).toBeGreaterThan(1.3 * mean(full.filter((d) => weekday(d) % 6 === 0)));
    const reached = data.attempts.filter((a) => a.disposition === 'reached').length;
    expect(share(reached, data.attempts.length)).toBeGreaterThan(0.3);
    expect(share(reached, data.attempts.length)).toBeLessThan(0.55);
  });

  it('has no history and nothing closed when there are no agents', () => {
    const quiet = generateDemoData({ ...OPTS, customers: 500, agentIds: [] });
    expect(quiet.attempts).toHaveLength(0);
    expect(quiet.callbacks.every((c: CallbackRecord) => c.state === 'open' && c.attempts === 0)).toBe(true);
    expect(quiet.customers).toHaveLength(500);
  });
});
