import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, matchPolicy, slaPolicyListSchema, slaPolicySchema } from './policy';
import type { SlaPolicy } from './policy';

describe('matchPolicy', () => {
  it.each([
    ['P1', 'payments', 'sla-p1'],
    ['P2', 'account_security', 'sla-p2-account-security'],
    ['P2', 'payments', 'sla-p2'],
    ['P2', null, 'sla-p2'],
    ['P3', 'other', 'sla-p3'],
    ['P4', 'a category a supervisor added', 'sla-p4'],
  ] as const)('%s / %s → %s', (priority, category, id) => expect(matchPolicy(DEFAULT_POLICIES, priority, category)?.id).toBe(id));

  it('takes the first match in list order', () => {
    const reversed = [...DEFAULT_POLICIES].reverse();
    expect(matchPolicy(reversed, 'P2', 'account_security')?.id).toBe('sla-p2');
  });

  it('finds nothing for a priority without a policy', () => {
    expect(matchPolicy(DEFAULT_POLICIES.filter((p) => p.priority !== 'P4'), 'P4', null)).toBeUndefined();
  });
});

describe('policy schemas', () => {
  const p1 = DEFAULT_POLICIES[0]!;
  const bad = (patch: Partial<SlaPolicy> | Record<string, unknown>) => slaPolicySchema.safeParse({ ...p1, ...patch }).success;

  it('accepts the defaults', () => expect(slaPolicyListSchema.parse(DEFAULT_POLICIES)).toEqual(DEFAULT_POLICIES));

  it.each<[string, Record<string, unknown>]>([
    ['a zero target', { firstResponseMinutes: 0 }],
    ['a target over a year', { resolutionMinutes: 525_601 }],
    ['a fractional target', { resolutionMinutes: 10.5 }],
    ['first response longer than resolution', { firstResponseMinutes: 300, resolutionMinutes: 240 }],
    ['a 100 % warning', { warning: { kind: 'percent', value: 100 } }],
    ['a 0 % warning', { warning: { kind: 'percent', value: 0 } }],
    ['a 0-minute warning', { warning: { kind: 'minutes', value: 0 } }],
    ['an unknown priority', { priority: 'P5' }],
    ['an empty id', { id: '' }],
  ])('refuses %s', (_what, patch) => expect(bad(patch)).toBe(false));

  it('accepts a minutes warning', () => expect(bad({ warning: { kind: 'minutes', value: 15 } })).toBe(true));

  it('refuses a list that repeats an id', () => {
    const result = slaPolicyListSchema.safeParse([...DEFAULT_POLICIES, { ...p1, name: 'copy' }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([DEFAULT_POLICIES.length, 'id']);
  });

  it('targets of the defaults', () => {
    expect(DEFAULT_POLICIES.map((p) => [p.id, p.firstResponseMinutes, p.resolutionMinutes])).toEqual([
      ['sla-p1', 30, 240],
      ['sla-p2-account-security', 30, 240],
      ['sla-p2', 60, 480],
      ['sla-p3', 240, 1440],
      ['sla-p4', 480, 2400],
    ]);
  });
});
