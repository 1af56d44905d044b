import { generateDemoCases } from '../demo/cases';
import { breachesToRecord, type TicketEvent } from '../tickets';
import type { MutationArgs } from '../sync/mutations';
import type { Q } from '../store/sql';
import { BUILTIN_CALENDAR_ID } from '../store/case-settings';
import { firstCustomers } from '../store/customers';
import { complainants, linkFollowUp, reachedDemoCalls } from '../store/demo';
import { generateDemoResponses, type DemoResponsesOptions } from '../demo/responses';
import { REASONS, type Reason } from '../domain/model';
import type { ScriptContent } from '../questionnaire/model';
import { insertAnswerFact, insertResponse } from '../store/responses';
import { getScript, latestPublished } from '../store/scripts';
import { getScriptMapping } from '../store/settings';
import { deriveFromEvents, insertTicketEvent, reserveTicketRow, writeTicketProjection } from '../store/tickets';
import { insertVoucher, insertVoucherEvent } from '../store/vouchers';

/**
 * Loads the demo's tickets and vouchers for customers already in the store: every customer tagged
 * 曾投诉 gets a resolved ticket, which their complaint follow-up callback follows up (without any such
 * customer, the first ones in id order get tickets). Customers are read in id order, so replaying the
 * mutation on the same prior state picks the same ones.
 */
export function* applyDemoCases(a: MutationArgs<'demo.loadCases'>): Q<{ tickets: number; vouchers: number }> {
  const tagged = yield* complainants();
  const customers = tagged.length > 0 ? tagged : yield* firstCustomers(260);
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
      // Stryker disable next-line ConditionalExpression,MethodExpression,LogicalOperator,ArithmeticOperator,EqualityOperator,UnaryOperator: deriving again without new events gives the same state (a speed-up; skipping it when there are breaches is pinned by test/appliers-demo), and deriveTicket's result does not depend on where the breach_recorded events sit (they only set `escalated` and add their clock, in breachesToRecord's order): the time order is for a reader
      if (breaches.length) state = yield* deriveFromEvents([...events, ...breaches].sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : 1)), a.now);
    }
    yield* writeTicketProjection(state);
  }
  for (const f of data.followUps) yield* linkFollowUp(f.callbackId, f.ticketId);
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

/**
 * Loads the demo's questionnaire answers for the demo calls that reached the customer, on the published
 * version of the script each purpose is mapped to. Applied after the built-in scripts are installed; the
 * calls, the mapping and the versions are read from the store in a fixed order, so replaying the
 * mutation on the same prior state writes the same rows. Without a mapped script nothing is written.
 */
export function* applyDemoResponses(a: MutationArgs<'demo.loadResponses'>): Q<{ responses: number; answers: number }> {
  const scripts: DemoResponsesOptions['scripts'] = {};
  for (const reason of REASONS) {
    const found = yield* applicableVersion(reason);
    // Stryker disable next-line ConditionalExpression: an undefined entry reads as a missing one (generateDemoResponses skips a call without a script)
    if (found) scripts[reason] = found;
  }
  const calls = (yield* reachedDemoCalls()).filter((c) => c.endedAt <= a.now);
  const data = generateDemoResponses({ seed: a.seed, calls, scripts });
  for (const r of data.responses) yield* insertResponse(r);
  for (const f of data.answers) {
    yield* insertAnswerFact({ id: f.id, responseId: f.responseId, questionKey: f.questionKey, answer: { value: f.value }, answeredAt: f.answeredAt });
  }
  return { responses: data.responses.length, answers: data.answers.length };
}

function* applicableVersion(reason: Reason): Q<{ versionId: string; content: ScriptContent } | undefined> {
  const scriptId = (yield* getScriptMapping())[reason];
  const script = scriptId ? yield* getScript(scriptId) : undefined;
  // Stryker disable next-line ConditionalExpression: a redundant guard: retiring a script unmaps it (applyRetire) and scripts.setMapping refuses a retired one, so a mapped script is never retired
  if (!script || script.retiredAt !== null) return undefined;
  const version = yield* latestPublished(script.id);
  return version && { versionId: version.id, content: version.content };
}
