import { renderCsv, renderJson } from './export-data';
import { renderHtml } from './export-html';
import { renderMarkdown } from './export-md';
import { FAQ_FORMATS, plan } from './export-plan';
import type { FaqExportEntry, FaqExportOptions, FaqFormat } from './export-plan';

export { DEFAULT_FAQ_TIMEZONE, FAQ_FORMATS, FAQ_LOCALES } from './export-plan';
export type { FaqExportEntry, FaqExportOptions, FaqFormat, FaqLocale } from './export-plan';

export interface FaqRendered {
  content: string;
  mimeType: string;
  /** Without the dot. */
  extension: string;
  /** Entries shown in at least one of the chosen locales (a CSV has one row per entry and locale). */
  count: number;
}

const MIME: Readonly<Record<FaqFormat, string>> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const ALIASES: Readonly<Record<string, FaqFormat>> = { markdown: 'md', htm: 'html' };

/** A format name as a user or a file name gives it: 'MD', '.html', 'markdown'; null for anything else. */
export function parseFaqFormat(s: string): FaqFormat | null {
  const name = s.trim().toLowerCase().replace(/^\./, '');
  if ((FAQ_FORMATS as readonly string[]).includes(name)) return name as FaqFormat;
  return ALIASES[name] ?? null;
}

/**
 * Renders published FAQ entries as one file. Pure and deterministic: the same entries and options
 * give the same bytes (the time shown is `generatedAt`, the zone is `timezone`). Within each locale,
 * categories are ordered by their label and questions by their text, both with that locale's
 * collation (pinyin order for Chinese), ids breaking ties. An empty selection still renders a valid
 * document that says there is nothing in it. Throws RangeError on an empty locale list, an unknown
 * format, locale or zone, or a time that is not a number.
 */
export function renderFaq(entries: readonly FaqExportEntry[], options: FaqExportOptions): FaqRendered {
  if (!FAQ_FORMATS.includes(options.format)) throw new RangeError(`Unknown FAQ format: ${String(options.format)}`);
  const p = plan(entries, options);
  const content =
    options.format === 'md'
      ? renderMarkdown(p)
      : options.format === 'html'
        ? renderHtml(p)
        : options.format === 'csv'
          ? renderCsv(p)
          : renderJson(p, options.title);
  return { content, mimeType: MIME[options.format], extension: options.format, count: p.entries.length };
}
