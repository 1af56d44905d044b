import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { termsProblemKey, toTerms, type VoucherForm } from './voucherForm';

const form = (p: Partial<VoucherForm>): VoucherForm => ({
  kind: 'cashback',
  percent: '',
  amount: '',
  points: '',
  reasonCode: 'service_failure',
  note: '',
  expiry: '',
  ticketId: '',
  ...p,
});

const zh = (key: string, values?: Record<string, unknown>) => i18n.t(key, { lng: 'zh-CN', ...values }) as string;

describe('messages for bad values', () => {
  it('says a negative voucher amount must be more than 0, not "enter a number"', () => {
    for (const amount of ['-5', '－5', '−5', '¥-5', ' -0.5']) {
      const r = toTerms(form({ amount }));
      expect(r).toMatchObject({ ok: false, field: 'amount', problem: 'zero' });
      expect(zh(`tickets:${termsProblemKey(r, 'amount')}`)).toBe('必须大于 0');
      expect(i18n.t(`tickets:${termsProblemKey(r, 'amount')}`, { lng: 'en' })).toBe('Must be more than 0');
    }
    expect(termsProblemKey(toTerms(form({ amount: 'abc' })), 'amount')).toBe('amountProblem.format');
    expect(termsProblemKey(toTerms(form({ kind: 'points', points: '-3' })), 'points')).toBe('amountProblem.zero');
    expect(termsProblemKey(toTerms(form({ kind: 'points', points: '2.5' })), 'points')).toBe('amountProblem.whole');
    const pct = toTerms(form({ kind: 'discount_percent', percent: '120', amount: '10' }));
    expect(zh(`tickets:${termsProblemKey(pct, 'percent')}`)).toContain('1–99');
  });
});
