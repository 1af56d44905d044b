import { generateDemoCases } from '../demo/cases';
import { breachesToRecord, type TicketEvent } from '../tickets';
import type { MutationArgs } from '../sync/mutations';
import type { Q } from '../store/sql';
import { BUILTIN_CALENDAR_ID } from '../store/case-settings';
import { firstCustomers } from '../store/customers';
import { deriveFromEvents, insertTicketEvent, reserveTicketRow, writeTicketProjection } from '../store/tickets';
import { insertVoucher, insertVoucherEvent } from '../store/vouchers';

/**
 * Loads the demo's tickets and vouchers for customers already in the store. The customers are read in
 * id order, so replaying the mutation on the same prior state picks the same ones.
 */
export function* applyDemoCases(a: MutationArgs<'demo.loadCases'>): Q<{ tickets: number; vouchers: number }> {
  const customers = yield* firstCustomers(800);
  const data = generateDemoCases({ ...a, customers, calendarVersionId: BUILTIN_CALENDAR_ID });
  for (const events of data.tickets) {
    yield* reserveTicketRow(events[0]!.ticketId);
    for (const e of events) yield* insertTicketEvent(e);
    let state = yield* deriveFromEvents(events, a.now);
    if (state.status === 'resolved' || state.status === 'closed') {
      // History: a target missed weeks ago was recorded (and escalated) back then, not as today's news.
      const breaches: TicketEvent[] = breachesToRecord(state).map(({ clock, dueAt }) => ({
        id: `${state.id}-breach-${clock}`,
        ticketId: state.id,
        at: dueAt,
        actorId: null,
        type: 'breach_recorded',
        data: { clock, dueAt },
      }));
      for (const e of breaches) yield* insertTicketEvent(e);
      if (breaches.length) state = yield* deriveFromEvents([...events, ...breaches].sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : 1)), a.now);
    }
    yield* writeTicketProjection(state);
  }
  for (const v of data.vouchers) {
    yield* insertVoucher({ ...v, note: '' });
    let n = 0;
    const event = (at: number, actorId: string, type: string, extra: Record<string, unknown> = {}) =>
      insertVoucherEvent({ id: `${v.id}-${n++}`, voucherId: v.id, at, actorId, type, data: extra });
    const approval = v.decidedBy !== null || v.state === 'pending_approval';
    yield* event(v.requestedAt, v.requestedBy, 'requested', {
      approvalReasons: approval ? ['over_voucher_limit'] : [],
      valueFen: v.valueFen,
      issued: !approval,
    });
    if (v.decidedBy && v.decidedAt) yield* event(v.decidedAt, v.decidedBy, 'approved');
    if (v.redeemedAt) yield* event(v.redeemedAt, v.requestedBy, 'redeemed');
    if (v.voidedAt) yield* event(v.voidedAt, v.requestedBy, 'voided', { reason: v.stateReason });
  }
  return { tickets: data.tickets.length, vouchers: data.vouchers.length };
}
