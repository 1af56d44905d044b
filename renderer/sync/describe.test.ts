import { describe, expect, it } from 'vitest';
import '../i18n/index';
import zh from '../i18n/sync.zh-CN';
import en from '../i18n/sync.en';
import { MUTATION_NAMES } from '../../core/sync/mutations';
import { describeChange, excerpt, mutationLabel, shortId } from './describe';
import { normalizeServerUrl, SERVER_URL_PATTERN } from '../components/JoinTeamForm';
import { skewMinutes } from '../components/SyncIndicator';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o)
    .flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
    .sort();
}

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('refused changes in words', () => {
  it('has the same keys in zh-CN and en, and English that reads as English', () => {
    expect(keys(en)).toEqual(keys(zh));
    for (const k of keys(en)) {
      const value = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en) as string;
      expect(hasChinese(value), `en ${k}`).toBe(false);
    }
  });

  it('names every mutation the console can send, in both languages', () => {
    for (const name of MUTATION_NAMES) {
      const zhLabel = mutationLabel(name, 'zh-CN');
      const enLabel = mutationLabel(name, 'en');
      expect(zhLabel, name).not.toContain(name);
      expect(hasChinese(zhLabel), name).toBe(true);
      expect(enLabel, name).not.toContain(name);
      expect(hasChinese(enLabel), name).toBe(false);
    }
  });

  it('says plainly when it does not know a mutation, naming it', () => {
    expect(mutationLabel('teleport.customer', 'zh-CN')).toBe('更改（teleport.customer）');
    expect(mutationLabel('teleport.customer', 'en')).toBe('Change (teleport.customer)');
    // Names that are not of the form area.verb never become i18n keys.
    expect(mutationLabel('mutation.unknown', 'en')).toBe('Change (mutation.unknown)');
  });

  it('reads the common ones as an agent would say them', () => {
    expect(mutationLabel('callbacks.lease', 'zh-CN')).toBe('领取回访');
    expect(mutationLabel('attempts.record', 'zh-CN')).toBe('记录通话结果');
    expect(mutationLabel('vouchers.request', 'zh-CN')).toBe('申请补偿券');
    expect(mutationLabel('tickets.create', 'zh-CN')).toBe('创建工单');
    expect(mutationLabel('callbacks.lease', 'en')).toBe('Take a callback');
  });

  it('shortens ids to their last six characters', () => {
    expect(shortId('01J9ZK3M7Q9XZ4ABCDEF')).toBe('#ABCDEF');
    expect(shortId('cb-1')).toBe('#CB1');
    expect(shortId('')).toBe('–');
    expect(shortId(null)).toBe('–');
  });

  it('cuts long free text on one line', () => {
    expect(excerpt('  a\n b  ')).toBe('a b');
    expect(excerpt('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(excerpt('')).toBeNull();
    expect(excerpt(42)).toBeNull();
  });

  it('shows a voucher request with its amount in ¥ and two decimals, its customer and reason', () => {
    const item = {
      name: 'vouchers.request',
      args: { kind: 'cashback', amountFen: 8800, percentOff: null, points: null, customerId: 'cust-000123456', ticketId: null, reasonCode: 'delay', note: '补偿延误' },
    };
    const zhSummary = describeChange(item, 'zh-CN');
    expect(zhSummary.action).toBe('申请补偿券');
    expect(zhSummary.facts).toEqual([
      { key: 'value', value: '返现 ¥88.00' },
      { key: 'customer', value: '#123456' },
      { key: 'reason', value: '处理延误' },
      { key: 'note', value: '补偿延误' },
    ]);
    const enSummary = describeChange({ ...item, args: { ...item.args, kind: 'discount_fixed', amountFen: 1205 } }, 'en');
    expect(enSummary.facts[0]).toEqual({ key: 'value', value: '¥12.05 off coupon' });
  });

  it('shows a recorded outcome with the callback and the disposition in the UI language', () => {
    const args = { callbackId: 'cb-0000abc123', disposition: 'no_answer', notes: '', callbackAt: null };
    expect(describeChange({ name: 'attempts.record', args }, 'zh-CN').facts).toEqual([
      { key: 'callback', value: '#ABC123' },
      { key: 'result', value: '无人接听' },
    ]);
    expect(describeChange({ name: 'attempts.record', args }, 'en').facts[1]).toEqual({ key: 'result', value: 'No answer' });
  });

  it('shows a ticket by its subject and priority, a status change by its target', () => {
    const created = describeChange({ name: 'tickets.create', args: { subject: '扣款未到账', priority: 'P2', category: '支付', customerId: null } }, 'zh-CN');
    expect(created.facts).toEqual([
      { key: 'subject', value: '扣款未到账' },
      { key: 'priority', value: 'P2 高' },
      { key: 'category', value: '支付' },
    ]);
    const moved = describeChange({ name: 'tickets.transition', args: { ticketId: 't-00000099zz', to: 'resolved', reason: '' } }, 'en');
    expect(moved.facts).toEqual([
      { key: 'ticket', value: '#0099ZZ' },
      { key: 'status', value: 'Resolved' },
    ]);
  });

  it('copes with arguments of the wrong shape (a refused change may be malformed)', () => {
    const odd = describeChange({ name: 'vouchers.request', args: { kind: 42, amountFen: 'lots', customerId: ['x'] } }, 'zh-CN');
    expect(odd.action).toBe('申请补偿券');
    expect(odd.facts).toEqual([]);
    expect(describeChange({ name: 'x.y', args: {} }, 'en')).toEqual({ action: 'Change (x.y)', facts: [] });
  });
});

describe('team server form and status helpers', () => {
  it('accepts the addresses the contract accepts, tidied', () => {
    expect(normalizeServerUrl(' http://127.0.0.1:8787/ ')).toBe('http://127.0.0.1:8787');
    for (const ok of ['http://127.0.0.1:8787', 'https://callback.example.com', 'https://h/api']) expect(SERVER_URL_PATTERN.test(ok), ok).toBe(true);
    for (const bad of ['127.0.0.1:8787', 'ftp://h', 'http://', 'http://a b']) expect(SERVER_URL_PATTERN.test(bad), bad).toBe(false);
  });

  it('warns of clock skew beyond two minutes only', () => {
    expect(skewMinutes(null)).toBeNull();
    expect(skewMinutes({ clockSkewMs: null })).toBeNull();
    expect(skewMinutes({ clockSkewMs: 120_000 })).toBeNull();
    expect(skewMinutes({ clockSkewMs: -120_001 })).toBe(2);
    expect(skewMinutes({ clockSkewMs: 5 * 60_000 })).toBe(5);
  });
});

