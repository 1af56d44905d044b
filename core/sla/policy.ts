import { z } from 'zod';

/*
 * SLA policies: the business-time targets a ticket gets from its priority and (optionally) its category.
 * Policies are an ordered list and the first match wins, so a category-narrowed policy must come before
 * the catch-all policy of the same priority.
 */

export const TICKET_PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** When a clock turns amber: at a share of the target consumed, or with so many business minutes left. */
export type SlaWarning = { kind: 'percent'; value: number } | { kind: 'minutes'; value: number };

export interface SlaPolicy {
  id: string;
  name: string;
  priority: TicketPriority;
  /** null: any category. */
  category: string | null;
  /** Business minutes. */
  firstResponseMinutes: number;
  resolutionMinutes: number;
  warning: SlaWarning;
}

/** One year of minutes: a longer target is a typo, not a policy. */
export const MAX_TARGET_MINUTES = 525_600;

export const slaWarningSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), value: z.number().int().min(1).max(99) }),
  z.object({ kind: z.literal('minutes'), value: z.number().int().min(1).max(MAX_TARGET_MINUTES) }),
]);

const target = z.number().int().min(1).max(MAX_TARGET_MINUTES);

export const slaPolicySchema = z
  .object({
    id: z.string().trim().min(1).max(64),
    name: z.string().trim().min(1).max(80),
    priority: z.enum(TICKET_PRIORITIES),
    category: z.string().trim().min(1).max(64).nullable(),
    firstResponseMinutes: target,
    resolutionMinutes: target,
    warning: slaWarningSchema,
  })
  .refine((p) => p.firstResponseMinutes <= p.resolutionMinutes, {
    path: ['firstResponseMinutes'],
    message: 'The first-response target cannot be longer than the resolution target.',
  });

export const slaPolicyListSchema = z.array(slaPolicySchema).superRefine((list, ctx) => {
  const seen = new Map<string, number>();
  list.forEach((p, i) => {
    const first = seen.get(p.id);
    if (first === undefined) seen.set(p.id, i);
    else ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Policy id "${p.id}" is used twice (also policy ${first + 1}).` });
  });
});

/** The first policy (in list order) for this priority whose category is null or equal to `category`. */
export function matchPolicy(policies: readonly SlaPolicy[], priority: TicketPriority, category: string | null): SlaPolicy | undefined {
  return policies.find((p) => p.priority === priority && (p.category === null || p.category === category));
}

const warn80: SlaWarning = { kind: 'percent', value: 80 };

/** Targets in business minutes; a business day is 8 hours (09:00–12:00, 13:00–18:00). */
export const DEFAULT_POLICIES: SlaPolicy[] = [
  { id: 'sla-p1', name: 'P1 紧急', priority: 'P1', category: null, firstResponseMinutes: 30, resolutionMinutes: 240, warning: warn80 },
  { id: 'sla-p2-account-security', name: 'P2 账户安全', priority: 'P2', category: 'account_security', firstResponseMinutes: 30, resolutionMinutes: 240, warning: warn80 },
  { id: 'sla-p2', name: 'P2 高', priority: 'P2', category: null, firstResponseMinutes: 60, resolutionMinutes: 480, warning: warn80 },
  { id: 'sla-p3', name: 'P3 中', priority: 'P3', category: null, firstResponseMinutes: 240, resolutionMinutes: 1440, warning: warn80 },
  { id: 'sla-p4', name: 'P4 低', priority: 'P4', category: null, firstResponseMinutes: 480, resolutionMinutes: 2400, warning: warn80 },
];
