import { isoIn } from './export-plan';
import type { FaqExportEntry, FaqLocale, Plan } from './export-plan';

export const CSV_COLUMNS = ['id', 'revision', 'locale', 'category', 'question', 'answer', 'keywords', 'published_at'] as const;

const CSV_KEYWORD_SEPARATOR: Readonly<Record<FaqLocale, string>> = { 'zh-CN': '；', en: '; ' };

/**
 * One CSV cell. A cell that starts with = + - @ (or a tab / carriage return, which Excel skips
 * before looking) would run as a formula when the file is opened, so it gets a leading apostrophe
 * (OWASP "CSV injection"). Then RFC 4180: quote when needed, double the quotes.
 */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One row per entry and locale, in the same order as the documents. The category column holds the
 * label in the row's language (what a reader in Excel wants); the JSON export carries the key.
 * The BOM is what makes Excel read UTF-8 instead of the system code page; rows end in CRLF.
 */
export function renderCsv(plan: Plan): string {
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  for (const s of plan.sections) {
    for (const c of s.categories) {
      for (const p of c.entries) {
        const e = p.entry;
        const keywords = e.keywords.map((k) => k.trim()).filter((k) => k !== '');
        rows.push([
          e.id,
          e.revision,
          s.locale,
          c.label,
          p.question,
          p.answer.replace(/\r\n|\r/g, '\n').trim(),
          keywords.join(CSV_KEYWORD_SEPARATOR[s.locale]),
          isoIn(e.publishedAt, plan.zone),
        ]);
      }
    }
  }
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Only the chosen locales, and only where the entry is shown in them. */
function pick<T>(values: Partial<Record<FaqLocale, T>>, locales: readonly FaqLocale[]): Partial<Record<FaqLocale, T>> {
  const out: Partial<Record<FaqLocale, T>> = {};
  for (const l of locales) if (values[l] !== undefined) out[l] = values[l];
  return out;
}

/**
 * Objects are built key by key in a fixed order, so the same input gives the same bytes whatever
 * order the caller's objects had their keys in.
 */
export function renderJson(plan: Plan, title: Readonly<Record<FaqLocale, string>>): string {
  const shownIn = new Map<FaqExportEntry, FaqLocale[]>();
  for (const s of plan.sections) {
    for (const c of s.categories) for (const p of c.entries) shownIn.set(p.entry, [...(shownIn.get(p.entry) ?? []), s.locale]);
  }
  const text = (e: FaqExportEntry, field: 'question' | 'answer', locales: FaqLocale[]) => {
    const out: Partial<Record<FaqLocale, string>> = {};
    for (const l of locales) out[l] = field === 'question' ? e.question[l]!.trim() : e.answer[l]!.replace(/\r\n|\r/g, '\n').trim();
    return out;
  };
  const doc = {
    title: pick(title, plan.locales),
    generatedAt: isoIn(plan.generatedAt, plan.zone),
    locales: plan.locales,
    entries: plan.entries.map((e) => {
      const locales = shownIn.get(e)!;
      return {
        id: e.id,
        revision: e.revision,
        category: e.category,
        categoryLabel: pick(e.categoryLabel, plan.locales),
        locales,
        question: text(e, 'question', locales),
        answer: text(e, 'answer', locales),
        keywords: e.keywords.map((k) => k.trim()).filter((k) => k !== ''),
        publishedAt: isoIn(e.publishedAt, plan.zone),
      };
    }),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
