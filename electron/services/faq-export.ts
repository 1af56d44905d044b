import { DateTime } from 'luxon';
import type { ParsedInputOf } from '../../core/contract/api';
import { AppError } from '../../core/contract/result';
import type { FaqExportFile } from '../../core/contract/views-faq';
import { DEFAULT_FAQ_TIMEZONE, FAQ_FORMATS, parseFaqFormat, renderFaq, type FaqExportEntry, type FaqLocale } from '../../core/faq/export';
import { categoryLabel } from '../../core/cases/settings';
import { getCaseSettings } from '../../db/repos/case-settings';
import { maskUnconfirmed } from '../../core/faq/findings';
import { faqConfirmedFindings, faqPersonNames, faqSourceIds, publishedFaqRevisions, type FaqRevisionRecord } from '../../db/repos/faq';
import type { ServiceContext } from './context';

/*
 * The published FAQ as one file, for the help centre. Only published revisions of entries that are not
 * retired are exported — a newer revision in draft or review waits for its own publish. Read only, so no
 * mutation; the console and `npm run console -- export-faq` both come here. No signed-in user is needed:
 * the content is what customers already read.
 */

const TITLE = { 'zh-CN': '常见问题', en: 'Frequently asked questions' };

export function exportFaq(ctx: ServiceContext, input: ParsedInputOf<'faq.export'>): FaqExportFile {
  const format = parseFaqFormat(input.format);
  if (!format) {
    throw new AppError('BAD_INPUT', `“${input.format}” is not an FAQ export format. Use one of: ${FAQ_FORMATS.join(', ')}.`, {
      field: 'format',
      formats: [...FAQ_FORMATS],
    });
  }
  const settings = getCaseSettings(ctx.db);
  if (input.category !== undefined && !settings.categories.some((c) => c.key === input.category)) {
    throw new AppError('BAD_INPUT', `“${input.category}” is not a category.`, { field: 'category' });
  }
  const locales = [...new Set(input.locales)] as FaqLocale[];
  const label = (key: string) => ({ 'zh-CN': categoryLabel(settings, key, 'zh-CN'), en: categoryLabel(settings, key, 'en') });
  const entries: FaqExportEntry[] = publishedFaqRevisions(ctx.db, input.category).map((published) => {
    const r = screened(ctx, published);
    return {
      id: r.entryId,
      revision: r.revision,
      category: r.category,
      categoryLabel: label(r.category),
      question: { 'zh-CN': r.questionZh, ...(r.questionEn ? { en: r.questionEn } : {}) },
      answer: { 'zh-CN': r.answerZh, ...(r.answerEn ? { en: r.answerEn } : {}) },
      keywords: r.keywords,
      publishedAt: r.publishedAt,
    };
  });
  const now = ctx.now();
  const title = input.category
    ? { 'zh-CN': `${TITLE['zh-CN']} · ${label(input.category)['zh-CN']}`, en: `${TITLE.en} · ${label(input.category).en}` }
    : TITLE;
  const rendered = renderFaq(entries, { format, locales, title, generatedAt: now, timezone: DEFAULT_FAQ_TIMEZONE });
  if (rendered.count === 0) throw emptySelection(ctx, input.category, entries.length, locales, input.category ? label(input.category).en : null);

  const day = DateTime.fromMillis(now, { zone: DEFAULT_FAQ_TIMEZONE }).toFormat('yyyyLLdd');
  const languages = locales.length === 2 ? 'zh-en' : locales[0] === 'en' ? 'en' : 'zh';
  return {
    fileName: `faq-${input.category ?? 'all'}-${languages}-${day}.${rendered.extension}`,
    content: rendered.content,
    mimeType: rendered.mimeType,
    count: rendered.count,
  };
}

/**
 * The export never carries personal data: the check runs again on the published text (an entry published
 * before the publish check existed, or names that became known since) and masks every finding a supervisor
 * did not confirm as not personal for this revision.
 */
function screened<R extends FaqRevisionRecord>(ctx: ServiceContext, r: R): R {
  const names = faqPersonNames(ctx.db, faqSourceIds(ctx.db, r.entryId));
  const confirmed = faqConfirmedFindings(ctx.db, r.entryId, r.revision);
  return {
    ...r,
    questionZh: maskUnconfirmed(r.questionZh, 'question', names, confirmed),
    answerZh: maskUnconfirmed(r.answerZh, 'answer', names, confirmed),
    questionEn: maskUnconfirmed(r.questionEn, 'questionEn', names, confirmed),
    answerEn: maskUnconfirmed(r.answerEn, 'answerEn', names, confirmed),
  };
}

/** Says which part of the selection is empty, so the user knows what to change. */
function emptySelection(ctx: ServiceContext, category: string | undefined, inCategory: number, locales: FaqLocale[], categoryName: string | null): AppError {
  const published = category === undefined ? inCategory : publishedFaqRevisions(ctx.db).length;
  if (published === 0) {
    return new AppError('BAD_INPUT', 'Nothing to export: no FAQ entry is published yet. A supervisor publishes reviewed entries first.', {
      reason: 'none_published',
    });
  }
  if (inCategory === 0) {
    return new AppError('BAD_INPUT', `Nothing to export: no published FAQ entry in the category “${categoryName}”. Choose another category or all of them.`, {
      reason: 'none_in_category',
      category,
      published,
    });
  }
  // Every entry has Chinese text, so only an English-only export can come up empty here.
  return new AppError(
    'BAD_INPUT',
    `Nothing to export: none of the ${inCategory} published entries has an English version yet. Include Chinese, or add English text to the entries and publish them.`,
    { reason: 'none_in_language', locales, published: inCategory },
  );
}
