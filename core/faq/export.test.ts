import { describe, expect, it } from 'vitest';
import { csvCell } from './export-data';
import { escapeMarkdown } from './export-md';
import { parseFaqFormat, renderFaq } from './export';
import type { FaqExportEntry, FaqExportOptions } from './export';

// 2026-11-23 10:00 in Shanghai.
const GENERATED_AT = Date.UTC(2026, 10, 23, 2, 0);
const day = (d: number) => Date.UTC(2026, 10, d, 1, 30);

const ACCOUNT = { 'zh-CN': '账户与安全', en: 'Account & security' };
const WITHDRAW = { 'zh-CN': '提现', en: 'Withdrawals' };

// Given out of order on purpose: the output order must come from the rules, not the input.
const ENTRIES: FaqExportEntry[] = [
  {
    id: 'faq-withdraw-time',
    revision: 2,
    category: 'withdrawals',
    categoryLabel: WITHDRAW,
    question: { 'zh-CN': '提现多久到账？', en: 'How long does a withdrawal take?' },
    answer: {
      'zh-CN': '工作日 13:00 前提交的提现当天到账。\n节假日顺延到下一个工作日。',
      en: 'Withdrawals made before 13:00 on a working day arrive the same day.\n\nOn holidays they arrive the next working day.',
    },
    keywords: ['提现', '到账时间'],
    publishedAt: day(20),
  },
  {
    id: 'faq-pay-password',
    revision: 3,
    category: 'account',
    categoryLabel: ACCOUNT,
    question: { 'zh-CN': '如何修改支付密码？', en: 'How do I change my payment password?' },
    answer: {
      'zh-CN': '1. 打开「我的」→「安全中心」\n2. 选择「修改支付密码」，按提示验证身份',
      en: '1. Open *Me* → Security\n2. Choose "Change payment password" & verify it is you',
    },
    keywords: ['支付密码', 'password'],
    publishedAt: day(18),
  },
  {
    id: 'faq-voucher-zh',
    revision: 1,
    category: 'account',
    categoryLabel: ACCOUNT,
    question: { 'zh-CN': '补偿券在哪里查看？' },
    answer: { 'zh-CN': '在「我的 → 卡券」中查看，券码形如 [券码]。' },
    keywords: [],
    publishedAt: day(21),
  },
  {
    id: 'faq-escaping',
    revision: 1,
    category: 'withdrawals',
    categoryLabel: WITHDRAW,
    question: { 'zh-CN': '手续费 = 0.1% 吗？<b>', en: '=SUM(A1:A2) fees, "really"?' },
    answer: {
      'zh-CN': '<script>alert(1)</script> 费率 0.1% & 最低 ¥0.10\n# 不是标题\n- 不是列表',
      en: '<script>alert(1)</script> Fee is 0.1% & at least ¥0.10, see [terms](http://x)',
    },
    keywords: ['-手续费', '@fee'],
    publishedAt: day(22),
  },
];

const options = (format: FaqExportOptions['format'], locales: FaqExportOptions['locales'] = ['zh-CN', 'en']): FaqExportOptions => ({
  format,
  locales,
  title: { 'zh-CN': '常见问题', en: 'Frequently asked questions' },
  generatedAt: GENERATED_AT,
});

describe('golden files', () => {
  it.each(['md', 'html', 'csv', 'json'] as const)('%s', async (format) => {
    const r = renderFaq(ENTRIES, options(format));
    expect(r.count).toBe(4);
    expect(r.extension).toBe(format);
    await expect(r.content).toMatchFileSnapshot(`./__golden__/faq.${format}`);
  });

  it('English only, as Markdown', async () => {
    await expect(renderFaq(ENTRIES, options('md', ['en'])).content).toMatchFileSnapshot('./__golden__/faq-en.md');
  });
});

describe('renderFaq', () => {
  it('is deterministic whatever the input order', () => {
    for (const format of ['md', 'html', 'csv', 'json'] as const) {
      expect(renderFaq([...ENTRIES].reverse(), options(format)).content).toBe(renderFaq(ENTRIES, options(format)).content);
    }
  });

  it('shows an entry in a locale only where question and answer both exist', () => {
    const en = renderFaq(ENTRIES, options('csv', ['en']));
    expect(en.count).toBe(3);
    expect(en.content).not.toContain('faq-voucher-zh');
    const zh = renderFaq(ENTRIES, options('csv', ['zh-CN']));
    expect(zh.count).toBe(4);
    expect(zh.content.split('\r\n').filter((l) => l.startsWith('faq-'))).toHaveLength(4);
    const blank = { ...ENTRIES[1]!, id: 'blank-en', answer: { 'zh-CN': '答案', en: '   ' } };
    expect(renderFaq([blank], options('json', ['en'])).count).toBe(0);
  });

  it('lists locales in the order asked, once each', () => {
    const json = JSON.parse(renderFaq(ENTRIES, options('json', ['en', 'zh-CN', 'en'])).content);
    expect(json.locales).toEqual(['en', 'zh-CN']);
    expect(json.entries[0].locales).toEqual(['en', 'zh-CN']);
  });

  it('renders an empty selection as a valid document that says so', () => {
    const md = renderFaq([], options('md', ['zh-CN']));
    expect(md.count).toBe(0);
    expect(md.content).toContain('# 常见问题');
    expect(md.content).toContain('暂无常见问题。');
    const html = renderFaq([], options('html', ['en'])).content;
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('There are no FAQ entries.');
    expect(html).not.toContain('class="toc"');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(renderFaq([], options('csv')).content).toBe('\uFEFFid,revision,locale,category,question,answer,keywords,published_at\r\n');
    expect(JSON.parse(renderFaq([], options('json')).content)).toEqual({
      title: { 'zh-CN': '常见问题', en: 'Frequently asked questions' },
      generatedAt: '2026-11-23T10:00:00+08:00',
      locales: ['zh-CN', 'en'],
      entries: [],
    });
  });

  it('escapes HTML in every piece of entry text', () => {
    const html = renderFaq(ENTRIES, options('html')).content;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 费率 0.1% &amp; 最低 ¥0.10');
    expect(html).toContain('<h3 class="category-title">Account &amp; security</h3>');
    expect(html).toContain('&quot;really&quot;');
    // Each answer line is its own paragraph.
    expect(html).toContain('<p>工作日 13:00 前提交的提现当天到账。</p>\n<p>节假日顺延到下一个工作日。</p>');
  });

  it('is one self-contained page', () => {
    const html = renderFaq(ENTRIES, options('html')).content;
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
    for (const id of ['zh-c-account', 'zh-q-faq-pay-password', 'en-c-withdrawals', 'en-q-faq-escaping']) {
      expect(html).toContain(`id="${id}"`);
      expect(html).toContain(`href="#${id}"`);
    }
  });

  it('neutralises formulas and quotes per RFC 4180 in CSV', () => {
    const csv = renderFaq(ENTRIES, options('csv', ['en'])).content;
    expect(csv.startsWith('\uFEFFid,')).toBe(true);
    expect(csv).toContain(`"'=SUM(A1:A2) fees, ""really""?"`);
    expect(csv).toContain(`'-手续费; @fee`);
    expect(csvCell('@x')).toBe(`'@x`);
    expect(csvCell('+1')).toBe(`'+1`);
    expect(csvCell('\tcmd')).toBe(`'\tcmd`);
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('plain 文本')).toBe('plain 文本');
  });

  it('shows dates in the zone asked for', () => {
    const json = JSON.parse(renderFaq(ENTRIES.slice(0, 1), { ...options('json'), timezone: 'America/New_York' }).content);
    expect(json.generatedAt).toBe('2026-11-22T21:00:00-05:00');
    expect(json.entries[0].publishedAt).toBe('2026-11-19T20:30:00-05:00');
  });

  it('refuses what it cannot render', () => {
    expect(() => renderFaq(ENTRIES, options('md', []))).toThrow(RangeError);
    expect(() => renderFaq(ENTRIES, { ...options('md'), timezone: 'Mars/Base' })).toThrow(RangeError);
    expect(() => renderFaq(ENTRIES, { ...options('md'), generatedAt: Number.NaN })).toThrow(RangeError);
    expect(() => renderFaq(ENTRIES, options('pdf' as 'md'))).toThrow(RangeError);
  });
});

describe('escapeMarkdown', () => {
  it('escapes what Markdown would act on and leaves plain text alone', () => {
    expect(escapeMarkdown('提现多久到账？')).toBe('提现多久到账？');
    expect(escapeMarkdown('# 不是标题')).toBe('\\# 不是标题');
    expect(escapeMarkdown('- 不是列表')).toBe('\\- 不是列表');
    expect(escapeMarkdown('1. 打开')).toBe('1\\. 打开');
    expect(escapeMarkdown('*Me* & [x](y) <b>')).toBe('\\*Me\\* \\& \\[x\\](y) \\<b\\>');
    expect(escapeMarkdown('¥1,234.56 a-b')).toBe('¥1,234.56 a-b');
  });
});

describe('parseFaqFormat', () => {
  it('accepts format names as users and file names give them', () => {
    expect(parseFaqFormat('md')).toBe('md');
    expect(parseFaqFormat(' HTML ')).toBe('html');
    expect(parseFaqFormat('.csv')).toBe('csv');
    expect(parseFaqFormat('markdown')).toBe('md');
    expect(parseFaqFormat('json')).toBe('json');
    expect(parseFaqFormat('pdf')).toBeNull();
    expect(parseFaqFormat('')).toBeNull();
  });
});
