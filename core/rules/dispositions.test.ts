import { describe, expect, it } from 'vitest';
import { DISPOSITIONS, REASONS, type Disposition } from '../domain/model';
import { DEFAULT_SETTINGS } from '../settings';
import { applyDisposition, customerEffects, MAX_CALLBACK_LATER_MS, UNANSWERED } from './dispositions';

const HOUR = 3_600_000;
const T = Date.parse('2026-11-23T10:00:00+08:00');
const rules = { retrySpacingMinutes: DEFAULT_SETTINGS.retrySpacingMinutes, maxAttempts: DEFAULT_SETTINGS.maxAttempts };
const LATER = Date.parse('2026-11-24T15:00:00+08:00');

describe('defaults', () => {
  it('retry after 27 h, at most 3 unanswered attempts', () => {
    expect(DEFAULT_SETTINGS.retrySpacingMinutes).toBe(27 * 60);
    expect(DEFAULT_SETTINGS.maxAttempts).toBe(3);
    expect(UNANSWERED).toEqual(['no_answer', 'busy', 'voicemail']);
    expect(MAX_CALLBACK_LATER_MS).toBe(60 * 24 * HOUR);
  });
});

describe('applyDisposition on a fresh callback', () => {
  const fresh = { attempts: 0, failedAttempts: 0, dueAt: null };
  const expected: Record<Disposition, ReturnType<typeof applyDisposition>> = {
    reached: { kind: 'close', outcome: 'completed', attempts: 1, failedAttempts: 0 },
    no_answer: { kind: 'reschedule', dueAt: T + 27 * HOUR, attempts: 1, failedAttempts: 1 },
    busy: { kind: 'reschedule', dueAt: T + 27 * HOUR, attempts: 1, failedAttempts: 1 },
    voicemail: { kind: 'reschedule', dueAt: T + 27 * HOUR, attempts: 1, failedAttempts: 1 },
    wrong_number: { kind: 'close', outcome: 'wrong_number', attempts: 1, failedAttempts: 0 },
    callback_later: { kind: 'reschedule', dueAt: LATER, attempts: 1, failedAttempts: 0 },
    refused: { kind: 'close', outcome: 'refused', attempts: 1, failedAttempts: 0 },
    dnc_requested: { kind: 'close', outcome: 'dnc_requested', attempts: 1, failedAttempts: 0 },
  };
  it('covers every disposition', () => {
    expect(Object.keys(expected).sort()).toEqual([...DISPOSITIONS].sort());
  });
  for (const d of DISPOSITIONS) {
    it(d, () => {
      expect(applyDisposition(fresh, d, T, rules, { callbackAt: LATER })).toEqual(expected[d]);
    });
  }
});

describe('applyDisposition: retry spacing and the unanswered maximum', () => {
  const cases: { name: string; progress: { attempts: number; failedAttempts: number }; d: Disposition; expected: ReturnType<typeof applyDisposition> }[] = [
    { name: 'second unanswered still reschedules', progress: { attempts: 1, failedAttempts: 1 }, d: 'busy', expected: { kind: 'reschedule', dueAt: T + 27 * HOUR, attempts: 2, failedAttempts: 2 } },
    { name: 'third unanswered closes unreachable', progress: { attempts: 2, failedAttempts: 2 }, d: 'no_answer', expected: { kind: 'close', outcome: 'unreachable', attempts: 3, failedAttempts: 3 } },
    { name: 'third unanswered as voicemail closes too', progress: { attempts: 2, failedAttempts: 2 }, d: 'voicemail', expected: { kind: 'close', outcome: 'unreachable', attempts: 3, failedAttempts: 3 } },
    { name: 'callback_later attempts do not count towards the maximum', progress: { attempts: 4, failedAttempts: 1 }, d: 'no_answer', expected: { kind: 'reschedule', dueAt: T + 27 * HOUR, attempts: 5, failedAttempts: 2 } },
    { name: 'reached after two unanswered keeps the failed count', progress: { attempts: 2, failedAttempts: 2 }, d: 'reached', expected: { kind: 'close', outcome: 'completed', attempts: 3, failedAttempts: 2 } },
    { name: 'callback_later after two unanswered keeps the failed count', progress: { attempts: 2, failedAttempts: 2 }, d: 'callback_later', expected: { kind: 'reschedule', dueAt: LATER, attempts: 3, failedAttempts: 2 } },
    { name: 'already over the maximum (settings lowered) closes on the next unanswered', progress: { attempts: 5, failedAttempts: 5 }, d: 'busy', expected: { kind: 'close', outcome: 'unreachable', attempts: 6, failedAttempts: 6 } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(applyDisposition({ ...c.progress, dueAt: null }, c.d, T, rules, { callbackAt: LATER })).toEqual(c.expected);
    });
  }

  it('spacing is counted from when the call started, in the configured minutes', () => {
    expect(applyDisposition({ attempts: 0, failedAttempts: 0, dueAt: null }, 'no_answer', T + 5, { retrySpacingMinutes: 90, maxAttempts: 3 })).toEqual({
      kind: 'reschedule',
      dueAt: T + 5 + 90 * 60_000,
      attempts: 1,
      failedAttempts: 1,
    });
  });

  it('maxAttempts 1 closes on the first unanswered', () => {
    expect(applyDisposition({ attempts: 0, failedAttempts: 0, dueAt: null }, 'busy', T, { retrySpacingMinutes: 60, maxAttempts: 1 })).toEqual({
      kind: 'close',
      outcome: 'unreachable',
      attempts: 1,
      failedAttempts: 1,
    });
  });

  it('a walk of unanswered calls closes on exactly the maxAttempts-th', () => {
    for (const max of [1, 2, 3, 5, 20]) {
      let progress = { attempts: 0, failedAttempts: 0, dueAt: null as number | null };
      let at = T;
      const kinds: string[] = [];
      for (let i = 0; i < max; i++) {
        const effect = applyDisposition(progress, UNANSWERED[i % 3]!, at, { retrySpacingMinutes: 27 * 60, maxAttempts: max });
        kinds.push(effect.kind);
        if (effect.kind === 'reschedule') {
          expect(effect.dueAt).toBe(at + 27 * HOUR);
          at = effect.dueAt;
          progress = { attempts: effect.attempts, failedAttempts: effect.failedAttempts, dueAt: effect.dueAt };
        } else {
          expect(effect).toEqual({ kind: 'close', outcome: 'unreachable', attempts: max, failedAttempts: max });
        }
      }
      expect(kinds).toEqual([...Array<string>(max - 1).fill('reschedule'), 'close']);
    }
  });

  it('callback_later without a time is a programming error', () => {
    expect(() => applyDisposition({ attempts: 0, failedAttempts: 0, dueAt: null }, 'callback_later', T, rules)).toThrow(/callback time/);
    expect(() => applyDisposition({ attempts: 0, failedAttempts: 0, dueAt: null }, 'callback_later', T, rules, { callbackAt: null })).toThrow(/callback time/);
  });
});

describe('customerEffects', () => {
  const none = { markPhoneBad: false, addToDnc: false, cancelReasons: [] };
  const expected: Record<Disposition, ReturnType<typeof customerEffects>> = {
    reached: none,
    no_answer: none,
    busy: none,
    voicemail: none,
    callback_later: none,
    refused: none,
    wrong_number: { markPhoneBad: true, addToDnc: false, cancelReasons: [] },
    dnc_requested: { markPhoneBad: false, addToDnc: true, cancelReasons: ['winback', 'onboarding', 'care'] },
  };
  for (const d of DISPOSITIONS) {
    it(d, () => {
      expect(customerEffects(d)).toEqual(expected[d]);
    });
  }
  it('a DNC request never cancels service callbacks', () => {
    const cancelled = customerEffects('dnc_requested').cancelReasons;
    expect(cancelled).not.toContain('complaint_followup');
    expect(cancelled).not.toContain('satisfaction');
    expect(REASONS.filter((r) => !cancelled.includes(r))).toEqual(['complaint_followup', 'satisfaction']);
  });
});
