import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../domain/records';
import { DEFAULT_SETTINGS } from '../settings';
import type { ImportRow } from './types';
import { countWarnings, importChecker, noWarnings, warningLines, warningSummary } from './warnings';

const NOW = Date.parse('2026-11-23T10:00:00+08:00');
const DAY = 86_400_000;

const row = (over: Partial<ImportRow> = {}): ImportRow => ({
  line: 2,
  phone: '+8613800001111',
  name: '张伟',
  reason: 'complaint_followup',
  priority: 3,
  dueAt: null,
  timezone: 'Asia/Shanghai',
  notes: '',
  ...over,
});

const customer = (over: Partial<CustomerRecord> = {}): CustomerRecord => ({
  id: 'c1',
  name: '张伟',
  phone: '+8613800001111',
  phoneStatus: 'ok',
  timezone: 'Asia/Shanghai',
  gender: 'unknown',
  city: null,
  segment: null,
  registeredAt: null,
  lastActiveAt: null,
  txnCount30d: null,
  balanceBand: null,
  tags: [],
  consentService: 'granted',
  consentSurvey: 'granted',
  consentMarketing: 'granted',
  dncUntil: null,
  capUntil: null,
  createdAt: NOW - 100 * DAY,
  ...over,
});

describe('import warnings', () => {
  const check = importChecker(NOW, DEFAULT_SETTINGS);

  it.each([
    ['a due date 2020-01-01', Date.parse('2020-01-01T00:00:00+08:00'), 2518],
    ['31 days ago', NOW - 31 * DAY, 31],
  ])('warns on %s (the row still imports)', (_, dueAt, days) => {
    expect(check(row({ dueAt, line: 7 }), undefined)).toEqual([{ line: 7, code: 'due_long_past', days }]);
  });

  it.each([
    ['30 days ago', NOW - 30 * DAY],
    ['yesterday', NOW - DAY],
    ['next week', NOW + 7 * DAY],
    ['as soon as callable', null],
  ])('does not warn on a due date %s', (_, dueAt) => {
    expect(check(row({ dueAt }), undefined)).toEqual([]);
  });

  it.each([
    // New customers start with service consent only: marketing purposes cannot be called.
    ['care, new customer', row({ reason: 'care' }), undefined, ['no_consent']],
    ['win-back, new customer', row({ reason: 'winback' }), undefined, ['no_consent']],
    ['onboarding, new customer', row({ reason: 'onboarding' }), undefined, ['no_consent']],
    ['complaint follow-up, new customer', row(), undefined, []],
    ['satisfaction, new customer (survey consent unknown is not a refusal)', row({ reason: 'satisfaction' }), undefined, []],
    ['care, customer who opted in', row({ reason: 'care' }), customer(), []],
    ['care, customer on the DNC list', row({ reason: 'care' }), customer({ dncUntil: NOW + DAY }), ['dnc']],
    ['complaint follow-up, customer on the DNC list (service calls go ahead)', row(), customer({ dncUntil: NOW + DAY }), []],
    ['satisfaction, customer who refused surveys', row({ reason: 'satisfaction' }), customer({ consentSurvey: 'refused' }), ['no_consent']],
    ['any purpose, number marked wrong', row(), customer({ phoneStatus: 'bad' }), ['bad_number']],
    ['win-back, refused marketing and on the DNC list', row({ reason: 'winback' }), customer({ consentMarketing: 'refused', dncUntil: NOW + DAY }), ['dnc', 'no_consent']],
  ] as const)('%s', (_, r, existing, blocks) => {
    const found = check(r, existing);
    expect(found.filter((w) => w.code === 'not_callable')).toEqual(blocks.length ? [{ line: 2, code: 'not_callable', reason: r.reason, blocks }] : []);
  });

  it('ignores blocks that lift on their own (calling window, contact cap)', () => {
    const night = importChecker(Date.parse('2026-11-23T23:30:00+08:00'), DEFAULT_SETTINGS);
    expect(night(row(), customer({ capUntil: NOW + DAY }))).toEqual([]);
  });

  it('counts by kind and reason, and words each warning for the command line', () => {
    const counts = noWarnings();
    const warnings = [
      ...check(row({ reason: 'care', line: 3, dueAt: NOW - 40 * DAY }), undefined),
      ...check(row({ reason: 'winback', line: 4 }), customer({ phoneStatus: 'bad', consentMarketing: 'refused' })),
    ];
    countWarnings(counts, warnings);
    expect(counts).toEqual({ dueLongPast: 1, notCallable: 2, notCallableBy: { no_consent: 2, dnc: 0, bad_number: 1 } });
    expect(warningLines(warnings, counts)).toEqual([
      '  line 3: due_at — 40 days in the past (imported; check the date)',
      '  line 3: cannot be called (care) — no consent for this purpose (marketing needs an opt-in)',
      '  line 4: cannot be called (winback) — number marked wrong; no consent for this purpose (marketing needs an opt-in)',
    ]);
    expect(warningSummary(counts)).toEqual([
      'due long ago: 1 (due more than 30 days ago; imported, check the dates)',
      'not callable: 2 (no_consent 2, bad_number 1) (the compliance rules will not let anyone call them)',
    ]);
  });
});
