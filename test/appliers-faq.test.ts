import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CASE_SETTINGS } from '../core/cases/settings';
import type { MutationArgs } from '../core/sync/mutations';
import { ticketCode } from '../core/tickets';
import { AGENT, HOUR, openStore, parsed, seedCustomer, SUPERVISOR, OTHER_SUPERVISOR, T, uid, withTeam, type Store } from './appliers-helpers';

/*
 * The FAQ appliers: an entry answers a problem that was solved (its sources are resolved or closed tickets
 * when linked), moves draft → in review → published (or retired) with the supervisor-only steps checked
 * here, keeps a published revision serving while the next one is edited, and is published only when every
 * personal-data finding in it was confirmed, each confirmation audited.
 */

let n = 0;
const next = () => uid(95_000 + ++n);

let s: Store;
let resolved: string;
beforeEach(() => {
  s = withTeam(openStore());
  resolved = ticket('resolved');
});

function ticket(status: 'new' | 'resolved' | 'closed'): string {
  const ticketId = next();
  const customerId = seedCustomer(s, { name: '赵小明' }).id;
  s.apply('tickets.create', { ticketId, createdEventId: next(), slaEventId: next(), priority: 'P3', category: 'payments', subject: '扣款', description: '', channel: 'phone', customerId, callbackId: null, attemptId: null, assigneeId: null, at: T - 2 * HOUR, by: AGENT });
  if (status !== 'new') s.apply('tickets.transition', { ticketId, eventId: next(), to: 'resolved', reason: '', followUpCallbackId: null, followUpSkipped: null, at: T - HOUR, by: AGENT });
  if (status === 'closed') s.apply('tickets.transition', { ticketId, eventId: next(), to: 'closed', reason: '', followUpCallbackId: null, followUpSkipped: null, at: T - HOUR + 1, by: AGENT });
  return ticketId;
}

const TEXT = { category: 'payments', questionZh: '重复扣款怎么办？', answerZh: '三个工作日内退回。', questionEn: '', answerEn: '', keywords: [' 退款 ', '退款', '扣款'] };

function create(over: Partial<MutationArgs<'faq.create'>> = {}) {
  const args = { entryId: next(), revisionId: next(), ...TEXT, sourceTicketIds: [resolved], redactions: [], at: T, by: AGENT, ...over };
  return { args, entry: s.apply('faq.create', args) };
}
const act = (entryId: string, action: MutationArgs<'faq.transition'>['action'], by = SUPERVISOR, over: Partial<MutationArgs<'faq.transition'>> = {}) =>
  s.apply('faq.transition', { entryId, auditId: next(), action, note: '', confirmed: [], at: T + HOUR, by, ...over });
const save = (entryId: string, baseRevision: number, over: Partial<MutationArgs<'faq.save'>> = {}, by = AGENT) =>
  s.apply('faq.save', { entryId, revisionId: next(), baseRevision, ...TEXT, sourceTicketIds: [resolved], at: T + 2 * HOUR, by, ...over });
const revisions = (entryId: string) => s.rows<{ revision: number; answer_zh: string }>(`SELECT revision, answer_zh FROM faq_revisions WHERE entry_id = ? ORDER BY revision`, entryId);
/** An audit entry about an FAQ entry: found under the entry (subject type faq, its id) in the audit log. */
const auditOf = (id: string, entryId?: string) => {
  const row = s.row<{ action: string; actor_id: string; details: string; subject: string }>(`SELECT action, actor_id, details, subject_type || ':' || subject_id AS subject FROM audit_log WHERE id = ?`, id);
  if (!row) return undefined;
  const { subject, ...rest } = row;
  if (entryId) expect(subject).toBe(`faq:${entryId}`);
  return { ...rest, details: parsed(row.details) };
};
const revisionText = (entryId: string, revision = 1) => {
  const row = s.row<{ keywords: string }>(
    `SELECT category, question_zh AS questionZh, answer_zh AS answerZh, question_en AS questionEn, answer_en AS answerEn, keywords FROM faq_revisions WHERE entry_id = ? AND revision = ?`,
    entryId,
    revision,
  )!;
  return { ...row, keywords: parsed(row.keywords) };
};

describe('faq.create', () => {
  it('a draft at revision 1 with its keywords normalised and its sources linked', () => {
    const { args, entry } = create();
    expect(entry).toMatchObject({ status: 'draft', latestRevision: 1, publishedRevision: null, needsReview: 0, createdBy: AGENT });
    expect(s.row(`SELECT revision, keywords FROM faq_revisions WHERE id = ?`, args.revisionId)).toEqual({ revision: 1, keywords: JSON.stringify(['退款', '扣款']) });
    expect(s.rows(`SELECT ticket_id AS ticket FROM faq_sources WHERE entry_id = ?`, args.entryId)).toEqual([{ ticket: resolved }]);
  });

  it('a closed ticket is a solved problem too: it can be a source', () => {
    const closed = ticket('closed');
    const { args } = create({ sourceTicketIds: [closed, resolved] });
    expect(s.rows(`SELECT ticket_id AS ticket FROM faq_sources WHERE entry_id = ? ORDER BY ticket_id`, args.entryId)).toEqual([resolved, closed].sort().map((ticket) => ({ ticket })));
  });

  it('refuses an entry that exists, an unknown author or category, and sources that are unknown or not yet solved', () => {
    const open = ticket('new');
    const existing = create().args.entryId;
    const unknown = next();
    const cases: [Partial<MutationArgs<'faq.create'>>, string, string, unknown][] = [
      [{ entryId: existing }, 'CONFLICT', 'That FAQ entry already exists.', undefined],
      [{ by: next() }, 'NOT_FOUND', 'That user does not exist.', { field: 'by' }],
      [{ category: 'lottery' }, 'BAD_INPUT', '“lottery” is not a category in use.', { field: 'category' }],
      [{ sourceTicketIds: [unknown] }, 'NOT_FOUND', 'A linked source ticket does not exist.', { field: 'sourceTicketIds', ticketId: unknown }],
      [{ sourceTicketIds: [resolved, open] }, 'INVALID_TRANSITION', `Only resolved or closed tickets can be the source of an FAQ entry; ${ticketCode(open)} is new.`, { field: 'sourceTicketIds', ticketId: open, status: 'new' }],
    ];
    for (const [over, code, message, details] of cases) {
      const r = s.refusal('faq.create', { entryId: next(), revisionId: next(), ...TEXT, sourceTicketIds: [resolved], redactions: [], at: T, by: AGENT, ...over });
      expect([r.code, r.message, r.details]).toEqual([code, message, details]);
    }
  });
});

describe('faq.save', () => {
  it('a draft is rewritten in place; once published, a save starts the next revision and the published one keeps serving', () => {
    const { entryId } = create().args;
    expect(save(entryId, 1, { answerZh: '五个工作日内退回。' })).toMatchObject({ latestRevision: 1, status: 'draft', updatedAt: T + 2 * HOUR });
    act(entryId, 'submit', AGENT);
    act(entryId, 'publish');
    const next2 = save(entryId, 1, { answerZh: '一个工作日内退回。' });
    expect(next2).toMatchObject({ latestRevision: 2, publishedRevision: 1, status: 'draft' });
    expect(revisions(entryId)).toEqual([
      { revision: 1, answer_zh: '五个工作日内退回。' },
      { revision: 2, answer_zh: '一个工作日内退回。' },
    ]);
    const conflict = s.refusal('faq.save', { entryId, revisionId: next(), baseRevision: 1, ...TEXT, sourceTicketIds: [resolved], at: T + 3 * HOUR, by: AGENT });
    expect([conflict.code, conflict.message, conflict.details]).toEqual([
      'CONFLICT',
      'Someone saved revision 2 of this entry after you opened it. Reload it and make your change again.',
      { latestRevision: 2 },
    ]);
  });

  // One field at a time, on a draft (rewritten in place).
  it.each([
    ['category', 'other'],
    ['questionZh', '扣了两次款怎么办？'],
    ['answerZh', '五个工作日内退回。'],
    ['questionEn', 'Charged twice?'],
    ['answerEn', 'Refunded within three working days.'],
    ['keywords', ['扣款']],
  ] as const)('a change to the %s alone is a change: saved, and the entry’s time moves', (field, value) => {
    const { entryId } = create().args;
    expect(save(entryId, 1, { [field]: value })).toMatchObject({ latestRevision: 1, updatedAt: T + 2 * HOUR });
    expect(revisionText(entryId)).toEqual({ ...TEXT, keywords: ['退款', '扣款'], [field]: value });
  });

  it('the same text and sources change nothing; other sources alone are replaced', () => {
    const { entryId } = create().args;
    const before = s.row(`SELECT * FROM faq_entries WHERE id = ?`, entryId);
    save(entryId, 1, { keywords: ['扣款', '退款'].reverse() });
    expect(s.row(`SELECT * FROM faq_entries WHERE id = ?`, entryId)).toEqual(before);
    const other = ticket('resolved');
    expect(save(entryId, 1, { sourceTicketIds: [other, resolved] })).toMatchObject({ latestRevision: 1, updatedAt: T + 2 * HOUR });
    expect(s.rows(`SELECT ticket_id AS t FROM faq_sources WHERE entry_id = ? ORDER BY ticket_id`, entryId)).toEqual([resolved, other].sort().map((t) => ({ t })));
    expect(revisions(entryId)).toEqual([{ revision: 1, answer_zh: TEXT.answerZh }]);
  });

  it('the same sources listed in another order, or twice, are the same sources: nothing changes', () => {
    const other = ticket('resolved');
    const { entryId } = create({ sourceTicketIds: [resolved, other] }).args;
    const before = s.row(`SELECT * FROM faq_entries WHERE id = ?`, entryId);
    expect(other > resolved).toBe(true);
    save(entryId, 1, { sourceTicketIds: [other, resolved, other] });
    expect(s.row(`SELECT * FROM faq_entries WHERE id = ?`, entryId)).toEqual(before);
  });

  it('on a published entry, new sources alone start no revision: the published text keeps serving as it is', () => {
    const { entryId } = create().args;
    act(entryId, 'submit', AGENT);
    act(entryId, 'publish');
    const other = ticket('resolved');
    expect(save(entryId, 1, { sourceTicketIds: [resolved, other] })).toMatchObject({ status: 'published', latestRevision: 1, publishedRevision: 1, updatedAt: T + 2 * HOUR });
    expect(revisions(entryId)).toEqual([{ revision: 1, answer_zh: TEXT.answerZh }]);
    expect(s.count('faq_sources', 'entry_id = ?', entryId)).toBe(2);
  });

  it('in review only a supervisor edits; a retired entry no one does; a source reopened since it was linked stays', () => {
    const { entryId } = create().args;
    act(entryId, 'submit', AGENT);
    const inReview = s.refusal('faq.save', { entryId, revisionId: next(), baseRevision: 1, ...TEXT, answerZh: '改', sourceTicketIds: [resolved], at: T, by: AGENT });
    expect([inReview.code, inReview.message]).toEqual(['FORBIDDEN', 'This entry is in review: only a supervisor can change it now, or request changes to send it back to draft.']);
    s.apply('tickets.transition', { ticketId: resolved, eventId: next(), to: 'open', reason: '', followUpCallbackId: null, followUpSkipped: null, at: T, by: AGENT });
    expect(save(entryId, 1, { answerZh: '改' }, SUPERVISOR).status).toBe('in_review');
    act(entryId, 'retire');
    const retired = s.refusal('faq.save', { entryId, revisionId: next(), baseRevision: 1, ...TEXT, sourceTicketIds: [resolved], at: T, by: SUPERVISOR });
    expect([retired.code, retired.message, retired.details]).toEqual(['INVALID_TRANSITION', 'A retired FAQ entry cannot be changed.', { status: 'retired' }]);
    const unknown = s.refusal('faq.save', { entryId: next(), revisionId: next(), baseRevision: 1, ...TEXT, sourceTicketIds: [resolved], at: T, by: AGENT });
    expect([unknown.code, unknown.message]).toEqual(['NOT_FOUND', 'That FAQ entry does not exist.']);
  });

  it('an entry keeps a category retired since it was written; a new choice must be in use', () => {
    const { entryId } = create({ category: 'other' }).args;
    const categories = DEFAULT_CASE_SETTINGS.categories.map((c) => (c.key === 'other' ? { ...c, retired: true } : c));
    s.apply('cases.updateSettings', { settings: { ...DEFAULT_CASE_SETTINGS, categories }, at: T, by: SUPERVISOR });
    expect(save(entryId, 1, { category: 'other', answerZh: '改' }).category).toBe('other');
    expect(save(entryId, 1, { category: 'payments' }).category).toBe('payments');
    expect(s.refusal('faq.save', { entryId, revisionId: next(), baseRevision: 1, ...TEXT, category: 'other', sourceTicketIds: [resolved], at: T, by: AGENT }).code).toBe('BAD_INPUT');
  });
});

describe('faq.transition and faq.markReviewed', () => {
  it.each([
    ['request_changes', 'Only a supervisor can request changes to an FAQ entry.'],
    ['publish', 'Only a supervisor can publish an FAQ entry.'],
    ['retire', 'Only a supervisor can retire an FAQ entry.'],
  ] as const)('an agent cannot %s', (action, message) => {
    const { entryId } = create().args;
    act(entryId, 'submit', AGENT);
    const r = s.refusal('faq.transition', { entryId, auditId: next(), action, note: '', confirmed: [], at: T, by: AGENT });
    expect([r.code, r.message, r.details]).toEqual(['FORBIDDEN', message, { action }]);
  });

  it('each step is audited with the revision, from and to (and the note when there is one); a step the workflow does not allow is refused', () => {
    const { entryId } = create().args;
    const r = s.refusal('faq.transition', { entryId, auditId: next(), action: 'publish', note: '', confirmed: [], at: T, by: SUPERVISOR });
    expect([r.code, r.message, r.details]).toEqual(['INVALID_TRANSITION', 'An FAQ entry that is draft cannot be published.', { from: 'draft', action: 'publish' }]);
    const auditId = next();
    act(entryId, 'submit', AGENT, { auditId, note: '请审核' });
    expect(auditOf(auditId, entryId)).toEqual({ action: 'faq.submit', actor_id: AGENT, details: { revision: 1, from: 'draft', to: 'in_review', note: '请审核' } });
    const back = next();
    act(entryId, 'request_changes', SUPERVISOR, { auditId: back });
    expect(auditOf(back)?.details).toEqual({ revision: 1, from: 'in_review', to: 'draft' });
    expect(s.refusal('faq.transition', { entryId: next(), auditId: next(), action: 'submit', note: '', confirmed: [], at: T, by: AGENT }).code).toBe('NOT_FOUND');
    act(entryId, 'submit', AGENT);
    expect(s.refusal('faq.transition', { entryId, auditId: next(), action: 'submit', note: '', confirmed: [], at: T, by: AGENT }).message).toBe('An FAQ entry that is in review cannot be submitted for review.');
  });

  it('publishing needs every personal-data finding confirmed; each confirmation that answers one is audited', () => {
    const { entryId } = create({ answerZh: '请联系周敏或赵小明处理。' }).args;
    act(entryId, 'submit', AGENT);
    const blocked = s.refusal('faq.transition', { entryId, auditId: next(), action: 'publish', note: '', confirmed: [], at: T, by: SUPERVISOR });
    expect([blocked.code, blocked.message, blocked.details?.reason]).toEqual([
      'COMPLIANCE_BLOCKED',
      'This revision still contains personal data (name, name). Remove it, or confirm each finding as not personal before publishing.',
      'personal_data',
    ]);
    expect(blocked.details?.findings).toEqual([
      { field: 'answer', kind: 'name', value: '周敏' },
      { field: 'answer', kind: 'name', value: '赵小明' },
    ]);
    const confirm = (value: string) => ({ field: 'answer' as const, kind: 'name' as const, value, auditId: next() });
    const [a, b, stray] = [confirm('周敏'), confirm('赵小明'), confirm('没有这个人')];
    expect(s.refusal('faq.transition', { entryId, auditId: next(), action: 'publish', note: '', confirmed: [a], at: T, by: SUPERVISOR }).code).toBe('COMPLIANCE_BLOCKED');
    const published = act(entryId, 'publish', SUPERVISOR, { confirmed: [a, b, stray] });
    expect(published).toMatchObject({ status: 'published', publishedRevision: 1, publishedAt: T + HOUR, publishedBy: SUPERVISOR });
    expect(auditOf(a.auditId, entryId)).toEqual({ action: 'faq.confirm_not_personal', actor_id: SUPERVISOR, details: { revision: 1, field: 'answer', kind: 'name', value: '周敏' } });
    expect(auditOf(b.auditId)?.action).toBe('faq.confirm_not_personal');
    expect(auditOf(stray.auditId)).toBeUndefined();
  });

  it('a reopened source flags the entry; publishing again or marking it reviewed answers the flag', () => {
    const { entryId } = create().args;
    act(entryId, 'submit', AGENT);
    act(entryId, 'publish');
    const notFlagged = s.refusal('faq.markReviewed', { entryId, auditId: next(), note: '', at: T, by: SUPERVISOR });
    expect([notFlagged.code, notFlagged.message, notFlagged.details]).toEqual(['INVALID_TRANSITION', 'This FAQ entry is not flagged for review.', { status: 'published' }]);
    s.apply('tickets.transition', { ticketId: resolved, eventId: next(), to: 'open', reason: '', followUpCallbackId: null, followUpSkipped: null, at: T + 2 * HOUR, by: AGENT });
    expect(s.refusal('faq.markReviewed', { entryId, auditId: next(), note: '', at: T, by: AGENT }).message).toBe('Only a supervisor can mark an FAQ entry as reviewed.');
    expect(s.refusal('faq.markReviewed', { entryId: next(), auditId: next(), note: '', at: T, by: SUPERVISOR }).code).toBe('NOT_FOUND');
    const auditId = next();
    const reviewed = s.apply('faq.markReviewed', { entryId, auditId, note: '仍然正确', at: T + 3 * HOUR, by: OTHER_SUPERVISOR });
    expect(reviewed).toMatchObject({ needsReview: 0, needsReviewReason: null, updatedAt: T + 3 * HOUR });
    expect(auditOf(auditId, entryId)).toEqual({ action: 'faq.mark_reviewed', actor_id: OTHER_SUPERVISOR, details: { revision: 1, reason: `ticket_reopened:${resolved}`, note: '仍然正确' } });
    // Flagged again, then published again: the flag is answered by the publishing supervisor.
    s.apply('tickets.transition', { ticketId: resolved, eventId: next(), to: 'resolved', reason: '', followUpCallbackId: null, followUpSkipped: null, at: T + 4 * HOUR, by: AGENT });
    s.apply('tickets.transition', { ticketId: resolved, eventId: next(), to: 'open', reason: '', followUpCallbackId: null, followUpSkipped: null, at: T + 5 * HOUR, by: AGENT });
    save(entryId, 1, { answerZh: '改' }, SUPERVISOR);
    act(entryId, 'submit', SUPERVISOR);
    expect(act(entryId, 'publish')).toMatchObject({ needsReview: 0, needsReviewReason: null, publishedRevision: 2 });
  });
});
