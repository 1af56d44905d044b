import { afterEach, describe, expect, it } from 'vitest';
import type { FaqCheck, FaqDetail, FaqPrefill } from '../core/contract/views-faq';
import { cleanup, rows } from './helpers';
import { draftFrom, faqWorld, workedTicket } from './faq-helpers';

afterEach(cleanup);

// What a real complaint looks like by the time it is resolved: the customer's name, mobile, ID card
// (with the X check digit), bank card, e-mail and the compensation voucher code all over it.
const ORIGINALS = {
  name: '张伟',
  agent: '王芳',
  mobile: '138-1234-5678',
  mobilePlain: '13812345678',
  idCard: '11010519491231002X',
  card: '6225 8801 2345 6781',
  email: 'zhang.wei@example.com',
  voucher: 'CV-7K3M-Q9XZ',
  landline: '021-12345678',
};

const STORY = {
  subject: '张伟反映银行卡转账被重复扣款',
  description: `客户张伟（手机 ${ORIGINALS.mobile}，身份证 ${ORIGINALS.idCard}）反映绑定的招商银行卡 ${ORIGINALS.card} 被重复扣款，邮箱 ${ORIGINALS.email}`,
  replies: [
    `张伟先生您好，已核实您的银行卡 ${ORIGINALS.card} 于 11 月 22 日被重复扣款 88 元，款项将在 1-3 个工作日内原路退回。`,
    `退款进度短信已发送至您预留的手机 ${ORIGINALS.mobilePlain}，身份证 ${ORIGINALS.idCard} 的实名信息无需重新提交。补偿券 ${ORIGINALS.voucher} 已发放，如有疑问请致电 ${ORIGINALS.landline} 或发邮件至 ${ORIGINALS.email}。客服王芳`,
  ],
  notes: ['内部：风控确认为通道重复回调，非用户操作'],
  reason: `已原路退款并补发券 ${ORIGINALS.voucher}`,
};

describe('faq.prefill: a redacted first draft from a resolved ticket', () => {
  it('masks realistic Chinese personal data, says what was masked, and never stores an original', async () => {
    const { h, cu } = await faqWorld();
    const ticketId = await workedTicket(h, { customerId: cu.id, ...STORY });
    const p = await h.ok<FaqPrefill>('faq.prefill', { ticketId });

    const everything = JSON.stringify(p);
    for (const original of Object.values(ORIGINALS)) expect(everything).not.toContain(original);
    expect(p.draft.question).toBe('[姓名]反映银行卡转账被重复扣款');
    // Replies in order, then the resolution reason; the internal note stays out.
    expect(p.draft.answer).toContain('[姓名]先生您好，已核实您的银行卡 [银行卡号] 于 11 月 22 日被重复扣款 88 元');
    expect(p.draft.answer).toContain('手机 [手机号]，身份证 [身份证号]');
    expect(p.draft.answer).toContain('补偿券 [券码] 已发放，如有疑问请致电 [固话] 或发邮件至 [邮箱]。客服[姓名]');
    expect(p.draft.answer.endsWith('已原路退款并补发券 [券码]')).toBe(true);
    expect(p.draft.answer).not.toContain('风控');
    expect(p.draft.category).toBe('payments');
    expect(p.context).toContain('客户[姓名]（手机 [手机号]，身份证 [身份证号]）');
    expect(p.contextRedactions).toBe(5);
    expect(p.ticket).toMatchObject({ id: ticketId, status: 'resolved', subject: '[姓名]反映银行卡转账被重复扣款' });

    const kinds = (field: string) => p.redactions.filter((r) => r.field === field).map((r) => r.kind).sort();
    expect(kinds('question')).toEqual(['name']);
    expect(kinds('answer')).toEqual(['bank_card', 'email', 'id_card', 'landline', 'mobile', 'name', 'name', 'voucher_code', 'voucher_code']);
    for (const r of p.redactions) expect(Object.keys(r).sort()).toEqual(['field', 'kind', 'replacement']);

    const d = await h.ok<FaqDetail>('faq.create', { ...p.draft, sourceTicketIds: [ticketId], redactions: p.redactions });
    expect(d.revisions[0]!.redactions).toEqual(p.redactions);
    expect(d.entry).toMatchObject({ status: 'draft', latestRevision: 1, publishedRevision: null, sourceCount: 1 });

    // Nothing stored — the FAQ tables, or the outbox that will travel to the server — holds an original.
    const stored = JSON.stringify([
      rows(h.db, 'SELECT * FROM faq_entries'),
      rows(h.db, 'SELECT * FROM faq_revisions'),
      rows(h.db, "SELECT * FROM outbox WHERE name LIKE 'faq.%'"),
    ]);
    for (const original of [ORIGINALS.mobile, ORIGINALS.mobilePlain, ORIGINALS.idCard, ORIGINALS.card, ORIGINALS.email, ORIGINALS.voucher, ORIGINALS.landline, ORIGINALS.name]) {
      expect(stored).not.toContain(original);
    }
    expect(stored).toContain('[身份证号]');
  });

  it('takes a short opening question from the description, and works from a closed ticket', async () => {
    const { h, cu } = await faqWorld();
    const ticketId = await workedTicket(h, {
      customerId: cu.id,
      subject: '提现未到账',
      description: '为什么我周五提现到现在还没到账？我是张伟，手机 13812345678',
      replies: ['您好，周五 15:00 后提交的提现顺延至下一个工作日处理。'],
      close: true,
    });
    const p = await h.ok<FaqPrefill>('faq.prefill', { ticketId });
    expect(p.ticket.status).toBe('closed');
    expect(p.draft.question).toBe('为什么我周五提现到现在还没到账？');
    expect(p.draft.answer).toBe('您好，周五 15:00 后提交的提现顺延至下一个工作日处理。');
    expect(p.redactions).toEqual([]);
    expect(p.context).toBe('为什么我周五提现到现在还没到账？我是[姓名]，手机 [手机号]');
  });

  it('refuses tickets that are not resolved or closed, at pre-fill and at create', async () => {
    const { h, cu } = await faqWorld();
    const open = await workedTicket(h, { customerId: cu.id, leaveOpen: true });
    expect((await h.err('faq.prefill', { ticketId: open })).code).toBe('INVALID_TRANSITION');
    const err = await h.err('faq.create', { category: 'payments', question: '问', answer: '答', sourceTicketIds: [open] });
    expect(err).toMatchObject({ code: 'INVALID_TRANSITION', details: { ticketId: open, status: 'open' } });
    expect((await h.err('faq.prefill', { ticketId: crypto.randomUUID() })).code).toBe('NOT_FOUND');
    expect((await h.err('faq.create', { category: 'payments', question: '问', answer: '答', sourceTicketIds: [] })).code).toBe('BAD_INPUT');
    expect((await h.err('faq.create', { category: 'nope', question: '问', answer: '答', sourceTicketIds: [open] })).code).toBe('BAD_INPUT');
    // A redaction note with the original in it does not fit the schema.
    const leak = await h.err('faq.create', {
      category: 'payments',
      question: '问',
      answer: '答',
      sourceTicketIds: [open],
      redactions: [{ field: 'answer', kind: 'mobile', replacement: '[手机号]', original: '13812345678' }],
    });
    expect(leak.code).toBe('BAD_INPUT');
    expect(rows(h.db, 'SELECT * FROM faq_entries')).toEqual([]);
  });

  it('flags similar questions while drafting, and personal data typed into the text', async () => {
    const { h, cu } = await faqWorld();
    const t1 = await workedTicket(h, { customerId: cu.id, subject: '如何修改支付密码？' });
    const first = await draftFrom(h, t1);
    const t2 = await workedTicket(h, { customerId: cu.id, subject: '怎么修改支付密码' });
    const p = await h.ok<FaqPrefill>('faq.prefill', { ticketId: t2 });
    expect(p.similar).toEqual([expect.objectContaining({ id: first.entry.id, question: '如何修改支付密码？', status: 'draft' })]);
    expect(p.similar[0]!.score).toBeGreaterThanOrEqual(0.9);
    expect(p.linkedEntries).toEqual([]);
    expect((await h.ok<FaqPrefill>('faq.prefill', { ticketId: t1 })).linkedEntries).toEqual([
      { id: first.entry.id, question: '如何修改支付密码？', status: 'draft' },
    ]);

    const check = await h.ok<FaqCheck>('faq.check', {
      question: '支付密码怎么修改',
      answer: '请联系张伟，电话 13812345678',
      ticketIds: [t1],
    });
    expect(check.similar.map((s) => s.id)).toEqual([first.entry.id]);
    expect(check.personalData).toEqual([
      { field: 'answer', kind: 'name', replacement: '[姓名]' },
      { field: 'answer', kind: 'mobile', replacement: '[手机号]' },
    ]);
    // The entry being edited is not its own duplicate; unrelated questions are not flagged.
    expect((await h.ok<FaqCheck>('faq.check', { question: '如何修改支付密码', excludeId: first.entry.id })).similar).toEqual([]);
    expect((await h.ok<FaqCheck>('faq.check', { question: '信用卡还款失败怎么办' })).similar).toEqual([]);
    expect((await h.ok<FaqCheck>('faq.check', { question: '' })).similar).toEqual([]);
  });
});
