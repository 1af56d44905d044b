import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { fromCaseForm, toCaseForm } from './caseForm';
import { DEFAULT_CASE_SETTINGS } from '../../../core/cases/settings';

describe('messages for bad values', () => {
  it('says which range a negative money setting may take', () => {
    const t = i18n.getFixedT('zh-CN', 'sla');
    const r = fromCaseForm({ ...toCaseForm(DEFAULT_CASE_SETTINGS), agentVoucherLimit: '-10' }, t);
    expect(r.errors?.agentVoucherLimit).toMatch(/不能为负数.*0–¥100,000,000\.00/);
    const days = fromCaseForm({ ...toCaseForm(DEFAULT_CASE_SETTINGS), reopenWindowDays: '-10' }, t);
    expect(days.errors?.reopenWindowDays).toContain('0–365');
  });
});
