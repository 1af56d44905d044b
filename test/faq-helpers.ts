import type { FaqDetail, FaqPrefill } from '../core/contract/views-faq';
import type { TicketDetail } from '../core/contract/views-cases';
import { createUser, makeHarness, MIN, seedCustomer, setUpEmpty, switchTo, type Harness } from './helpers';

/* Shared arrangements of the FAQ tests: a team, a customer, and tickets worked to resolved. */

export async function faqWorld() {
  const h = makeHarness();
  const agent = await setUpEmpty(h, '王芳');
  const sup = await createUser(h, '周敏', 'supervisor');
  const cu = seedCustomer(h.db, { name: '张伟', phone: '+8613812345678' });
  return { h, agent, sup, cu, asAgent: () => switchTo(h, agent), asSupervisor: () => switchTo(h, sup) };
}

export interface TicketStory {
  customerId?: string | null;
  subject?: string;
  description?: string;
  category?: string;
  replies?: string[];
  notes?: string[];
  reason?: string;
  /** Stop before resolving (an open ticket). */
  leaveOpen?: boolean;
  close?: boolean;
}

/** Raises a ticket, answers it, and resolves it (optionally closes it); returns its id. */
export async function workedTicket(h: Harness, s: TicketStory = {}): Promise<string> {
  const t = await h.ok<TicketDetail>('tickets.create', {
    customerId: s.customerId ?? null,
    subject: s.subject ?? '提现一直没到账',
    description: s.description ?? '',
    category: s.category ?? 'payments',
    priority: 'P3',
  });
  const id = t.ticket.id;
  for (const body of s.replies ?? ['您好，提现已在处理中，预计 1-3 个工作日到账。']) {
    h.advance(5 * MIN);
    await h.ok('tickets.comment', { id, body, visibility: 'reply' });
  }
  for (const body of s.notes ?? []) await h.ok('tickets.comment', { id, body, visibility: 'internal' });
  if (s.leaveOpen) return id;
  h.advance(10 * MIN);
  await h.ok('tickets.transition', { id, to: 'resolved', reason: s.reason ?? '', followUp: 'skip' });
  if (s.close) await h.ok('tickets.transition', { id, to: 'closed' });
  return id;
}

/** A draft made the way the editor makes it: pre-fill, then create with what came back. */
export async function draftFrom(h: Harness, ticketId: string, over: Partial<FaqPrefill['draft']> = {}): Promise<FaqDetail> {
  const p = await h.ok<FaqPrefill>('faq.prefill', { ticketId });
  return h.ok<FaqDetail>('faq.create', { ...p.draft, ...over, sourceTicketIds: [ticketId], redactions: p.redactions });
}

/** Draft → review → published, switching to the supervisor for the publish and back. */
export async function publish(h: Harness, id: string, sup: { id: string }, back: { id: string }): Promise<FaqDetail> {
  await h.ok('faq.transition', { id, action: 'submit' });
  await switchTo(h, sup);
  const done = await h.ok<FaqDetail>('faq.transition', { id, action: 'publish' });
  await switchTo(h, back);
  return done;
}

export const contentOf = (d: FaqDetail) => {
  const r = d.revisions[0]!;
  return {
    category: r.category,
    question: r.question,
    answer: r.answer,
    questionEn: r.questionEn,
    answerEn: r.answerEn,
    keywords: r.keywords,
    sourceTicketIds: d.sources.map((s) => s.id),
  };
};
