import type { FaqStatus } from '../../core/faq/workflow';
import type { Db } from '../open';
import { stmt } from './stmt';
import * as store from '../../core/store/faq';
import { onDb } from '../store';
import { ENTRY_COLUMNS, REVISION_COLUMNS, toRevision } from '../../core/store/faq';
import type { FaqEntryRecord, FaqRevisionRecord, RawRevision } from '../../core/store/faq';

/*
 * FAQ entries (one row each, the workflow state), their revisions (the text, every version kept) and
 * their source tickets. The newest revision is `latest_revision`; what the help centre shows is
 * `published_revision`, which may be older while a new revision is drafted and reviewed.
 */

/** Newest first. */
export function faqRevisions(db: Db, entryId: string): FaqRevisionRecord[] {
  return (stmt(db, `SELECT ${REVISION_COLUMNS} FROM faq_revisions r WHERE r.entry_id = ? ORDER BY r.revision DESC`).all(entryId) as RawRevision[]).map(
    toRevision,
  );
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

// The appliers' reads and writes live in core/store (shared with the server); these run them on this console's SQLite.
export const getFaqEntry = onDb(store.getFaqEntry);
export const insertFaqEntry = onDb(store.insertFaqEntry);
export const updateFaqEntry = onDb(store.updateFaqEntry);
export const insertFaqRevision = onDb(store.insertFaqRevision);
export const updateFaqRevisionText = onDb(store.updateFaqRevisionText);
export const getFaqRevision = onDb(store.getFaqRevision);
export const faqSourceIds = onDb(store.faqSourceIds);
export const replaceFaqSources = onDb(store.replaceFaqSources);
export const faqConfirmedFindings = onDb(store.faqConfirmedFindings);
export const faqPersonNames = onDb(store.faqPersonNames);
export { ENTRY_COLUMNS, REVISION_COLUMNS, toRevision };
export type { FaqEntryRecord, FaqRevisionRecord, RawRevision };
