import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../sla';
import { canTransition, deriveTicket, type TicketEvent, type TicketStatus } from '../tickets';
import { generateDemoCases } from './cases';

const NOW = Date.parse('2026-11-23T10:00:00+08:00');
const DAY = 86_400_000;
// Complainants as the applier reads them: most with a complaint follow-up queued in the last 40 days.
const options = {
  seed: 20261122,
  now: NOW,
  customers: Array.from({ length: 300 }, (_, i) => ({
    id: `c-${String(i).padStart(3, '0')}`,
    name: `客户${i}`,
    followUp:
      i % 10 === 9
        ? null
        : { callbackId: `cb-${i}`, queuedAt: NOW - ((i * 7919) % (40 * 24)) * 3_600_000, notes: i % 3 === 0 ? '用户反馈转账到账延迟，已退款，回访确认满意度' : '' },
  })),
  agentIds: ['a-1', 'a-2'],
  supervisorId: 's-1',
  calendarVersionId: 'cal',
};

describe('demo tickets and vouchers', () => {
  it('are a pure function of the options', () => {
    expect(generateDemoCases(options)).toEqual(generateDemoCases(options));
    expect(generateDemoCases({ ...options, seed: 1 })).not.toEqual(generateDemoCases(options));
  });

  it('every history is in time order, uses only allowed transitions, and nothing happens after now', () => {
    const { tickets } = generateDemoCases(options);
    expect(tickets.length).toBeGreaterThan(300);
    for (const events of tickets) {
      let status: TicketStatus = 'new';
      const sorted = [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
      expect(sorted.map((e) => e.id)).toEqual(events.map((e) => e.id));
      for (const e of events) {
        expect(e.at).toBeLessThan(NOW);
        if (e.type === 'status_changed') {
          expect(canTransition(status, e.data.to)).toBe(true);
          status = e.data.to;
        }
      }
      const state = deriveTicket(events, () => DEFAULT_CALENDAR, NOW);
      expect(state.status).toBe(status);
    }
  });

  it('every complainant has a resolved ticket from the last 90 days; a follow-up follows the one raised before it was queued', () => {
    const { tickets, followUps } = generateDemoCases(options);
    const byId = new Map(tickets.map((events) => [events[0]!.ticketId, events]));
    const customerOf = (events: TicketEvent[]) => (events[0]!.data as { customerId: string }).customerId;
    const recent = new Set(tickets.filter((events) => events[0]!.at >= NOW - 90 * DAY).map(customerOf));
    for (const c of options.customers) expect(recent.has(c.id), c.id).toBe(true);
    expect(followUps).toHaveLength(options.customers.filter((c) => c.followUp).length);
    for (const f of followUps) {
      const c = options.customers.find((x) => x.followUp?.callbackId === f.callbackId)!;
      const events = byId.get(f.ticketId)!;
      expect(customerOf(events)).toBe(c.id);
      expect(events[0]!.at).toBeLessThan(c.followUp!.queuedAt);
      expect(['resolved', 'closed']).toContain(deriveTicket(events, () => DEFAULT_CALENDAR, NOW).status);
      // The ticket tells the same story as the follow-up's note.
      if (c.followUp!.notes) expect((events[0]!.data as { subject: string }).subject).toBe('转账显示成功但对方未收到');
    }
    // Every ticket is a complainant's.
    const ids = new Set(options.customers.map((c) => c.id));
    for (const events of tickets) expect(ids.has(customerOf(events))).toBe(true);
  });

  it('vouchers: some wait for approval today; approved ones above the agent limit name the supervisor', () => {
    const { vouchers } = generateDemoCases(options);
    expect(vouchers.filter((v) => v.state === 'pending_approval').length).toBe(3);
    for (const v of vouchers) {
      expect(v.code).toMatch(/^CV-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      if (v.decidedBy) expect(v.decidedBy).toBe('s-1');
      if (v.redeemedAt) expect(v.redeemedAt).toBeLessThan(NOW);
    }
  });
});
