import { generateDemoCases } from '../../../core/demo/cases';
import { breachesToRecord, deriveTicket, type TicketEvent } from '../../../core/tickets';
import type { MutationArgs } from '../../../core/sync/mutations';
import type { Db } from '../../../db/open';
import { BUILTIN_CALENDAR_ID, calendarById } from '../../../db/repos/case-settings';
import { stmt } from '../../../db/repos/stmt';
import { insertTicketEvent, reserveTicketRow, writeTicketProjection } from '../../../db/repos/tickets';
import { insertVoucher, insertVoucherEvent } from '../../../db/repos/vouchers';

/**
 * Loads the demo's tickets and vouchers for customers already in the store. The customers are read in
 * id order, so replaying the mutation on the same prior state picks the same ones.
 */
export function applyDemoCases(db: Db, a: MutationArgs<'demo.loadCases'>): { tickets: number; vouchers: number } {
  const customers = stmt(db, 'SELECT id, name FROM customers ORDER BY id LIMIT 800').all() as { id: string; name: string }[];
  const data = generateDemoCases({ ...a, customers, calendarVersionId: BUILTIN_CALENDAR_ID });
  for (const events of data.tickets) {
    reserveTicketRow(db, events[0]!.ticketId);
    for (const e of events) insertTicketEvent(db, e);
    let state = deriveTicket(events, (id) => calendarById(db, id), a.now);
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
      for (const e of breaches) insertTicketEvent(db, e);
      if (breaches.length) state = deriveTicket([...events, ...breaches].sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : 1)), (id) => calendarById(db, id), a.now);
    }
    writeTicketProjection(db, state);
  }
  for (const v of data.vouchers) {
    insertVoucher(db, { ...v, note: '' });
    let n = 0;
    const event = (at: number, actorId: string, type: string, extra: Record<string, unknown> = {}) =>
      insertVoucherEvent(db, { id: `${v.id}-${n++}`, voucherId: v.id, at, actorId, type, data: extra });
    const approval = v.decidedBy !== null || v.state === 'pending_approval';
    event(v.requestedAt, v.requestedBy, 'requested', {
      approvalReasons: approval ? ['over_voucher_limit'] : [],
      valueFen: v.valueFen,
      issued: !approval,
    });
    if (v.decidedBy && v.decidedAt) event(v.decidedAt, v.decidedBy, 'approved');
    if (v.redeemedAt) event(v.redeemedAt, v.requestedBy, 'redeemed');
    if (v.voidedAt) event(v.voidedAt, v.requestedBy, 'voided', { reason: v.stateReason });
  }
  return { tickets: data.tickets.length, vouchers: data.vouchers.length };
}
