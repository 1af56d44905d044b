/** FAQ curation: personal-data redaction, duplicate-question detection, and export rendering. */
export { idCheckCharacter, isResidentId, luhnValid, redact, REDACTION_KINDS, REDACTION_PLACEHOLDERS } from './redact';
export type { Redacted, Redaction, RedactionKind, RedactOptions } from './redact';
export { findSimilar, normalizeQuestion, similarity } from './similarity';
export type { FindSimilarOptions, SimilarEntry, SimilarMatch } from './similarity';
export { DEFAULT_FAQ_TIMEZONE, FAQ_FORMATS, FAQ_LOCALES, parseFaqFormat, renderFaq } from './export';
export type { FaqExportEntry, FaqExportOptions, FaqFormat, FaqLocale, FaqRendered } from './export';
export { csvCell, CSV_COLUMNS } from './export-data';
export { escapeHtml } from './export-html';
export { escapeMarkdown } from './export-md';
export { FAQ_TEXT_FIELDS, faqFindings, maskUnconfirmed, sameFinding, unconfirmedFindings } from './findings';
export type { FaqFinding, FaqTextField, FaqTexts } from './findings';
