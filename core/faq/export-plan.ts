import { DateTime, IANAZone } from 'luxon';

/**
 * What every export format shares: which entries appear in which locale, in what order, under which
 * anchors, and the few interface words a file needs. Formats only decide how to write this down,
 * so Markdown, HTML, CSV and JSON never disagree about content or order.
 */

export const FAQ_LOCALES = ['zh-CN', 'en'] as const;
export type FaqLocale = (typeof FAQ_LOCALES)[number];

export const FAQ_FORMATS = ['md', 'html', 'csv', 'json'] as const;
export type FaqFormat = (typeof FAQ_FORMATS)[number];

export interface FaqExportEntry {
  id: string;
  revision: number;
  category: string;
  categoryLabel: { 'zh-CN': string; en: string };
  question: { 'zh-CN'?: string; en?: string };
  answer: { 'zh-CN'?: string; en?: string };
  keywords: string[];
  /** UTC epoch ms. */
  publishedAt: number;
}

export interface FaqExportOptions {
  format: FaqFormat;
  /** Non-empty. An entry appears in a locale only where both its question and answer exist in it. */
  locales: FaqLocale[];
  title: { 'zh-CN': string; en: string };
  /** UTC epoch ms; passed in because core reads no clock. */
  generatedAt: number;
  /** IANA zone for the dates shown; Asia/Shanghai when absent. */
  timezone?: string;
}

export const DEFAULT_FAQ_TIMEZONE = 'Asia/Shanghai';

export interface PlannedEntry {
  entry: FaqExportEntry;
  question: string;
  answer: string;
  anchor: string;
}

export interface PlannedCategory {
  key: string;
  label: string;
  anchor: string;
  entries: PlannedEntry[];
}

export interface PlannedSection {
  locale: FaqLocale;
  title: string;
  anchor: string;
  categories: PlannedCategory[];
  count: number;
}

export interface Plan {
  locales: FaqLocale[];
  zone: string;
  generatedAt: number;
  sections: PlannedSection[];
  /** Every entry shown in at least one locale, once, in the order of the first section it appears in. */
  entries: FaqExportEntry[];
}

export interface Words {
  language: string;
  contents: string;
  keywords: string;
  keywordSeparator: string;
  published: string;
  backToContents: string;
  empty: string;
  generated: (when: string, zone: string, count: number) => string;
}

export const WORDS: Readonly<Record<FaqLocale, Words>> = {
  'zh-CN': {
    language: '简体中文',
    contents: '目录',
    keywords: '关键词',
    keywordSeparator: '、',
    published: '发布于',
    backToContents: '返回目录',
    empty: '暂无常见问题。',
    generated: (when, zone, count) => `生成于 ${when}（${zone}）· 共 ${count} 条`,
  },
  en: {
    language: 'English',
    contents: 'Contents',
    keywords: 'Keywords',
    keywordSeparator: ', ',
    published: 'Published',
    backToContents: 'Back to contents',
    empty: 'There are no FAQ entries.',
    generated: (when, zone, count) => `Generated ${when} (${zone}) · ${count} ${count === 1 ? 'entry' : 'entries'}`,
  },
};

const present = (s: string | undefined): s is string => s !== undefined && s.trim() !== '';

/** Fixed locale for digits: the host's default locale must not change the bytes of an export. */
function zoned(ms: number, zone: string): DateTime {
  const dt = DateTime.fromMillis(ms, { zone, locale: 'en-US' });
  if (!Number.isFinite(ms) || !dt.isValid) throw new RangeError(`Not a valid time: ${ms}`);
  return dt;
}

export const isoIn = (ms: number, zone: string) => zoned(ms, zone).toISO({ suppressMilliseconds: true })!;
export const minuteIn = (ms: number, zone: string) => zoned(ms, zone).toFormat('yyyy-MM-dd HH:mm');
export const dayIn = (ms: number, zone: string) => zoned(ms, zone).toFormat('yyyy-MM-dd');

/** Code-unit order as the last tie-break: collation alone may call two different strings equal. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Anchors are ASCII so they survive copy-paste and every Markdown/HTML tool; unique per document. */
function anchorMaker() {
  const used = new Set<string>();
  return (prefix: string, raw: string, fallback: string) => {
    const slug = raw.normalize('NFKC').toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || fallback;
    let id = `${prefix}-${slug}`;
    for (let n = 2; used.has(id); n++) id = `${prefix}-${slug}-${n}`;
    used.add(id);
    return id;
  };
}

export function plan(entries: readonly FaqExportEntry[], options: FaqExportOptions): Plan {
  const locales = [...new Set(options.locales)];
  if (locales.length === 0) throw new RangeError('At least one locale is needed');
  for (const l of locales) if (!FAQ_LOCALES.includes(l)) throw new RangeError(`Unknown locale: ${String(l)}`);
  const zone = options.timezone ?? DEFAULT_FAQ_TIMEZONE;
  if (!IANAZone.isValidZone(zone)) throw new RangeError(`Unknown time zone: ${zone}`);
  minuteIn(options.generatedAt, zone);
  for (const e of entries) zoned(e.publishedAt, zone);

  const anchor = anchorMaker();
  const sections = locales.map((locale): PlannedSection => {
    const prefix = locale === 'zh-CN' ? 'zh' : 'en';
    const collator = new Intl.Collator(locale, { numeric: true });
    const compare = (a: string, b: string) => collator.compare(a, b) || byCodeUnit(a, b);
    const groups = new Map<string, PlannedCategory>();
    const shown = entries.filter((e) => present(e.question[locale]) && present(e.answer[locale]));
    for (const e of shown) {
      let group = groups.get(e.category);
      if (!group) {
        group = { key: e.category, label: e.categoryLabel[locale]?.trim() || e.category, anchor: '', entries: [] };
        groups.set(e.category, group);
      }
      group.entries.push({ entry: e, question: e.question[locale]!.trim(), answer: e.answer[locale]!, anchor: '' });
    }
    const categories = [...groups.values()].sort((a, b) => compare(a.label, b.label) || byCodeUnit(a.key, b.key));
    categories.forEach((c, i) => {
      c.anchor = anchor(`${prefix}-c`, c.key, String(i + 1));
      c.entries.sort((a, b) => compare(a.question, b.question) || byCodeUnit(a.entry.id, b.entry.id) || a.entry.revision - b.entry.revision);
      c.entries.forEach((p, j) => (p.anchor = anchor(`${prefix}-q`, p.entry.id, `${i + 1}-${j + 1}`)));
    });
    return { locale, title: options.title[locale], anchor: prefix, categories, count: shown.length };
  });

  const seen = new Set<FaqExportEntry>();
  const ordered: FaqExportEntry[] = [];
  for (const s of sections) {
    for (const c of s.categories) {
      for (const p of c.entries) {
        if (!seen.has(p.entry)) {
          seen.add(p.entry);
          ordered.push(p.entry);
        }
      }
    }
  }
  return { locales, zone, generatedAt: options.generatedAt, sections, entries: ordered };
}

/** Answers are written as plain text; each non-blank line becomes a paragraph in every format. */
export const paragraphs = (answer: string) =>
  answer
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
