import { z } from 'zod';
import { REASONS } from '../domain/model';
import { questionKeySchema, SCRIPT_PURPOSES } from '../questionnaire/model';
import { DAY_MS, MAX_RANGE_DAYS } from '../reports/time';
import { epochMs, id, returns, type ContractFor } from './common';
import type { ReportsMethod } from './methods';
import type { CallbacksReport, ComplaintsReport, OutcomesReport, SatisfactionReport } from './views-reports';

/*
 * The supervisor reports (merged into the contract in api.ts). One filter for the whole page: a
 * half-open range [from, to) of epoch ms (the page sends whole Beijing days) and optional narrowing.
 * Each report applies the filters that mean something for it: the team member to calls, questionnaires,
 * tickets and vouchers (not to callbacks: closing one is not an agent's act), the callback reason to
 * outcomes and callbacks, the questionnaire purpose to satisfaction, the ticket category to complaints.
 */

export const reportFilterShape = {
  from: epochMs,
  to: epochMs,
  agentId: id.optional(),
  reason: z.enum(REASONS).optional(),
  purpose: z.enum(SCRIPT_PURPOSES).optional(),
  category: z.string().trim().min(1).max(40).optional(),
};

/** zod 4 refuses to extend a refined object, so each report's schema is built from the shape. */
function withRange<S extends typeof reportFilterShape>(shape: S) {
  const span = (v: unknown) => v as { from: number; to: number };
  return z
    .object(shape)
    .strict()
    .refine((v) => span(v).to > span(v).from, { message: 'the range must end after it starts', path: ['to'] })
    .refine((v) => span(v).to - span(v).from <= MAX_RANGE_DAYS * DAY_MS, {
      message: `a report covers at most ${MAX_RANGE_DAYS} days`,
      path: ['to'],
    });
}

export const reportFilterSchema = withRange(reportFilterShape);
export type ReportFilter = z.output<typeof reportFilterSchema>;

export const satisfactionFilterSchema = withRange({ ...reportFilterShape, questionKey: questionKeySchema.optional() });

export const reportsContract = {
  'reports.outcomes': returns<OutcomesReport>()(reportFilterSchema),
  'reports.callbacks': returns<CallbacksReport>()(reportFilterSchema),
  'reports.satisfaction': returns<SatisfactionReport>()(satisfactionFilterSchema),
  'reports.complaints': returns<ComplaintsReport>()(reportFilterSchema),
} satisfies ContractFor<ReportsMethod>;
