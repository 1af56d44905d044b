import type { ParsedInputOf } from '../../core/contract/api';
import { AppError } from '../../core/contract/result';
import type {
  FaqCheck,
  FaqDetail,
  FaqField,
  FaqHistoryAction,
  FaqHistoryItem,
  FaqPage,
  FaqRedactionNote,
  FaqRow,
  FaqSimilarView,
  FaqSourceView,
} from '../../core/contract/views-faq';
import { findSimilar } from '../../core/faq/similarity';
import { faqFindings } from '../../core/faq/findings';
import { redact } from '../../core/faq/redact';
import { allowedFaqActions, canEditFaq, FAQ_STATUSES, parseNeedsReviewReason, type FaqStatus } from '../../core/faq/workflow';
import type { Db } from '../../db/open';
import {
  faqAuditTrail,
  faqQuestions,
  faqRevisions,
  faqSourceIds,
  faqStatusCounts,
  getFaqListRow,
  listFaqRows,
  type FaqListRow,
} from '../../db/repos/faq';
import { getTicketRow } from '../../db/repos/tickets';
import { listUsers } from '../../db/repos/users';
import { currentUser, type ServiceContext } from './context';
import { runMutation } from './mutations/registry';
import { ticketCode } from '../../core/tickets';

/*
 * FAQ curation: entries drafted from resolved tickets, reviewed, published, exported (faq-export.ts),
 * pre-filled with personal data removed (faq-prefill.ts). Rules live in the appliers
 * (mutations/faq.ts); these functions gather input for them and shape what the screens show.
 */

/** Similar questions at or above this Dice score are flagged (see docs/faq.md for the method). */
export const SIMILAR_THRESHOLD = 0.5;
const SIMILAR_LIMIT = 5;

/** Names to mask: every team member's, and the customers' of the given tickets. */
export function personNames(db: Db, ticketIds: readonly string[]): string[] {
  const names = listUsers(db).map((u) => u.name);
  for (const id of ticketIds) {
    const name = getTicketRow(db, id)?.customerName;
    if (name) names.push(name);
  }
  return names;
}

export function sourceView(db: Db, ticketId: string, names: readonly string[]): FaqSourceView | null {
  const t = getTicketRow(db, ticketId);
  if (!t) return null;
  return {
    id: t.id,
    code: ticketCode(t.id),
    subject: redact(t.subject, { names }).text,
    status: t.status as FaqSourceView['status'],
    category: t.category,
    resolvedAt: t.resolvedAt,
  };
}

export function similarTo(db: Db, question: string, excludeId?: string): FaqSimilarView[] {
  const candidates = faqQuestions(db);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return findSimilar(question, candidates, SIMILAR_THRESHOLD, { excludeId })
    .slice(0, SIMILAR_LIMIT)
    .map((m) => {
      const c = byId.get(m.id)!;
      return { id: c.id, question: c.question, status: c.status, category: c.category, score: Math.round(m.score * 100) / 100 };
    });
}

/** Kinds and placeholders of the personal data `redact` finds in each field; the originals are dropped here. */
export function redactionNotes(fields: Partial<Record<FaqField, string>>, names: readonly string[]): FaqRedactionNote[] {
  const notes: FaqRedactionNote[] = [];
  for (const [field, value] of Object.entries(fields) as [FaqField, string | undefined][]) {
    if (!value) continue;
    for (const f of redact(value, { names }).found) notes.push({ field, kind: f.kind, replacement: f.replacement });
  }
  return notes;
}

function toRow(r: FaqListRow): FaqRow {
  const reason = parseNeedsReviewReason(r.needsReviewReason);
  return {
    id: r.id,
    status: r.status,
    category: r.category,
    question: r.questionZh,
    questionEn: r.questionEn,
    latestRevision: r.latestRevision,
    publishedRevision: r.publishedRevision,
    needsReview: r.needsReview === 1,
    needsReviewTicket: reason?.kind === 'ticket_reopened' ? { id: reason.ticketId, code: ticketCode(reason.ticketId) } : null,
    sourceCount: r.sourceCount,
    createdAt: r.createdAt,
    createdByName: r.createdByName,
    updatedAt: r.updatedAt,
    publishedAt: r.publishedAt,
    publishedByName: r.publishedByName,
  };
}

export function listFaq(ctx: ServiceContext, input: ParsedInputOf<'faq.list'>): FaqPage {
  currentUser(ctx);
  const statuses: readonly FaqStatus[] | null =
    input.status === 'all' ? null : input.status === 'active' ? FAQ_STATUSES.filter((s) => s !== 'retired') : [input.status];
  const { rows, total } = listFaqRows(ctx.db, { ...input, statuses });
  const counts: FaqPage['counts'] = { draft: 0, in_review: 0, published: 0, retired: 0, needsReview: 0 };
  for (const c of faqStatusCounts(ctx.db)) {
    counts[c.status] = c.n;
    if (c.status !== 'retired') counts.needsReview += c.flagged;
  }
  return { rows: rows.map(toRow), total, counts };
}

export function faqDetail(ctx: ServiceContext, id: string): FaqDetail {
  const me = currentUser(ctx);
  const r = getFaqListRow(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', 'That FAQ entry does not exist.');
  const names = new Map(listUsers(ctx.db).map((u) => [u.id, u.name]));
  const sourceIds = faqSourceIds(ctx.db, id);
  const masks = personNames(ctx.db, sourceIds);
  const needsReview = r.needsReview === 1;
  const revisions = faqRevisions(ctx.db, id);
  const newest = revisions.find((v) => v.revision === r.latestRevision);
  return {
    entry: { ...toRow(r), needsReviewReason: r.needsReviewReason },
    revisions: revisions.map((v) => ({
      revision: v.revision,
      category: v.category,
      question: v.questionZh,
      answer: v.answerZh,
      questionEn: v.questionEn,
      answerEn: v.answerEn,
      keywords: v.keywords,
      redactions: v.redactions,
      createdAt: v.createdAt,
      createdBy: v.createdBy,
      createdByName: names.get(v.createdBy) ?? null,
    })),
    sources: sourceIds.map((t) => sourceView(ctx.db, t, masks)).filter((s): s is FaqSourceView => s !== null),
    history: faqAuditTrail(ctx.db, id).map((a): FaqHistoryItem => {
      const details = JSON.parse(a.details) as { revision?: number | null; note?: string; value?: string };
      return {
        id: a.id,
        at: a.at,
        action: a.action.replace(/^faq\./, '') as FaqHistoryAction,
        actorName: a.actorName,
        revision: details.revision ?? null,
        // A confirmation's note is the text confirmed as not personal.
        note: details.note ?? details.value ?? '',
      };
    }),
    allowedActions: allowedFaqActions(r.status, me.role, needsReview),
    canEdit: canEditFaq(r.status, me.role),
    findings: newest ? faqFindings({ question: newest.questionZh, answer: newest.answerZh, questionEn: newest.questionEn, answerEn: newest.answerEn }, masks) : [],
    now: ctx.now(),
  };
}

type Content = Pick<ParsedInputOf<'faq.create'>, 'category' | 'question' | 'answer' | 'questionEn' | 'answerEn' | 'keywords' | 'sourceTicketIds'>;

const contentArgs = (c: Content) => ({
  category: c.category,
  questionZh: c.question,
  answerZh: c.answer,
  questionEn: c.questionEn,
  answerEn: c.answerEn,
  keywords: c.keywords,
  sourceTicketIds: c.sourceTicketIds,
});

export function createFaq(ctx: ServiceContext, input: ParsedInputOf<'faq.create'>): FaqDetail {
  const me = currentUser(ctx);
  const now = ctx.now();
  const entryId = ctx.newId();
  runMutation(
    ctx.db,
    'faq.create',
    { entryId, revisionId: ctx.newId(), ...contentArgs(input), redactions: input.redactions, at: now, by: me.id },
    now,
  );
  return faqDetail(ctx, entryId);
}

export function saveFaq(ctx: ServiceContext, input: ParsedInputOf<'faq.save'>): FaqDetail {
  const me = currentUser(ctx);
  const now = ctx.now();
  runMutation(
    ctx.db,
    'faq.save',
    { entryId: input.id, revisionId: ctx.newId(), baseRevision: input.revision, ...contentArgs(input), at: now, by: me.id },
    now,
  );
  return faqDetail(ctx, input.id);
}

export function transitionFaq(ctx: ServiceContext, input: ParsedInputOf<'faq.transition'>): FaqDetail {
  const me = currentUser(ctx);
  const now = ctx.now();
  // The confirmations' audit ids first, so the workflow record lists them before the publish they allow.
  const confirmed = input.action === 'publish' ? input.confirmed.map((f) => ({ ...f, auditId: ctx.newId() })) : [];
  runMutation(
    ctx.db,
    'faq.transition',
    { entryId: input.id, auditId: ctx.newId(), action: input.action, note: input.note, confirmed, at: now, by: me.id },
    now,
  );
  return faqDetail(ctx, input.id);
}

export function markFaqReviewed(ctx: ServiceContext, input: ParsedInputOf<'faq.markReviewed'>): FaqDetail {
  const me = currentUser(ctx);
  const now = ctx.now();
  runMutation(ctx.db, 'faq.markReviewed', { entryId: input.id, auditId: ctx.newId(), note: input.note, at: now, by: me.id }, now);
  return faqDetail(ctx, input.id);
}

/** The live checks of the editor: duplicates of the question, and personal data typed into the text. */
export function checkFaq(ctx: ServiceContext, input: ParsedInputOf<'faq.check'>): FaqCheck {
  currentUser(ctx);
  const names = personNames(ctx.db, input.ticketIds);
  const texts = { question: input.question, answer: input.answer, questionEn: input.questionEn, answerEn: input.answerEn };
  return {
    findings: faqFindings(texts, names),
    similar: input.question.trim() === '' ? [] : similarTo(ctx.db, input.question, input.excludeId),
    personalData: redactionNotes(
      { question: input.question, answer: input.answer, questionEn: input.questionEn, answerEn: input.answerEn },
      names,
    ),
  };
}
