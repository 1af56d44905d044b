import type { FaqRedactionNote } from '../contract/views-faq';
import type { FaqFinding } from '../faq/findings';
import type { FaqStatus } from '../faq/workflow';
import { all, get, run, type Q, write } from './sql';

/*
 * FAQ entries (one row each, the workflow state), their revisions (the text, every version kept) and
 * their source tickets. The newest revision is `latest_revision`; what the help centre shows is
 * `published_revision`, which may be older while a new revision is drafted and reviewed.
 */

export interface FaqEntryRecord {
  id: string;
  status: FaqStatus;
  category: string;
  latestRevision: number;
  publishedRevision: number | null;
  needsReview: number;
  needsReviewReason: string | null;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  publishedAt: number | null;
  publishedBy: string | null;
}

export interface FaqRevisionRecord {
  id: string;
  entryId: string;
  revision: number;
  category: string;
  questionZh: string;
  answerZh: string;
  questionEn: string;
  answerEn: string;
  keywords: string[];
  redactions: FaqRedactionNote[];
  createdAt: number;
  createdBy: string;
}

export const ENTRY_COLUMNS = `e.id, e.status, e.category, e.latest_revision AS "latestRevision", e.published_revision AS "publishedRevision",
  e.needs_review AS "needsReview", e.needs_review_reason AS "needsReviewReason", e.created_at AS "createdAt", e.created_by AS "createdBy",
  e.updated_at AS "updatedAt", e.published_at AS "publishedAt", e.published_by AS "publishedBy"`;

export const REVISION_COLUMNS = `r.id, r.entry_id AS "entryId", r.revision, r.category, r.question_zh AS "questionZh", r.answer_zh AS "answerZh",
  r.question_en AS "questionEn", r.answer_en AS "answerEn", r.keywords, r.redactions, r.created_at AS "createdAt", r.created_by AS "createdBy"`;

export type RawRevision = Omit<FaqRevisionRecord, 'keywords' | 'redactions'> & { keywords: string; redactions: string };
export const toRevision = (r: RawRevision): FaqRevisionRecord => ({ ...r, keywords: JSON.parse(r.keywords), redactions: JSON.parse(r.redactions) });

export function getFaqEntry(id: string): Q<FaqEntryRecord | undefined> {
  return get<FaqEntryRecord>(`SELECT ${ENTRY_COLUMNS} FROM faq_entries e WHERE e.id = ?`, [id]);
}

export function* insertFaqEntry(e: FaqEntryRecord): Q<void> {
  yield* write(
    `INSERT INTO faq_entries (id, status, category, latest_revision, published_revision, needs_review, needs_review_reason,
       created_at, created_by, updated_at, published_at, published_by)
     VALUES (@id, @status, @category, @latestRevision, @publishedRevision, @needsReview, @needsReviewReason,
       @createdAt, @createdBy, @updatedAt, @publishedAt, @publishedBy)`,
    e,
  );
}

/** Writes every mutable column of the entry row (appliers read, change and write back). */
export function* updateFaqEntry(e: FaqEntryRecord): Q<void> {
  yield* write(
    `UPDATE faq_entries SET status = @status, category = @category, latest_revision = @latestRevision,
       published_revision = @publishedRevision, needs_review = @needsReview, needs_review_reason = @needsReviewReason,
       updated_at = @updatedAt, published_at = @publishedAt, published_by = @publishedBy
     WHERE id = @id`,
    {
      id: e.id,
      status: e.status,
      category: e.category,
      latestRevision: e.latestRevision,
      publishedRevision: e.publishedRevision,
      needsReview: e.needsReview,
      needsReviewReason: e.needsReviewReason,
      updatedAt: e.updatedAt,
      publishedAt: e.publishedAt,
      publishedBy: e.publishedBy,
    },
  );
}

export function* insertFaqRevision(r: FaqRevisionRecord): Q<void> {
  yield* write(
    `INSERT INTO faq_revisions (id, entry_id, revision, category, question_zh, answer_zh, question_en, answer_en, keywords,
       redactions, created_at, created_by)
     VALUES (@id, @entryId, @revision, @category, @questionZh, @answerZh, @questionEn, @answerEn, @keywords, @redactions,
       @createdAt, @createdBy)`,
    { ...r, keywords: JSON.stringify(r.keywords), redactions: JSON.stringify(r.redactions) },
  );
}

/** Rewrites the text of a revision that has never been published (a working draft). */
export function* updateFaqRevisionText(
  entryId: string,
  revision: number,
  t: Pick<FaqRevisionRecord, 'category' | 'questionZh' | 'answerZh' | 'questionEn' | 'answerEn' | 'keywords'>,
): Q<void> {
  yield* write(
    `UPDATE faq_revisions SET category = @category, question_zh = @questionZh, answer_zh = @answerZh, question_en = @questionEn,
       answer_en = @answerEn, keywords = @keywords
     WHERE entry_id = @entryId AND revision = @revision`,
    { ...t, keywords: JSON.stringify(t.keywords), entryId, revision },
  );
}

export function* getFaqRevision(entryId: string, revision: number): Q<FaqRevisionRecord | undefined> {
  const r = yield* get<RawRevision>(`SELECT ${REVISION_COLUMNS} FROM faq_revisions r WHERE r.entry_id = ? AND r.revision = ?`, [entryId, revision]);
  return r && toRevision(r);
}

export function* faqSourceIds(entryId: string): Q<string[]> {
  const rows = yield* all<{ id: string }>('SELECT ticket_id AS id FROM faq_sources WHERE entry_id = ? ORDER BY ticket_id', [entryId]);
  return rows.map((r) => r.id);
}

export function* replaceFaqSources(entryId: string, ticketIds: readonly string[]): Q<void> {
  yield* write('DELETE FROM faq_sources WHERE entry_id = ?', [entryId]);
  for (const t of [...new Set(ticketIds)].sort()) yield* write('INSERT INTO faq_sources (entry_id, ticket_id) VALUES (?, ?)', [entryId, t]);
}

/** A source ticket reopened after its FAQ entry was published: the entry needs another look. */
export function markFaqNeedsReview(ticketId: string, at: number): Q<number> {
  return run(
    `UPDATE faq_entries SET needs_review = 1, needs_review_reason = @reason, updated_at = @at
      WHERE published_revision IS NOT NULL AND status <> 'retired'
        AND id IN (SELECT entry_id FROM faq_sources WHERE ticket_id = @ticketId)`,
    { ticketId, at, reason: `ticket_reopened:${ticketId}` },
  );
}

/**
 * The names the personal-data check looks for in an entry: every team member's, and the customers' of
 * the given source tickets (what the editor's check and the pre-fill mask).
 */
export function* faqPersonNames(ticketIds: readonly string[]): Q<string[]> {
  const users = yield* all<{ name: string }>('SELECT name FROM users ORDER BY id');
  const names = users.map((u) => u.name);
  for (const id of ticketIds) {
    const c = yield* get<{ name: string | null }>('SELECT c.name FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.id = ?', [id]);
    if (c?.name) names.push(c.name);
  }
  return names;
}

/** What supervisors confirmed as not personal in one revision of an entry (from the audit log, where each confirmation is kept). */
export function* faqConfirmedFindings(entryId: string, revision: number): Q<FaqFinding[]> {
  const rows = yield* all<{ details: string }>(
    `SELECT details FROM audit_log WHERE subject_type = 'faq' AND subject_id = ? AND action = 'faq.confirm_not_personal' ORDER BY at, id`,
    [entryId],
  );
  const out: FaqFinding[] = [];
  for (const r of rows) {
    const d = JSON.parse(r.details) as { revision?: number; field?: FaqFinding['field']; kind?: FaqFinding['kind']; value?: string };
    if (d.revision === revision && d.field && d.kind && typeof d.value === 'string') out.push({ field: d.field, kind: d.kind, value: d.value });
  }
  return out;
}
