import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../sla';
import { canTransition, deriveTicket, type TicketStatus } from '../tickets';
import { generateDemoCases } from './cases';

const NOW = Date.parse('2026-11-23T10:00:00+08:00');
const options = {
  seed: 20261122,
  now: NOW,
  customers: Array.from({ length: 50 }, (_, i) => ({ id: `c-${String(i).padStart(3, '0')}`, name: `客户${i}` })),
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
    expect(tickets.length).toBeGreaterThan(250);
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
