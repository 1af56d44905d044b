import type { FaqRedactionNote } from '../../core/contract/views-faq';
import type { FaqStatus } from '../../core/faq/workflow';
import type { Db } from '../open';
import { stmt } from './stmt';

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

const ENTRY_COLUMNS = `e.id, e.status, e.category, e.latest_revision AS latestRevision, e.published_revision AS publishedRevision,
  e.needs_review AS needsReview, e.needs_review_reason AS needsReviewReason, e.created_at AS createdAt, e.created_by AS createdBy,
  e.updated_at AS updatedAt, e.published_at AS publishedAt, e.published_by AS publishedBy`;

const REVISION_COLUMNS = `r.id, r.entry_id AS entryId, r.revision, r.category, r.question_zh AS questionZh, r.answer_zh AS answerZh,
  r.question_en AS questionEn, r.answer_en AS answerEn, r.keywords, r.redactions, r.created_at AS createdAt, r.created_by AS createdBy`;

type RawRevision = Omit<FaqRevisionRecord, 'keywords' | 'redactions'> & { keywords: string; redactions: string };
const toRevision = (r: RawRevision): FaqRevisionRecord => ({ ...r, keywords: JSON.parse(r.keywords), redactions: JSON.parse(r.redactions) });

export function getFaqEntry(db: Db, id: string): FaqEntryRecord | undefined {
  return stmt(db, `SELECT ${ENTRY_COLUMNS} FROM faq_entries e WHERE e.id = ?`).get(id) as FaqEntryRecord | undefined;
}

export function insertFaqEntry(db: Db, e: FaqEntryRecord): void {
  stmt(
    db,
    `INSERT INTO faq_entries (id, status, category, latest_revision, published_revision, needs_review, needs_review_reason,
       created_at, created_by, updated_at, published_at, published_by)
     VALUES (@id, @status, @category, @latestRevision, @publishedRevision, @needsReview, @needsReviewReason,
       @createdAt, @createdBy, @updatedAt, @publishedAt, @publishedBy)`,
  ).run(e);
}

/** Writes every mutable column of the entry row (appliers read, change and write back). */
export function updateFaqEntry(db: Db, e: FaqEntryRecord): void {
  stmt(
    db,
    `UPDATE faq_entries SET status = @status, category = @category, latest_revision = @latestRevision,
       published_revision = @publishedRevision, needs_review = @needsReview, needs_review_reason = @needsReviewReason,
       updated_at = @updatedAt, published_at = @publishedAt, published_by = @publishedBy
     WHERE id = @id`,
  ).run({
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
  });
}

export function insertFaqRevision(db: Db, r: FaqRevisionRecord): void {
  stmt(
    db,
    `INSERT INTO faq_revisions (id, entry_id, revision, category, question_zh, answer_zh, question_en, answer_en, keywords,
       redactions, created_at, created_by)
     VALUES (@id, @entryId, @revision, @category, @questionZh, @answerZh, @questionEn, @answerEn, @keywords, @redactions,
       @createdAt, @createdBy)`,
  ).run({ ...r, keywords: JSON.stringify(r.keywords), redactions: JSON.stringify(r.redactions) });
}

/** Rewrites the text of a revision that has never been published (a working draft). */
export function updateFaqRevisionText(
  db: Db,
  entryId: string,
  revision: number,
  t: Pick<FaqRevisionRecord, 'category' | 'questionZh' | 'answerZh' | 'questionEn' | 'answerEn' | 'keywords'>,
): void {
  stmt(
    db,
    `UPDATE faq_revisions SET category = @category, question_zh = @questionZh, answer_zh = @answerZh, question_en = @questionEn,
       answer_en = @answerEn, keywords = @keywords
     WHERE entry_id = @entryId AND revision = @revision`,
  ).run({ ...t, keywords: JSON.stringify(t.keywords), entryId, revision });
}

export function getFaqRevision(db: Db, entryId: string, revision: number): FaqRevisionRecord | undefined {
  const r = stmt(db, `SELECT ${REVISION_COLUMNS} FROM faq_revisions r WHERE r.entry_id = ? AND r.revision = ?`).get(entryId, revision) as
    | RawRevision
    | undefined;
  return r && toRevision(r);
}

/** Newest first. */
export function faqRevisions(db: Db, entryId: string): FaqRevisionRecord[] {
  return (stmt(db, `SELECT ${REVISION_COLUMNS} FROM faq_revisions r WHERE r.entry_id = ? ORDER BY r.revision DESC`).all(entryId) as RawRevision[]).map(
    toRevision,
  );
}

export function faqSourceIds(db: Db, entryId: string): string[] {
  return (stmt(db, 'SELECT ticket_id AS id FROM faq_sources WHERE entry_id = ? ORDER BY ticket_id').all(entryId) as { id: string }[]).map((r) => r.id);
}

export function replaceFaqSources(db: Db, entryId: string, ticketIds: readonly string[]): void {
  stmt(db, 'DELETE FROM faq_sources WHERE entry_id = ?').run(entryId);
  const insert = stmt(db, 'INSERT INTO faq_sources (entry_id, ticket_id) VALUES (?, ?)');
  for (const t of [...new Set(ticketIds)].sort()) insert.run(entryId, t);
}

export interface FaqListRow extends FaqEntryRecord {
  questionZh: string;
  questionEn: string;
  sourceCount: number;
  createdByName: string | null;
  publishedByName: string | null;
}

export interface FaqListQuery {
  statuses: readonly FaqStatus[] | null;
  category?: string;
  needsReview: boolean;
  search: string;
  offset: number;
  limit: number;
}

const LIST_FROM = `faq_entries e
  JOIN faq_revisions r ON r.entry_id = e.id AND r.revision = e.latest_revision
  LEFT JOIN users cu ON cu.id = e.created_by
  LEFT JOIN users pu ON pu.id = e.published_by`;

/** Flagged entries first (they need someone), then the most recently changed. */
export function listFaqRows(db: Db, q: FaqListQuery): { rows: FaqListRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = { offset: q.offset, limit: q.limit };
  if (q.statuses) {
    where.push('e.status IN (SELECT value FROM json_each(@statuses))');
    params.statuses = JSON.stringify(q.statuses);
  }
  if (q.category !== undefined) {
    where.push('e.category = @category');
    params.category = q.category;
  }
  if (q.needsReview) where.push('e.needs_review = 1');
  if (q.search) {
    where.push(`(r.question_zh LIKE @like ESCAPE '\\' OR r.question_en LIKE @like ESCAPE '\\' OR r.keywords LIKE @like ESCAPE '\\')`);
    params.like = `%${q.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = stmt(
    db,
    `SELECT ${ENTRY_COLUMNS}, r.question_zh AS questionZh, r.question_en AS questionEn,
        (SELECT count(*) FROM faq_sources s WHERE s.entry_id = e.id) AS sourceCount,
        cu.name AS createdByName, pu.name AS publishedByName
       FROM ${LIST_FROM} ${clause}
      ORDER BY e.needs_review DESC, e.updated_at DESC, e.id DESC LIMIT @limit OFFSET @offset`,
  ).all(params) as FaqListRow[];
  const total = (stmt(db, `SELECT count(*) AS n FROM ${LIST_FROM} ${clause}`).get(params) as { n: number }).n;
  return { rows, total };
}

export function getFaqListRow(db: Db, id: string): FaqListRow | undefined {
  return stmt(
    db,
    `SELECT ${ENTRY_COLUMNS}, r.question_zh AS questionZh, r.question_en AS questionEn,
        (SELECT count(*) FROM faq_sources s WHERE s.entry_id = e.id) AS sourceCount,
        cu.name AS createdByName, pu.name AS publishedByName
       FROM ${LIST_FROM} WHERE e.id = ?`,
  ).get(id) as FaqListRow | undefined;
}

export function faqStatusCounts(db: Db): { status: FaqStatus; n: number; flagged: number }[] {
  return stmt(db, 'SELECT status, count(*) AS n, sum(needs_review) AS flagged FROM faq_entries GROUP BY status').all() as {
    status: FaqStatus;
    n: number;
    flagged: number;
  }[];
}

/** The newest question of every entry that is not retired: what a new draft could duplicate. */
export function faqQuestions(db: Db): { id: string; question: string; questionEn: string; status: FaqStatus; category: string }[] {
  return stmt(
    db,
    `SELECT e.id, r.question_zh AS question, r.question_en AS questionEn, e.status, e.category
       FROM faq_entries e JOIN faq_revisions r ON r.entry_id = e.id AND r.revision = e.latest_revision
      WHERE e.status <> 'retired' ORDER BY e.id`,
  ).all() as { id: string; question: string; questionEn: string; status: FaqStatus; category: string }[];
}

/** The published revision of every entry still on the help centre, optionally of one category. */
export function publishedFaqRevisions(db: Db, category?: string): (FaqRevisionRecord & { publishedAt: number })[] {
  const rows = stmt(
    db,
    `SELECT ${REVISION_COLUMNS}, e.published_at AS publishedAt
       FROM faq_entries e JOIN faq_revisions r ON r.entry_id = e.id AND r.revision = e.published_revision
      WHERE e.status <> 'retired' AND e.published_revision IS NOT NULL AND (@category IS NULL OR r.category = @category)
      ORDER BY e.id`,
  ).all({ category: category ?? null }) as (RawRevision & { publishedAt: number })[];
  return rows.map((r) => ({ ...toRevision(r), publishedAt: r.publishedAt }));
}

export function faqEntriesOfTicket(db: Db, ticketId: string): { id: string; question: string; status: FaqStatus }[] {
  return stmt(
    db,
    `SELECT e.id, r.question_zh AS question, e.status
       FROM faq_sources s JOIN faq_entries e ON e.id = s.entry_id
       JOIN faq_revisions r ON r.entry_id = e.id AND r.revision = e.latest_revision
      WHERE s.ticket_id = ? ORDER BY e.created_at, e.id`,
  ).all(ticketId) as { id: string; question: string; status: FaqStatus }[];
}

export interface FaqAuditRow {
  id: string;
  at: number;
  action: string;
  actorName: string | null;
  details: string;
}

/** The workflow steps of one entry, oldest first (they live in the audit log). */
export function faqAuditTrail(db: Db, entryId: string): FaqAuditRow[] {
  return stmt(
    db,
    `SELECT a.id, a.at, a.action, u.name AS actorName, a.details
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
      WHERE a.subject_type = 'faq' AND a.subject_id = ? ORDER BY a.at, a.id`,
  ).all(entryId) as FaqAuditRow[];
}
