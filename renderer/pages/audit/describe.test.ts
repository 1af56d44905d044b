import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import i18n from '../../i18n';
import type { AuditView } from '../../../core/contract/views';
import { AUDIT_ACTIONS } from '../../../core/domain/audit-actions';
import { describeAudit } from './describe';

const CUSTOMER = '019f0000-0000-7000-8000-000000000001';
const AGENT = '019f0000-0000-7000-8000-000000000002';
const GONE = '019f0000-0000-7000-8000-0000000abcde';
const refs = { [CUSTOMER]: '张伟', [AGENT]: '王芳' };
const tFor = (lng: string) => i18n.getFixedT(lng, 'admin') as TFunction<'admin'>;
const say = (lng: string, action: string, details: Record<string, unknown>, more: Partial<AuditView> = {}) =>
  describeAudit(tFor(lng), { action, details, refs, subjectId: CUSTOMER, subjectName: null, ...more });

const voucher = { code: 'CV-7K3M-Q9XZ', kind: 'cashback', valueFen: 8800, customerId: CUSTOMER };

describe('audit entries read as sentences with names, in the UI language', () => {
  it.each([
    ['zh-CN', 'voucher.requested', { ...voucher, approvalReasons: ['over_voucher_limit'] }, '为 张伟 申请现金返还 ¥88.00（CV-7K3M-Q9XZ），需主管审批：超过单张额度'],
    ['en', 'voucher.requested', { ...voucher, approvalReasons: ['over_voucher_limit'] }, 'Requested Cash-back ¥88.00 (CV-7K3M-Q9XZ) for 张伟; needs a supervisor: over the per-voucher limit'],
    ['zh-CN', 'voucher.approved', { ...voucher, requestedBy: AGENT }, '批准了 王芳 为 张伟 申请的现金返还 ¥88.00（CV-7K3M-Q9XZ）'],
    ['zh-CN', 'voucher.rejected', { ...voucher, requestedBy: AGENT, reason: '金额过高' }, '驳回了 王芳 为 张伟 申请的现金返还 ¥88.00（CV-7K3M-Q9XZ）；原因：金额过高'],
    ['zh-CN', 'faq.publish', { revision: 2, from: 'in_review', to: 'published' }, '发布第 2 版（审核中 → 已发布）'],
    ['en', 'faq.publish', { revision: 2, from: 'in_review', to: 'published' }, 'Published revision 2 (In review → Published)'],
    ['zh-CN', 'faq.request_changes', { revision: 1, from: 'in_review', to: 'draft', note: '答案要更具体' }, '退回第 1 版修改（审核中 → 草稿）；说明：答案要更具体'],
    ['zh-CN', 'phone.reveal', {}, '查看了 张伟 的完整手机号'],
  ])('%s %s', (lng, action, details, expected) => {
    const text = say(lng, action, details);
    expect(text).toBe(expected);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|Fen|Id\b|_/);
  });

  it('has a sentence in both languages for every kind the console writes', () => {
    for (const action of AUDIT_ACTIONS) {
      const key = `audit.say.${action.replace(/\./g, '_')}`;
      expect(i18n.exists(key, { ns: 'admin', lng: 'zh-CN' }), action).toBe(true);
      expect(i18n.exists(key, { ns: 'admin', lng: 'en' }), action).toBe(true);
    }
  });

  it('reads a kind it has no sentence for as field: value pairs with names, money and dates', () => {
    const at = Date.parse('2026-12-01T09:00:00+08:00');
    expect(say('zh-CN', 'customer.merged', { customerId: CUSTOMER, until: at, note: '客户要求' })).toBe('客户：张伟；截止：2026/12/01 09:00；说明：客户要求');
    // A kind with a sentence reads as one.
    expect(say('zh-CN', 'dnc.added', { customerId: CUSTOMER, until: at, note: '客户要求' })).toBe('将 张伟 加入免打扰，至 2026/12/01 09:00；说明：客户要求');
    expect(say('en', 'settings.update', { capPer24h: 3, amountFen: 5000, userId: GONE })).toBe('cap per24h: 3; Amount: ¥50.00; Member: (deleted …0abcde)');
  });
});
