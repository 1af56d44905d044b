import { describe, expect, it } from 'vitest';
import { FOREVER, REASONS, type CallbackFacts, type ConsentState, type CustomerFacts, type Reason } from '../domain/model';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { assessCallability, consentAllows, type CallabilityInput } from './callability';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-23T10:00:00+08:00'); // Monday
const ME = 'agent-me';
const OTHER = 'agent-other';

type Customer = CustomerFacts & { capUntil: number | null };

function input(
  cb: Partial<CallbackFacts> = {},
  cu: Partial<Omit<Customer, 'consents'>> & { consents?: Partial<Customer['consents']> } = {},
  extra: { now?: number; settings?: Partial<Settings>; agentId?: string } = {},
): CallabilityInput {
  const { consents, ...restCustomer } = cu;
  return {
    callback: {
      id: 'cb-1',
      reason: 'winback',
      priority: 3,
      dueAt: null,
      state: 'open',
      leaseAgentId: null,
      leaseExpiresAt: null,
      createdAt: NOW - DAY,
      ...cb,
    },
    customer: {
      id: 'cu-1',
      phoneStatus: 'ok',
      timezone: 'Asia/Shanghai',
      consents: { service: 'granted', survey: 'granted', marketing: 'granted', ...consents },
      dncUntil: null,
      capUntil: null,
      ...restCustomer,
    },
    agentId: extra.agentId ?? ME,
    now: extra.now ?? NOW,
    settings: { ...DEFAULT_SETTINGS, ...extra.settings },
  };
}

describe('assessCallability: one block at a time', () => {
  const cases: { name: string; in: CallabilityInput; expected: ReturnType<typeof assessCallability> }[] = [
    { name: 'the base case is callable', in: input(), expected: { callable: true } },
    { name: 'closed', in: input({ state: 'closed' }), expected: { callable: false, blocks: [{ reason: 'closed' }] } },
    {
      name: 'leased by another agent',
      in: input({ leaseAgentId: OTHER, leaseExpiresAt: NOW + 5 * MIN }),
      expected: { callable: false, blocks: [{ reason: 'leased', until: NOW + 5 * MIN }] },
    },
    { name: 'leased by me', in: input({ leaseAgentId: ME, leaseExpiresAt: NOW + 5 * MIN }), expected: { callable: true } },
    { name: "another agent's lease that expired a minute ago", in: input({ leaseAgentId: OTHER, leaseExpiresAt: NOW - MIN }), expected: { callable: true } },
    { name: "another agent's lease expiring exactly now", in: input({ leaseAgentId: OTHER, leaseExpiresAt: NOW }), expected: { callable: true } },
    {
      name: "another agent's lease expiring 1 ms from now",
      in: input({ leaseAgentId: OTHER, leaseExpiresAt: NOW + 1 }),
      expected: { callable: false, blocks: [{ reason: 'leased', until: NOW + 1 }] },
    },
    { name: 'a lease holder without expiry does not hold it', in: input({ leaseAgentId: OTHER, leaseExpiresAt: null }), expected: { callable: true } },
    { name: 'bad number', in: input({}, { phoneStatus: 'bad' }), expected: { callable: false, blocks: [{ reason: 'bad_number' }] } },
    {
      name: 'DNC blocks marketing',
      in: input({ reason: 'winback' }, { dncUntil: NOW + DAY }),
      expected: { callable: false, blocks: [{ reason: 'dnc', until: NOW + DAY }] },
    },
    {
      name: 'DNC forever blocks onboarding',
      in: input({ reason: 'onboarding' }, { dncUntil: FOREVER }),
      expected: { callable: false, blocks: [{ reason: 'dnc', until: FOREVER }] },
    },
    { name: 'DNC does not block a complaint follow-up', in: input({ reason: 'complaint_followup' }, { dncUntil: FOREVER }), expected: { callable: true } },
    { name: 'DNC does not block a satisfaction survey', in: input({ reason: 'satisfaction' }, { dncUntil: FOREVER }), expected: { callable: true } },
    { name: 'DNC that ended exactly now does not block', in: input({ reason: 'care' }, { dncUntil: NOW }), expected: { callable: true } },
    { name: 'DNC that ends 1 ms from now blocks', in: input({ reason: 'care' }, { dncUntil: NOW + 1 }), expected: { callable: false, blocks: [{ reason: 'dnc', until: NOW + 1 }] } },
    {
      name: 'scheduled later',
      in: input({ dueAt: NOW + HOUR }),
      expected: { callable: false, blocks: [{ reason: 'scheduled_later', until: NOW + HOUR }] },
    },
    { name: 'due exactly now is callable', in: input({ dueAt: NOW }), expected: { callable: true } },
    { name: 'overdue is callable', in: input({ dueAt: NOW - DAY }), expected: { callable: true } },
    {
      name: 'outside the window (LA customer at LA 22:00)',
      in: input({}, { timezone: 'America/Los_Angeles' }, { now: Date.parse('2026-11-23T14:00:00+08:00') }),
      expected: {
        callable: false,
        blocks: [{ reason: 'outside_window', until: Date.parse('2026-11-23T09:00:00-08:00'), localTime: '2026-11-22 22:00' }],
      },
    },
    {
      name: 'no-call day in the customer zone',
      in: input({}, {}, { settings: { noCallWeekdays: [1] } }),
      expected: {
        callable: false,
        blocks: [{ reason: 'no_call_day', until: Date.parse('2026-11-24T09:00:00+08:00'), localTime: '2026-11-23 10:00' }],
      },
    },
    {
      name: 'contact cap',
      in: input({}, { capUntil: NOW + 3 * HOUR }),
      expected: { callable: false, blocks: [{ reason: 'contact_cap', until: NOW + 3 * HOUR }] },
    },
    { name: 'contact cap that lifted exactly now', in: input({}, { capUntil: NOW }), expected: { callable: true } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(assessCallability(c.in)).toEqual(c.expected);
    });
  }
});

describe('assessCallability: consent', () => {
  const states: ConsentState[] = ['granted', 'unknown', 'refused'];
  // reason → purpose it needs, and whether that purpose needs an explicit opt-in
  const needs: Record<Reason, { purpose: 'service' | 'survey' | 'marketing'; allowed: ConsentState[] }> = {
    complaint_followup: { purpose: 'service', allowed: ['granted', 'unknown'] },
    satisfaction: { purpose: 'survey', allowed: ['granted', 'unknown'] },
    winback: { purpose: 'marketing', allowed: ['granted'] },
    onboarding: { purpose: 'marketing', allowed: ['granted'] },
    care: { purpose: 'marketing', allowed: ['granted'] },
  };
  for (const reason of REASONS) {
    for (const state of states) {
      const { purpose, allowed } = needs[reason];
      const ok = allowed.includes(state);
      it(`${reason} with ${purpose} consent '${state}' → ${ok ? 'callable' : 'no_consent'}`, () => {
        // Every other purpose is refused, so only the right purpose can make it callable.
        const consents = { service: 'refused', survey: 'refused', marketing: 'refused', [purpose]: state } as Customer['consents'];
        expect(assessCallability(input({ reason }, { consents }))).toEqual(
          ok ? { callable: true } : { callable: false, blocks: [{ reason: 'no_consent' }] },
        );
      });
    }
  }

  it('consentAllows', () => {
    expect([consentAllows('granted', true), consentAllows('unknown', true), consentAllows('refused', true)]).toEqual([true, false, false]);
    expect([consentAllows('granted', false), consentAllows('unknown', false), consentAllows('refused', false)]).toEqual([true, true, false]);
  });
});

describe('assessCallability: every block at once, in explanation order', () => {
  it('lists all nine reasons in BLOCK_REASONS order', () => {
    const now = Date.parse('2026-11-23T14:00:00+08:00'); // LA 22:00 Sunday
    const verdict = assessCallability(
      input(
        { state: 'closed', leaseAgentId: OTHER, leaseExpiresAt: now + MIN, dueAt: now + HOUR, reason: 'care' },
        { phoneStatus: 'bad', dncUntil: now + DAY, consents: { marketing: 'unknown' }, timezone: 'America/Los_Angeles', capUntil: now + 2 * HOUR },
        { now },
      ),
    );
    expect(verdict).toEqual({
      callable: false,
      blocks: [
        { reason: 'closed' },
        { reason: 'leased', until: now + MIN },
        { reason: 'bad_number' },
        { reason: 'dnc', until: now + DAY },
        { reason: 'no_consent' },
        { reason: 'scheduled_later', until: now + HOUR },
        { reason: 'outside_window', until: Date.parse('2026-11-23T09:00:00-08:00'), localTime: '2026-11-22 22:00' },
        { reason: 'contact_cap', until: now + 2 * HOUR },
      ],
    });
    // no_call_day replaces outside_window when the day itself is off.
    const offDay = assessCallability(input({}, { timezone: 'America/Los_Angeles' }, { now, settings: { noCallWeekdays: [7] } }));
    expect(offDay).toEqual({
      callable: false,
      blocks: [{ reason: 'no_call_day', until: Date.parse('2026-11-23T09:00:00-08:00'), localTime: '2026-11-22 22:00' }],
    });
  });

  it('my own lease never blocks me, even if the callback is otherwise blocked', () => {
    const verdict = assessCallability(input({ leaseAgentId: ME, leaseExpiresAt: NOW + MIN }, { capUntil: NOW + HOUR }));
    expect(verdict).toEqual({ callable: false, blocks: [{ reason: 'contact_cap', until: NOW + HOUR }] });
  });

  it('the same lease blocks another agent', () => {
    const verdict = assessCallability(input({ leaseAgentId: ME, leaseExpiresAt: NOW + MIN }, {}, { agentId: OTHER }));
    expect(verdict).toEqual({ callable: false, blocks: [{ reason: 'leased', until: NOW + MIN }] });
  });
});
