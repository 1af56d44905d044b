import { describe, expect, it } from 'vitest';
import { deriveAt } from '../core/mutations/tickets';
import { writeTicketProjection } from '../core/store/tickets';
import { BUILTIN_SCRIPTS } from '../core/questionnaire/builtin';
import { COMPLAINED_TAG } from '../core/store/demo';
import { inTransaction } from '../db/repos/stmt';
import { onSqlite } from '../db/store';
import { AGENT, DAY, OTHER_AGENT, openStore, parsed, seedCustomer, SUPERVISOR, T, uid, withTeam, type Store } from './appliers-helpers';

/*
 * The demo's tickets, vouchers and questionnaire answers, loaded by appliers from what the store holds (so
 * a replay on the same prior state writes the same rows): every complainant gets a ticket, history is
 * history (targets missed long ago are recorded at their due time, not as today's breaches), and every
 * voucher's ledger tells its life.
 */

function demoStore(): Store {
  const s = withTeam(openStore());
  s.apply('demo.load', { seed: 11, now: T, customers: 150, agentIds: [AGENT, OTHER_AGENT] });
  return s;
}

describe('demo.loadCases', () => {
  it('gives each complainant a ticket, records old breaches at their due time, and links the follow-ups', () => {
    const s = demoStore();
    const result = s.apply('demo.loadCases', { seed: 11, now: T, agentIds: [AGENT, OTHER_AGENT], supervisorId: SUPERVISOR });
    expect(result).toEqual({ tickets: s.count('tickets'), vouchers: s.count('vouchers') });
    expect(result.tickets).toBeGreaterThan(0);
    const complainants = s.rows<{ id: string }>(`SELECT id FROM customers WHERE tags LIKE ?`, `%"${COMPLAINED_TAG}"%`).map((c) => c.id);
    expect(complainants.length).toBeGreaterThan(0);
    expect(s.rows<{ c: string }>(`SELECT DISTINCT customer_id AS c FROM tickets`).every((t) => complainants.includes(t.c))).toBe(true);
    const tickets = s.rows<{ id: string; status: string }>(`SELECT id, status FROM tickets`);
    for (const t of tickets) {
      const state = inTransaction(s.db, () => onSqlite(s.db, deriveAt(t.id, T)));
      expect({ id: t.id, status: state.status }).toEqual(t);
      if (state.status === 'resolved' || state.status === 'closed') expect({ id: t.id, pending: state.pendingBreaches }).toEqual({ id: t.id, pending: [] });
    }
    const breaches = s.rows<{ at: number; data: string }>(`SELECT at, data FROM ticket_events WHERE type = 'breach_recorded'`);
    expect(breaches.length).toBeGreaterThan(0);
    for (const b of breaches) expect(b.at).toBe((parsed(b.data) as { dueAt: number }).dueAt);
    const followUps = s.rows<{ customer: string; ticketCustomer: string }>(
      `SELECT c.customer_id AS customer, t.customer_id AS ticketCustomer FROM callbacks c JOIN tickets t ON t.id = c.ticket_id`,
    );
    expect(followUps.length).toBeGreaterThan(0);
    for (const f of followUps) expect(f.customer).toBe(f.ticketCustomer);
  });

  it('each stored ticket is what its events derive at the demo’s instant; a ticket still open keeps its missed target for the live sweep', () => {
    const s = demoStore();
    s.apply('demo.loadCases', { seed: 11, now: T, agentIds: [AGENT, OTHER_AGENT], supervisorId: SUPERVISOR });
    const tickets = () => s.rows(`SELECT * FROM tickets ORDER BY id`);
    const stored = tickets();
    // Written again from the events as stored: the same rows (escalated, breached, the derived clocks…).
    inTransaction(s.db, () => onSqlite(s.db, (function* () {
      for (const t of stored) yield* writeTicketProjection(yield* deriveAt(t.id as string, T));
    })()));
    expect(tickets()).toEqual(stored);
    expect(stored.some((t) => t.escalated === 1 && (t.status === 'resolved' || t.status === 'closed'))).toBe(true);
    // Open tickets past a target: the breach is today's news for the sweep, not history.
    const open = stored.filter((t) => t.status !== 'resolved' && t.status !== 'closed');
    const pending = open.filter((t) => inTransaction(s.db, () => onSqlite(s.db, deriveAt(t.id as string, T))).pendingBreaches.length > 0);
    expect(pending.length).toBeGreaterThan(0);
    for (const t of pending) expect(s.count('ticket_events', `ticket_id = ? AND type = 'breach_recorded'`, t.id)).toBe(0);
  });

  it('writes each voucher’s ledger: requested, then approved, redeemed or voided as it happened', () => {
    const s = demoStore();
    s.apply('demo.loadCases', { seed: 11, now: T, agentIds: [AGENT, OTHER_AGENT], supervisorId: SUPERVISOR });
    const vouchers = s.rows<{ id: string; state: string; value_fen: number; decided_by: string | null; redeemed_at: number | null; voided_at: number | null; state_reason: string | null }>(
      `SELECT id, state, value_fen, decided_by, redeemed_at, voided_at, state_reason FROM vouchers`,
    );
    expect(vouchers.length).toBeGreaterThan(0);
    for (const v of vouchers) {
      const events = s.rows<{ id: string; type: string; data: string }>(`SELECT id, type, data FROM voucher_events WHERE voucher_id = ? ORDER BY id`, v.id);
      const approval = v.decided_by !== null || v.state === 'pending_approval';
      const expected = [
        ['requested', { approvalReasons: approval ? ['over_voucher_limit'] : [], valueFen: v.value_fen, issued: !approval }],
        ...(v.decided_by ? [['approved', {}]] : []),
        ...(v.redeemed_at ? [['redeemed', {}]] : []),
        ...(v.voided_at ? [['voided', { reason: v.state_reason }]] : []),
      ];
      expect({ id: v.id, events: events.map((e) => [e.type, parsed(e.data)]) }).toEqual({ id: v.id, events: expected });
      expect(events.map((e) => e.id)).toEqual(expected.map((_, i) => `${v.id}-${i}`));
    }
    expect(vouchers.some((v) => v.decided_by !== null) && vouchers.some((v) => v.redeemed_at !== null)).toBe(true);
    // Nobody wrote a note on them.
    expect(s.count('vouchers', `note <> ''`)).toBe(0);
  });

  it('without complainants, the first customers in id order get the tickets', () => {
    const s = withTeam(openStore());
    const customers = [1, 2, 3].map(() => seedCustomer(s).id);
    const result = s.apply('demo.loadCases', { seed: 3, now: T, agentIds: [AGENT], supervisorId: SUPERVISOR });
    expect(result.tickets).toBeGreaterThan(0);
    expect(s.rows<{ c: string }>(`SELECT DISTINCT customer_id AS c FROM tickets`).every((t) => customers.includes(t.c))).toBe(true);
  });
});

describe('demo.loadResponses', () => {
  it('answers the mapped script’s published version for the demo calls that reached the customer, ended by now', () => {
    const s = demoStore();
    expect(s.apply('demo.loadResponses', { seed: 5, now: T })).toEqual({ responses: 0, answers: 0 });
    const content = BUILTIN_SCRIPTS.find((x) => x.purpose === 'satisfaction')!;
    const [scriptId, versionId] = [uid(1), uid(2)];
    s.apply('scripts.create', { scriptId, versionId, content, builtinKey: null, published: true, at: T - 60 * DAY, by: SUPERVISOR });
    s.apply('scripts.setMapping', { mapping: { satisfaction: scriptId }, at: T - 60 * DAY, by: SUPERVISOR });
    const now = T - DAY;
    const result = s.apply('demo.loadResponses', { seed: 5, now });
    expect(result).toEqual({ responses: s.count('survey_responses'), answers: s.count('survey_answers') });
    expect(result.responses).toBeGreaterThan(0);
    const responses = s.rows<{ version: string; reason: string; ended: number; answers: number }>(
      `SELECT r.script_version_id AS version, cb.reason, a.ended_at AS ended,
              (SELECT count(*) FROM survey_answers x WHERE x.response_id = r.id) AS answers
         FROM survey_responses r JOIN callbacks cb ON cb.id = r.callback_id
         JOIN call_attempts a ON a.callback_id = r.callback_id AND a.disposition = 'reached'`,
    );
    for (const r of responses) expect(r).toMatchObject({ version: versionId, reason: 'satisfaction' });
    expect(Math.max(...responses.map((r) => r.ended))).toBeLessThanOrEqual(now);
    const stored = s.row<{ value: string }>(`SELECT value FROM survey_answers LIMIT 1`)!;
    expect(JSON.parse(stored.value)).not.toBeNull();
    // A retired script is not used.
    s.apply('scripts.retire', { scriptId, at: T, by: SUPERVISOR });
    s.apply('scripts.setMapping', { mapping: {}, at: T, by: SUPERVISOR });
    expect(s.apply('demo.loadResponses', { seed: 5, now: T })).toEqual({ responses: 0, answers: 0 });
  });

  it('a call that ended exactly at `now` has ended: loading at its end is loading a moment later, and differs from a moment before', () => {
    const load = (now: number) => {
      const s = demoStore();
      const content = BUILTIN_SCRIPTS.find((x) => x.purpose === 'satisfaction')!;
      s.apply('scripts.create', { scriptId: uid(1), versionId: uid(2), content, builtinKey: null, published: true, at: T - 60 * DAY, by: SUPERVISOR });
      s.apply('scripts.setMapping', { mapping: { satisfaction: uid(1) }, at: T - 60 * DAY, by: SUPERVISOR });
      s.apply('demo.loadResponses', { seed: 5, now });
      return { s, written: s.rows(`SELECT r.id, r.callback_id, a.question_key, a.value FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id ORDER BY a.id`) };
    };
    // A call that was answered when everything was loaded.
    const { s, written } = load(T);
    const answered = (written[0] as { callback_id: string }).callback_id;
    const end = s.row<{ ended: number }>(`SELECT ended_at AS ended FROM call_attempts WHERE callback_id = ? AND disposition = 'reached'`, answered)!.ended;
    const ends = s.rows<{ ended: number }>(`SELECT a.ended_at AS ended FROM call_attempts a JOIN callbacks cb ON cb.id = a.callback_id WHERE a.disposition = 'reached' AND cb.source = 'demo'`).map((r) => r.ended);
    // No other call ends a moment before or after it.
    expect(ends.filter((e) => e >= end - 1 && e <= end + 1)).toEqual([end]);
    const atEnd = load(end).written;
    expect(atEnd).toEqual(load(end + 1).written);
    expect(atEnd).not.toEqual(load(end - 1).written);
  });
});
