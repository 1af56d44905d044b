import type { SessionInfo } from '../core/contract/views';
import type { FaqDetail, FaqPrefill } from '../core/contract/views-faq';
import type { TicketDetail } from '../core/contract/views-cases';
import { rows, switchTo } from './helpers';
import type { Action } from './replay-actions';
import type { World } from './replay-walk';

/*
 * FAQ work in the replay walk: drafts from resolved tickets (raising and resolving one when none is at
 * hand), edits that start new revisions, the whole workflow by the right role and the wrong one, and
 * source tickets reopened after publication (which flags entries through the ticket applier).
 */

type FaqAction = Extract<Action, { kind: 'faq' }>;
type Check = (r: { ok: boolean }) => void;

const SUBJECTS = ['如何修改支付密码？', '提现多久到账？', '转账被重复扣款怎么办', '补偿券在哪里查看', '为什么无法绑定银行卡'];
const REPLIES = ['您好，张伟先生，款项已原路退回 6225880123456783。', '请在「我的 → 卡券」中查看，券码 CV-7K3M-Q9XZ。', '工作日 13:00 前提交当天到账。'];

function entryIds(w: World, where: string): string[] {
  return rows<{ id: string }>(w.h.db, `SELECT id FROM faq_entries WHERE ${where} ORDER BY id`).map((r) => r.id);
}

const pickFrom = <T>(list: T[], n: number): T | null => (list.length ? list[n % list.length]! : null);

/** A resolved ticket to draft from: one already resolved or closed, else one raised, answered and resolved now. */
async function resolvedTicket(w: World, a: FaqAction, check: Check): Promise<string | null> {
  const { h } = w;
  const done = rows<{ id: string }>(h.db, `SELECT id FROM tickets WHERE status IN ('resolved', 'closed') ORDER BY id`).map((r) => r.id);
  if (done.length && a.variant % 3 !== 0) return done[a.pick % done.length]!;
  const customers = rows<{ id: string }>(h.db, 'SELECT id FROM customers ORDER BY id LIMIT 50').map((r) => r.id);
  const created = await h.call('tickets.create', {
    customerId: pickFrom(customers, a.pick),
    subject: SUBJECTS[a.variant % SUBJECTS.length],
    category: a.variant % 2 ? 'payments' : 'account_security',
    priority: 'P3',
  });
  check(created);
  if (!created.ok) return null;
  const id = (created.value as TicketDetail).ticket.id;
  const replied = await h.call('tickets.comment', { id, body: REPLIES[a.variant % REPLIES.length], visibility: 'reply' });
  check(replied);
  const resolved = await h.call('tickets.transition', { id, to: 'resolved', reason: '已处理', followUp: 'skip' });
  check(resolved);
  return resolved.ok ? id : null;
}

/** Drafts an entry from a resolved ticket; returns its id. */
async function draft(w: World, a: FaqAction, check: Check): Promise<string | null> {
  const { h } = w;
  const ticketId = await resolvedTicket(w, a, check);
  if (!ticketId) return null;
  const p = await h.call('faq.prefill', { ticketId });
  if (!p.ok) return null;
  const { draft, redactions } = p.value as FaqPrefill;
  const r = await h.call('faq.create', { ...draft, keywords: [`词${a.variant % 4}`], sourceTicketIds: [ticketId], redactions });
  check(r);
  return r.ok ? (r.value as FaqDetail).entry.id : null;
}

/**
 * An entry in the state the op needs, brought there by the steps before it when the walk has none yet
 * (a random walk rarely lines up draft → submit → publish → reopen on its own).
 */
async function entryFor(w: World, a: FaqAction, check: Check, where: string, needs: 'draft' | 'in_review' | 'any'): Promise<string | null> {
  const found = pickFrom(entryIds(w, where), a.pick);
  if (found) return found;
  const drafts = entryIds(w, `status = 'draft'`);
  const id = pickFrom(drafts, a.pick) ?? (await draft(w, a, check));
  if (!id || needs !== 'in_review') return id;
  const r = await w.h.call('faq.transition', { id, action: 'submit' });
  check(r);
  return r.ok ? id : null;
}

/** Publishes an entry in review (made so if need be) as the supervisor; returns one of its resolved sources. */
async function publishedSource(w: World, a: FaqAction, check: Check, sup: { id: string }, me: { id: string }): Promise<string | null> {
  const id = await entryFor(w, a, check, `status = 'in_review'`, 'in_review');
  if (!id) return null;
  await switchTo(w.h, sup);
  try {
    const r = await w.h.call('faq.transition', { id, action: 'publish' });
    check(r);
    if (!r.ok) return null;
  } finally {
    await switchTo(w.h, me);
  }
  return (await w.h.ok<FaqDetail>('faq.get', { id })).sources.find((s) => s.status === 'resolved')?.id ?? null;
}

export async function faqAction(w: World, a: FaqAction, check: Check): Promise<void> {
  const { h } = w;
  const me = (await h.ok<SessionInfo>('session.get')).currentUser!;
  const sup = w.users.find((u) => u.role === 'supervisor')!;
  const agent = w.users.find((u) => u.role === 'agent')!;
  if (a.op === 'draft') {
    await draft(w, a, check);
    return;
  }
  if (a.op === 'reopen_source' || (a.op === 'mark_reviewed' && entryIds(w, 'needs_review = 1').length === 0)) {
    // A source of a published entry, reopened: the entry is flagged "needs review".
    const sources = rows<{ id: string }>(
      h.db,
      `SELECT DISTINCT s.ticket_id AS id FROM faq_sources s JOIN faq_entries e ON e.id = s.entry_id JOIN tickets t ON t.id = s.ticket_id
        WHERE e.published_revision IS NOT NULL AND e.status <> 'retired' AND t.status = 'resolved' ORDER BY s.ticket_id`,
    ).map((r) => r.id);
    let ticket = pickFrom(sources, a.pick);
    if (!ticket && a.op === 'reopen_source') ticket = await publishedSource(w, a, check, sup, me);
    if (ticket) check(await h.call('tickets.transition', { id: ticket, to: 'open', reason: '客户反馈问题仍在' }));
    if (ticket || a.op === 'reopen_source') return;
  }

  const target: Record<string, [string, 'draft' | 'in_review' | 'any']> = {
    edit: [a.variant % 4 === 0 ? `status <> 'retired'` : `status IN ('draft', 'published')`, 'any'],
    submit: [a.variant % 5 === 0 ? `status <> 'draft'` : `status = 'draft'`, 'draft'],
    publish: [a.variant % 5 === 0 ? `status <> 'in_review'` : `status = 'in_review'`, 'in_review'],
    request_changes: [`status = 'in_review'`, 'in_review'],
    retire: [`status <> 'retired'`, 'any'],
    mark_reviewed: [a.variant % 4 === 0 ? '1 = 1' : 'needs_review = 1', 'any'],
  };
  const [where, needs] = target[a.op]!;
  // Retiring is rare, so the walk keeps entries to work on.
  if (a.op === 'retire' && a.variant % 3 !== 0) return;
  const id = await entryFor(w, a, check, where, needs);
  if (!id) return;
  await switchTo(h, a.asSupervisor ? sup : agent);
  try {
    if (a.op === 'edit') {
      const d = await h.ok<FaqDetail>('faq.get', { id });
      const r = d.revisions[0]!;
      const stale = a.variant % 11 === 0;
      check(
        await h.call('faq.save', {
          id,
          revision: stale && d.entry.latestRevision > 1 ? d.entry.latestRevision - 1 : d.entry.latestRevision,
          category: r.category,
          question: r.question,
          answer: `${r.answer.slice(0, 200)} (${a.variant % 13})`,
          questionEn: a.variant % 2 ? 'How long does it take?' : '',
          answerEn: a.variant % 2 ? `Usually within ${1 + (a.variant % 3)} working days.` : '',
          keywords: r.keywords,
          sourceTicketIds: d.sources.map((s) => s.id),
        }),
      );
    } else if (a.op === 'mark_reviewed') {
      check(await h.call('faq.markReviewed', { id, note: a.variant % 2 ? '已核对' : '' }));
    } else {
      check(await h.call('faq.transition', { id, action: a.op, note: a.op === 'request_changes' ? `请修改 ${a.variant % 7}` : '' }));
    }
  } finally {
    await switchTo(h, me);
  }
}
