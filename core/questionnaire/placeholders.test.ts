import { describe, expect, it } from 'vitest';
import { addressCustomer, findPlaceholders, hanSurname, renderText, unknownPlaceholders } from './placeholders';
import type { RenderContext } from './placeholders';
import { makeScript } from './testing';

describe('findPlaceholders', () => {
  it('finds each name once, in order, including unknown and malformed ones', () => {
    expect(findPlaceholders('{agent_name} 您好 {customer_name}，{agent_name}')).toEqual(['agent_name', 'customer_name']);
    expect(findPlaceholders('{CustomerName} {客户} {voucher code} {} {a{b}')).toEqual(['CustomerName', '客户', 'voucher code', 'b']);
    expect(findPlaceholders('no braces here')).toEqual([]);
  });
});

describe('unknownPlaceholders', () => {
  it('reports where each unknown name sits', () => {
    const s = makeScript(
      [
        { key: 'a', type: 'yes_no', text: 'Is {customer_name} ok?', help: 'see {ticket}' },
        { key: 'b', type: 'single', choices: [{ value: 'x', label: 'use {voucher}' }, { value: 'y', label: 'or {points}' }] },
      ],
      { opening: '{customer} hi', closing: '{agent_name}' },
    );
    expect(unknownPlaceholders(s)).toEqual([
      { where: 'opening', questionKey: null, name: 'customer' },
      { where: 'questions[0].help', questionKey: 'a', name: 'ticket' },
      { where: 'questions[1].choices[1].label', questionKey: 'b', name: 'points' },
    ]);
  });
});

describe('customer address', () => {
  const cases: [string, 'male' | 'female' | 'unknown', 'zh-CN' | 'en', string][] = [
    ['王小明', 'male', 'zh-CN', '王先生'],
    ['王小明', 'female', 'zh-CN', '王女士'],
    ['王小明', 'unknown', 'zh-CN', '王小明'],
    ['王小明', 'male', 'en', 'Mr 王'],
    ['李娜', 'female', 'en', 'Ms 李'],
    ['王小明', 'unknown', 'en', '王小明'],
    ['欧阳娜娜', 'female', 'zh-CN', '欧阳女士'],
    ['司马光', 'male', 'en', 'Mr 司马'],
    [' 王 小明 ', 'male', 'zh-CN', '王先生'],
    ['Anna Li', 'female', 'en', 'Ms Anna Li'],
    ['Anna  Li', 'female', 'zh-CN', 'Anna Li女士'],
    ['阿依古丽·买买提', 'female', 'zh-CN', '阿依古丽·买买提女士'],
    ['', 'male', 'zh-CN', '客户'],
    ['  ', 'female', 'en', 'customer'],
  ];
  for (const [name, gender, locale, expected] of cases) {
    it(`${JSON.stringify(name)} ${gender} ${locale} → ${expected}`, () => expect(addressCustomer(name, gender, locale)).toBe(expected));
  }
  it('hanSurname only for names written in Han characters', () => {
    expect(hanSurname('张三')).toBe('张');
    expect(hanSurname('诸葛亮')).toBe('诸葛');
    expect(hanSurname('欧阳')).toBe('欧阳');
    expect(hanSurname('Zhang San')).toBeNull();
    expect(hanSurname('张San')).toBeNull();
  });
});

describe('renderText', () => {
  const zh: RenderContext = { customerName: '王小明', gender: 'male', agentName: '李客服', ticketSubject: '转账未到账', voucher: '10元无门槛券', locale: 'zh-CN' };
  const en: RenderContext = { ...zh, gender: 'female', agentName: 'Lily', ticketSubject: 'Transfer delayed', voucher: '¥10 voucher', locale: 'en' };
  const text = '{customer_name}您好，我是{agent_name}。关于“{ticket_subject}”，礼遇：{voucher}。{unknown}';
  it('fills every known placeholder', () => {
    expect(renderText(text, zh)).toBe('王先生您好，我是李客服。关于“转账未到账”，礼遇：10元无门槛券。{unknown}');
    expect(renderText('Hello {customer_name}, this is {agent_name} about "{ticket_subject}" and {voucher}.', en)).toBe(
      'Hello Ms 王, this is Lily about "Transfer delayed" and ¥10 voucher.',
    );
  });
  it('never renders a blank for a missing value', () => {
    expect(renderText(text, { ...zh, ticketSubject: null, voucher: undefined, agentName: ' ' })).toBe('王先生您好，我是客服。关于“（无）”，礼遇：（无）。{unknown}');
    expect(renderText('[{ticket_subject}] [{voucher}]', { ...en, ticketSubject: '', voucher: null })).toBe('[(none)] [(none)]');
  });
  it('renders repeated placeholders each time', () => {
    expect(renderText('{customer_name}{customer_name}', { ...zh, gender: 'unknown' })).toBe('王小明王小明');
  });
});
