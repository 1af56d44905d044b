import { afterEach, describe, expect, it } from 'vitest';
import type { CallScriptState } from '../core/contract/views';
import type { TicketDetail } from '../core/contract/views-cases';
import { renderText } from '../core/questionnaire/placeholders';
import { cleanup, makeHarness, seedCallback, seedCustomer, setUpEmpty } from './helpers';

afterEach(cleanup);

const INTERNAL = '客服热线排队时间过长投诉，致歉并回访';

describe('customer-facing script text', () => {
  it('never reads the callback notes: with no ticket {ticket_subject} is the neutral word', async () => {
    const h = makeHarness();
    await setUpEmpty(h);
    const cu = seedCustomer(h.db, { name: '张伟', gender: 'male' });
    const cb = seedCallback(h.db, cu.id, { reason: 'complaint_followup', notes: INTERNAL });
    const state = await h.ok<CallScriptState>('responses.forCallback', { callbackId: cb.id });
    expect(state.applies).not.toBeNull();
    expect(state.applies!.context.ticketSubject).toBeNull();
    const opening = renderText(state.applies!.content.opening, state.applies!.context);
    expect(opening).not.toContain('致歉');
    expect(opening).not.toContain('排队');
    expect(opening).toContain('张先生');
  });

  it('reads the subject the agent gave the ticket the call follows up, not its description or the call notes', async () => {
    const h = makeHarness();
    await setUpEmpty(h);
    const cu = seedCustomer(h.db, { name: '李娜', gender: 'female' });
    const source = seedCallback(h.db, cu.id, { reason: 'complaint_followup', notes: INTERNAL });
    const t = await h.ok<TicketDetail>('tickets.create', {
      customerId: cu.id,
      callbackId: source.id,
      subject: '客服热线排队时间过长',
      description: `${INTERNAL}；内部：已升级给值班主管`,
      category: 'support_experience',
      priority: 'P2',
    });
    await h.ok('tickets.comment', { id: t.ticket.id, body: '内部备注：客户情绪激动，注意安抚', visibility: 'internal' });
    await h.ok('tickets.comment', { id: t.ticket.id, body: '已为您反馈并优化排班', visibility: 'reply' });
    const resolved = await h.ok<TicketDetail>('tickets.transition', { id: t.ticket.id, to: 'resolved' });
    const followUp = resolved.followUps[0]!.id;
    const state = await h.ok<CallScriptState>('responses.forCallback', { callbackId: followUp });
    expect(state.applies!.context.ticketSubject).toBe('客服热线排队时间过长');
    const opening = renderText(state.applies!.content.opening, state.applies!.context);
    expect(opening).toContain('“客服热线排队时间过长”');
    expect(opening).not.toMatch(/致歉|内部|安抚/);
  });
});
