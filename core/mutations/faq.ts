import { ticketCode } from '../tickets';
import { AppError } from '../contract/result';
import { faqFindings, sameFinding, unconfirmedFindings } from '../faq/findings';
import { canEditFaq, FAQ_RULES, faqTransition, normalizeKeywords } from '../faq/workflow';
import type { MutationArgs } from '../sync/mutations';
import type { Q } from '../store/sql';
import { insertAudit } from '../store/audit';
import { getCaseSettings } from '../store/case-settings';
import {
  faqPersonNames,
  faqSourceIds,
  getFaqEntry,
  getFaqRevision,
  insertFaqEntry,
  insertFaqRevision,
  replaceFaqSources,
  updateFaqEntry,
  updateFaqRevisionText,
  type FaqEntryRecord,
} from '../store/faq';
import { getTicketRow } from '../store/tickets';
import { getUser } from '../store/users';

/*
 * Appliers of the FAQ mutations. Every rule that depends on the state or on who acts is checked here,
 * not in the service, so a server re-running the mutation refuses what this console would refuse:
 * sources must be resolved or closed when they are linked, the workflow must allow the step, and only
 * supervisors publish, retire, request changes or clear a review flag.
 */

function* actorRole(userId: string): Q<'agent' | 'supervisor'> {
  const user = yield* getUser(userId);
  if (!user) throw new AppError('NOT_FOUND', 'That user does not exist.', { field: 'by' });
  return user.role;
}

function* entryOrThrow(id: string): Q<FaqEntryRecord> {
  const e = yield* getFaqEntry(id);
  if (!e) throw new AppError('NOT_FOUND', 'That FAQ entry does not exist.');
  return e;
}

function* checkCategory(category: string, previous?: string): Q<void> {
  // A category retired since the entry was written may stay on it; a new choice must be one in use.
  if (category === previous) return;
  const known = (yield* getCaseSettings()).categories.find((c) => c.key === category);
  if (!known || known.retired) throw new AppError('BAD_INPUT', `“${category}” is not a category in use.`, { field: 'category' });
}

/**
 * Tickets newly linked must be resolved or closed now: an FAQ answers a problem that was solved. Tickets
 * already linked may since have been reopened; that flags the entry for review instead of blocking edits.
 */
function* checkSources(ticketIds: readonly string[], alreadyLinked: readonly string[]): Q<void> {
  for (const ticketId of ticketIds) {
    const t = yield* getTicketRow(ticketId);
    if (!t) throw new AppError('NOT_FOUND', 'A linked source ticket does not exist.', { field: 'sourceTicketIds', ticketId });
    if (alreadyLinked.includes(ticketId)) continue;
    if (t.status !== 'resolved' && t.status !== 'closed') {
      throw new AppError('INVALID_TRANSITION', `Only resolved or closed tickets can be the source of an FAQ entry; ${ticketCode(ticketId)} is ${t.status}.`, {
        field: 'sourceTicketIds',
        ticketId,
        status: t.status,
      });
    }
  }
}

function text(a: MutationArgs<'faq.create'> | MutationArgs<'faq.save'>) {
  return {
    category: a.category,
    questionZh: a.questionZh,
    answerZh: a.answerZh,
    questionEn: a.questionEn,
    answerEn: a.answerEn,
    keywords: normalizeKeywords(a.keywords),
  };
}

export function* applyCreateFaq(a: MutationArgs<'faq.create'>): Q<FaqEntryRecord> {
  if ((yield* getFaqEntry(a.entryId))) throw new AppError('CONFLICT', 'That FAQ entry already exists.');
  yield* actorRole(a.by);
  yield* checkCategory(a.category);
  // Stryker disable next-line ArrayDeclaration: nothing is linked to a new entry; a listed id that is not a ticket's was already refused as NOT_FOUND
  yield* checkSources(a.sourceTicketIds, []);
  const entry: FaqEntryRecord = {
    id: a.entryId,
    status: 'draft',
    category: a.category,
    latestRevision: 1,
    publishedRevision: null,
    needsReview: 0,
    needsReviewReason: null,
    createdAt: a.at,
    createdBy: a.by,
    updatedAt: a.at,
    publishedAt: null,
    publishedBy: null,
  };
  yield* insertFaqEntry(entry);
  yield* insertFaqRevision({ id: a.revisionId, entryId: a.entryId, revision: 1, ...text(a), redactions: a.redactions, createdAt: a.at, createdBy: a.by });
  yield* replaceFaqSources(a.entryId, a.sourceTicketIds);
  return entry;
}

/**
 * Saves the text. A revision that was never published is rewritten in place (a draft is work in
 * progress); once the newest revision is published, a save starts the next revision, and the published
 * one keeps serving until that one is published in turn.
 */
export function* applySaveFaq(a: MutationArgs<'faq.save'>): Q<FaqEntryRecord> {
  const e = yield* entryOrThrow(a.entryId);
  const role = yield* actorRole(a.by);
  if (e.status === 'retired') throw new AppError('INVALID_TRANSITION', 'A retired FAQ entry cannot be changed.', { status: e.status });
  if (!canEditFaq(e.status, role)) {
    throw new AppError('FORBIDDEN', 'This entry is in review: only a supervisor can change it now, or request changes to send it back to draft.');
  }
  if (a.baseRevision !== e.latestRevision) {
    throw new AppError('CONFLICT', `Someone saved revision ${e.latestRevision} of this entry after you opened it. Reload it and make your change again.`, {
      latestRevision: e.latestRevision,
    });
  }
  const latest = (yield* getFaqRevision(e.id, e.latestRevision))!;
  yield* checkCategory(a.category, latest.category);
  const linked = yield* faqSourceIds(e.id);
  yield* checkSources(a.sourceTicketIds, linked);

  const next = text(a);
  const sameText =
    next.category === latest.category &&
    next.questionZh === latest.questionZh &&
    next.answerZh === latest.answerZh &&
    next.questionEn === latest.questionEn &&
    next.answerEn === latest.answerEn &&
    JSON.stringify(next.keywords) === JSON.stringify(latest.keywords);
  const sameSources = JSON.stringify([...new Set(a.sourceTicketIds)].sort()) === JSON.stringify(linked);
  if (sameText && sameSources) return e;

  const updated: FaqEntryRecord = { ...e, category: next.category, updatedAt: a.at };
  if (!sameText) {
    if (e.publishedRevision === e.latestRevision) {
      const revision = e.latestRevision + 1;
      // What the pre-fill masked stays with the text it was masked in.
      yield* insertFaqRevision({ id: a.revisionId, entryId: e.id, revision, ...next, redactions: latest.redactions, createdAt: a.at, createdBy: a.by });
      updated.latestRevision = revision;
      updated.status = 'draft';
    } else {
      yield* updateFaqRevisionText(e.id, e.latestRevision, next);
    }
  }
  // Stryker disable next-line ConditionalExpression: a write of an equal value: the same sources replaced by themselves (deduplicated, sorted) leave the same rows
  if (!sameSources) yield* replaceFaqSources(e.id, a.sourceTicketIds);
  yield* updateFaqEntry(updated);
  return updated;
}

export function* applyFaqTransition(a: MutationArgs<'faq.transition'>): Q<FaqEntryRecord> {
  const role = yield* actorRole(a.by);
  if (FAQ_RULES[a.action].supervisorOnly && role !== 'supervisor') {
    throw new AppError('FORBIDDEN', `Only a supervisor can ${a.action === 'request_changes' ? 'request changes to' : a.action} an FAQ entry.`, {
      action: a.action,
    });
  }
  const e = yield* entryOrThrow(a.entryId);
  const to = faqTransition(e.status, a.action);
  if (to === null) {
    throw new AppError('INVALID_TRANSITION', `An FAQ entry that is ${e.status.replace('_', ' ')} cannot be ${pastTense[a.action]}.`, {
      from: e.status,
      action: a.action,
    });
  }
  const updated: FaqEntryRecord = { ...e, status: to, updatedAt: a.at };
  if (a.action === 'publish') yield* checkPersonalData(e, a);
  if (a.action === 'publish') {
    updated.publishedRevision = e.latestRevision;
    updated.publishedAt = a.at;
    updated.publishedBy = a.by;
    // Publishing is the supervisor looking at it again: a pending review flag is answered.
    updated.needsReview = 0;
    updated.needsReviewReason = null;
  }
  yield* updateFaqEntry(updated);
  yield* insertAudit({
    id: a.auditId,
    at: a.at,
    actorId: a.by,
    action: `faq.${a.action}`,
    subjectType: 'faq',
    subjectId: e.id,
    details: { revision: e.latestRevision, from: e.status, to, ...(a.note ? { note: a.note } : {}) },
  });
  return updated;
}

/**
 * Publishing puts the text in front of every customer: the personal-data check runs again on the revision
 * being published, and every finding must have been confirmed as not personal by the publishing
 * supervisor. Each confirmation that answers a finding is audited (who, when, which text, which revision).
 */
function* checkPersonalData(e: FaqEntryRecord, a: MutationArgs<'faq.transition'>): Q<void> {
  const rev = (yield* getFaqRevision(e.id, e.latestRevision))!;
  const names = yield* faqPersonNames(yield* faqSourceIds(e.id));
  const findings = faqFindings({ question: rev.questionZh, answer: rev.answerZh, questionEn: rev.questionEn, answerEn: rev.answerEn }, names);
  const open = unconfirmedFindings(findings, a.confirmed);
  if (open.length > 0) {
    throw new AppError(
      'COMPLIANCE_BLOCKED',
      `This revision still contains personal data (${open.map((f) => f.kind).join(', ')}). Remove it, or confirm each finding as not personal before publishing.`,
      { reason: 'personal_data', findings: open },
    );
  }
  for (const c of a.confirmed) {
    if (!findings.some((f) => sameFinding(f, c))) continue;
    yield* insertAudit({
      id: c.auditId,
      at: a.at,
      actorId: a.by,
      action: 'faq.confirm_not_personal',
      subjectType: 'faq',
      subjectId: e.id,
      details: { revision: e.latestRevision, field: c.field, kind: c.kind, value: c.value },
    });
  }
}

const pastTense: Record<MutationArgs<'faq.transition'>['action'], string> = {
  submit: 'submitted for review',
  request_changes: 'sent back for changes',
  publish: 'published',
  retire: 'retired',
};

/** A supervisor looked at a flagged entry and found the published text still right. */
export function* applyMarkFaqReviewed(a: MutationArgs<'faq.markReviewed'>): Q<FaqEntryRecord> {
  if ((yield* actorRole(a.by)) !== 'supervisor') throw new AppError('FORBIDDEN', 'Only a supervisor can mark an FAQ entry as reviewed.');
  const e = yield* entryOrThrow(a.entryId);
  if (!e.needsReview) throw new AppError('INVALID_TRANSITION', 'This FAQ entry is not flagged for review.', { status: e.status });
  const updated: FaqEntryRecord = { ...e, needsReview: 0, needsReviewReason: null, updatedAt: a.at };
  yield* updateFaqEntry(updated);
  yield* insertAudit({
    id: a.auditId,
    at: a.at,
    actorId: a.by,
    action: 'faq.mark_reviewed',
    subjectType: 'faq',
    subjectId: e.id,
    details: { revision: e.publishedRevision, reason: e.needsReviewReason, ...(a.note ? { note: a.note } : {}) },
  });
  return updated;
}
