import { describe, expect, it } from 'vitest';
import i18n from './index';
import zhCN from './apiErrors.zh-CN';
import en from './apiErrors.en';
import { apiErrorText } from './apiError';
import { ERROR_CODES, type ApiError } from '../../core/contract/result';

// Codes sent outside ERROR_CODES: the web host refuses an oversized request with TOO_LARGE.
const WIRE_CODES = [...new Set<string>([...ERROR_CODES, 'TOO_LARGE'])];

/** A string that reads as English: Latin words and no Chinese character. */
const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

const err = (code: string, message: string, details?: Record<string, unknown>): ApiError => ({ code: code as ApiError['code'], message, details });

describe('back-end errors in the UI language', () => {
  it('has a zh-CN and an en message for every error code', () => {
    for (const code of WIRE_CODES) {
      const zh = (zhCN.codes as Record<string, string>)[code];
      const english = (en.codes as Record<string, string>)[code];
      expect(zh, `zh-CN codes.${code}`).toBeTruthy();
      expect(english, `en codes.${code}`).toBeTruthy();
      expect(hasChinese(zh!), `zh-CN codes.${code} is Chinese`).toBe(true);
      expect(hasChinese(english!), `en codes.${code} is English`).toBe(false);
      expect(apiErrorText(err(code, 'Some English text from the back end.'), 'zh-CN')).toBe(zh);
      expect(apiErrorText(err(code, 'Some English text from the back end.'), 'en')).toBe(english);
    }
  });

  it('keeps both catalogs with the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('never shows the English back-end message in Chinese, whatever the details', () => {
    const samples: ApiError[] = [
      err('FORBIDDEN', 'Only a supervisor can decide on a voucher.'),
      err('BAD_INPUT', 'Too small: expected number to be >0 (amountFen)', { issues: [{ code: 'too_small', origin: 'number', minimum: 0, inclusive: false, path: ['amountFen'], message: 'Too small' }] }),
      err('BAD_INPUT', 'Too big (notes)', { issues: [{ code: 'too_big', origin: 'string', maximum: 2000, inclusive: true, path: ['notes'], message: 'Too big' }] }),
      err('BAD_INPUT', 'weird (somethingUnknown)', { issues: [{ code: 'custom', path: ['somethingUnknown'], message: 'weird' }] }),
      err('BAD_INPUT', 'Pick a callback time within 60 days.', { field: 'callbackAt' }),
      err('BAD_INPUT', 'Say why the voucher is voided.', { field: 'reason' }),
      err('BAD_INPUT', 'Expected at most 5.', { code: 'out_of_range', key: 'q1' }),
      err('BAD_INPUT', 'Every priority needs a policy for all categories; missing: P1.', { uncovered: ['P1'] }),
      err('BAD_INPUT', 'Nothing to export', { reason: 'none_in_language' }),
      err('COMPLIANCE_BLOCKED', 'This call is not allowed: dnc, outside_window.', { blocks: [{ reason: 'dnc' }, { reason: 'outside_window' }] }),
      err('BUDGET_EXCEEDED', 'over budget', { budgetFen: 5_000_000, spentFen: 4_999_000, valueFen: 8800 }),
      err('INVALID_TRANSITION', 'A resolved ticket cannot become new.', { from: 'resolved', to: 'new' }),
      err('INVALID_TRANSITION', 'This voucher is issued, not waiting for approval.', { state: 'issued' }),
      err('INVALID_TRANSITION', 'An FAQ entry that is draft cannot be published.', { from: 'draft', action: 'publish' }),
      err('LEASE_LOST', 'Another agent is working this callback.', { until: Date.UTC(2026, 11, 7, 2) }),
      err('NOT_FOUND', 'That user does not exist.', { field: 'assigneeId' }),
      err('TOO_LARGE', 'The request is too large: at most 5 MB.', { limit: 5 * 1024 * 1024 }),
    ];
    for (const e of samples) {
      const zh = apiErrorText(e, 'zh-CN');
      expect(zh, e.message).not.toContain(e.message);
      expect(hasChinese(zh), `${e.code}: ${zh}`).toBe(true);
      expect(zh).not.toMatch(/\b(the|is|not|can|only|must)\b/i);
      const english = apiErrorText(e, 'en');
      expect(hasChinese(english), `${e.code}: ${english}`).toBe(false);
    }
  });

  it('uses the details to say what exactly is wrong', () => {
    const amount = err('BAD_INPUT', 'x', { issues: [{ code: 'too_small', origin: 'number', minimum: 0, inclusive: false, path: ['amountFen'] }] });
    expect(apiErrorText(amount, 'en')).toBe('The amount must be more than ¥0.00');
    expect(apiErrorText(amount, 'zh-CN')).toBe('金额必须大于 ¥0.00');
    const notes = err('BAD_INPUT', 'x', { issues: [{ code: 'too_big', origin: 'string', maximum: 2000, path: ['notes'] }] });
    expect(apiErrorText(notes, 'zh-CN')).toContain('2000');
    expect(apiErrorText(err('BUDGET_EXCEEDED', 'x', { budgetFen: 5_000_000, spentFen: 4_999_000, valueFen: 8800 }), 'zh-CN')).toContain('剩余 ¥10.00');
    expect(apiErrorText(err('COMPLIANCE_BLOCKED', 'x', { blocks: [{ reason: 'dnc' }] }), 'zh-CN')).toContain('勿扰名单');
    expect(apiErrorText(err('INVALID_TRANSITION', 'x', { from: 'resolved', to: 'new' }), 'zh-CN')).toContain('已解决');
    expect(apiErrorText(err('INVALID_TRANSITION', 'x', { state: 'issued' }), 'en')).toContain('Issued');
    expect(apiErrorText(err('BAD_INPUT', 'x', { field: 'callbackAt', reason: 'outside_window' }), 'zh-CN')).toContain('拨打时段');
  });

  it('follows the UI language when none is given', async () => {
    await i18n.changeLanguage('en');
    expect(apiErrorText(err('FORBIDDEN', 'Only a supervisor can decide on a voucher.'))).toBe(en.codes.FORBIDDEN);
    await i18n.changeLanguage('zh-CN');
    expect(apiErrorText(err('FORBIDDEN', 'Only a supervisor can decide on a voucher.'))).toBe(zhCN.codes.FORBIDDEN);
  });
});
