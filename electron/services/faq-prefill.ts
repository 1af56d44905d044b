import { AppError } from '../../core/contract/result';
import type { FaqPrefill } from '../../core/contract/views-faq';
import { redact } from '../../core/faq/redact';
import type { TicketEvent } from '../../core/tickets';
import { getCaseSettings } from '../../db/repos/case-settings';
import { faqEntriesOfTicket } from '../../db/repos/faq';
import { getTicketRow, ticketEvents } from '../../db/repos/tickets';
import { currentUser, type ServiceContext } from './context';
import { personNames, similarTo, sourceView } from './faq';

/*
 * A first draft of an FAQ entry from a resolved ticket, with personal data removed. Read only: nothing
 * is written until the user saves, and the masked originals never leave this function — the answer
 * carries the kinds and placeholders only.
 */

/**
 * The customer's own words make the better question when the description opens with a short question
 * ("为什么提现一直没到账？"); otherwise the subject, which agents write as a short summary.
 */
export function questionFrom(subject: string, description: string): string {
  const first = /^[^\n。！!？?]{4,80}[？?]/u.exec(description.trim())?.[0];
  return (first ?? subject).trim();
}

/**
 * The customer-facing replies in order, then the reason given when the ticket was (last) resolved.
 * Internal notes are left out: they were never written for the customer.
 */
export function answerFrom(events: readonly TicketEvent[]): string {
  const replies = events.filter((e) => e.type === 'replied').map((e) => (e.data as { body: string }).body.trim());
  const resolved = events.filter((e) => e.type === 'status_changed' && (e.data as { to: string }).to === 'resolved').at(-1);
  const reason = ((resolved?.data as { reason?: string } | undefined)?.reason ?? '').trim();
  const parts = reason && !replies.includes(reason) ? [...replies, reason] : replies;
  return parts.filter((p) => p !== '').join('\n\n');
}

export function prefillFaq(ctx: ServiceContext, ticketId: string): FaqPrefill {
  currentUser(ctx);
  const t = getTicketRow(ctx.db, ticketId);
  if (!t) throw new AppError('NOT_FOUND', 'That ticket does not exist.');
  if (t.status !== 'resolved' && t.status !== 'closed') {
    throw new AppError('INVALID_TRANSITION', 'Only a resolved or closed ticket can become an FAQ entry: its answer is not known yet.', {
      ticketId,
      status: t.status,
    });
  }
  const events = ticketEvents(ctx.db, ticketId);
  const created = events.find((e) => e.type === 'created');
  const description = created?.type === 'created' ? created.data.description : '';
  const names = personNames(ctx.db, [ticketId]);

  const question = redact(questionFrom(t.subject, description), { names });
  const answer = redact(answerFrom(events), { names });
  const context = redact(description, { names });
  const settings = getCaseSettings(ctx.db);
  const inUse = settings.categories.filter((c) => !c.retired);
  const category = inUse.some((c) => c.key === t.category) ? t.category : (inUse.find((c) => c.key === 'other') ?? inUse[0])!.key;

  return {
    ticket: sourceView(ctx.db, ticketId, names)!,
    draft: { category, question: question.text, answer: answer.text, questionEn: '', answerEn: '', keywords: [] },
    context: context.text,
    redactions: [
      ...question.found.map((f) => ({ field: 'question' as const, kind: f.kind, replacement: f.replacement })),
      ...answer.found.map((f) => ({ field: 'answer' as const, kind: f.kind, replacement: f.replacement })),
    ],
    contextRedactions: context.found.length,
    similar: similarTo(ctx.db, question.text),
    linkedEntries: faqEntriesOfTicket(ctx.db, ticketId),
  };
}
