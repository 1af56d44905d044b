import type { ParsedInputOf } from '../../core/contract/api';
import type { CallbacksReport, ComplaintsReport, OutcomesReport, SatisfactionReport, ScoreCounts, SlaCounts } from '../../core/contract/views-reports';
import { DISPOSITIONS, REASONS, type Disposition, type Reason } from '../../core/domain/model';
import type { QuestionType } from '../../core/questionnaire/model';
import { csatOf, npsOf, orderAnswerValues, percent } from '../../core/reports/figures';
import { dayIso, dayNumber, weekOfDay, weekStartDay } from '../../core/reports/time';
import { getCaseSettings } from '../../db/repos/case-settings';
import { attemptGroups, callbackGroups } from '../../db/repos/reports';
import { ticketGroups, voucherGroups, type TicketGroup } from '../../db/repos/reports-complaints';
import { reachedByWeek, surveyRows, type SurveyRow } from '../../db/repos/reports-survey';
import { inTransaction } from '../../db/repos/stmt';
import { listUsers } from '../../db/repos/users';
import { currentSupervisor, type ServiceContext } from './context';

/*
 * The supervisor reports: reads only, each in one read transaction so its figures come from one
 * snapshot. SQL does the counting (db/repos/reports.ts); here the grouped rows get their names, the
 * rates their formulas (core/reports/figures.ts) and the series their empty days.
 */

/** Distinct values listed for a question with free-form values (numbers); the rest are counted as omitted. */
const MAX_VALUES = 60;

const supervisorOnly = (ctx: ServiceContext) => currentSupervisor(ctx, 'see the reports');

const days = (from: number, to: number) => ({ first: dayNumber(from), last: dayNumber(to - 1) });
const weeks = (from: number, to: number) => ({ first: weekOfDay(dayNumber(from)), last: weekOfDay(dayNumber(to - 1)) });
const range = (first: number, last: number) => Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
const weekIso = (w: number) => dayIso(weekStartDay(w));

const rate = (a: { attempts: number; reached: number }) => ({ attempts: a.attempts, reached: a.reached, contactRate: percent(a.reached, a.attempts) });
const completion = (c: { closed: number; completed: number } | undefined) => {
  const closed = c?.closed ?? 0;
  const completed = c?.completed ?? 0;
  return { closed, completed, completionRate: percent(completed, closed) };
};
const ofDim = <T extends { dim: string }>(rows: T[], dim: T['dim']) => rows.filter((r) => r.dim === dim);

export function outcomesReport(ctx: ServiceContext, input: ParsedInputOf<'reports.outcomes'>): OutcomesReport {
  supervisorOnly(ctx);
  const now = ctx.now();
  const { from, to, agentId, reason } = input;
  const span = days(from, to);
  return inTransaction(ctx.db, () => {
    const groups = attemptGroups(ctx.db, { from, to, ...span, agentId, reason });
    const zero = { attempts: 0, reached: 0 };
    const byDay = new Map(ofDim(groups, 'day').map((r) => [r.key as number, r]));
    const byReason = new Map(ofDim(groups, 'reason').map((r) => [r.key as Reason, r]));
    const byDisposition = new Map(ofDim(groups, 'disposition').map((r) => [r.key as Disposition, r.attempts]));
    const total = ofDim(groups, 'total')[0] ?? zero;
    const names = new Map(listUsers(ctx.db).map((u) => [u.id, u.name]));
    return {
      now,
      totals: rate(total),
      dispositions: DISPOSITIONS.map((d) => ({ disposition: d, count: byDisposition.get(d) ?? 0, share: percent(byDisposition.get(d) ?? 0, total.attempts) })),
      byReason: REASONS.map((r) => ({ reason: r, ...rate(byReason.get(r) ?? zero) })),
      byAgent: ofDim(groups, 'agent')
        .map((r) => ({ agentId: String(r.key), name: names.get(String(r.key)) ?? null, ...rate(r) }))
        .sort((a, b) => b.attempts - a.attempts || a.agentId.localeCompare(b.agentId)),
      byDay: range(span.first, span.last).map((d) => ({ date: dayIso(d), ...rate(byDay.get(d) ?? zero) })),
    };
  });
}

export function callbacksReport(ctx: ServiceContext, input: ParsedInputOf<'reports.callbacks'>): CallbacksReport {
  supervisorOnly(ctx);
  const now = ctx.now();
  const { from, to, reason } = input;
  const span = days(from, to);
  const today = dayNumber(now);
  return inTransaction(ctx.db, () => {
    // A range still to come has had no closures and has no backlog yet.
    const groups = from <= now ? callbackGroups(ctx.db, { from, to, ...span, today, now, reason }) : [];
    const byDay = new Map(ofDim(groups, 'day').map((r) => [r.key as number, r]));
    const byReason = new Map(ofDim(groups, 'reason').map((r) => [r.key as Reason, r]));
    // Backlog is a state at each day's end: days after today have none yet.
    const state = (d: number) => {
      const r = d <= today ? byDay.get(d) : undefined;
      return { backlog: r ? r.backlog : null, overdue: r ? r.overdue : null };
    };
    const end = state(Math.min(span.last, today));
    return {
      now,
      totals: { ...completion(ofDim(groups, 'total')[0]), ...end },
      byReason: REASONS.map((r) => ({ reason: r, ...completion(byReason.get(r)) })),
      byDay: range(span.first, span.last).map((d) => ({ date: dayIso(d), ...completion(byDay.get(d)), ...state(d) })),
    };
  });
}

function scores(g: Omit<SurveyRow, 'dim' | 'week' | 'purpose' | 'started' | 'completed'> | undefined): ScoreCounts {
  const c = {
    csatAnswers: g?.csatAnswers ?? 0,
    csatPositive: g?.csatPositive ?? 0,
    npsAnswers: g?.npsAnswers ?? 0,
    promoters: g?.promoters ?? 0,
    detractors: g?.detractors ?? 0,
  };
  return { ...c, csat: csatOf(c.csatPositive, c.csatAnswers), nps: npsOf(c.promoters, c.detractors, c.npsAnswers) };
}

function chosenQuestion(rows: SurveyRow[]): SatisfactionReport['question'] {
  const chosen = ofDim(rows, 'chosen')[0];
  if (!chosen) return null;
  const type = chosen.type as QuestionType;
  const text = type === 'short_text' || type === 'long_text';
  const choices = JSON.parse(chosen.choices ?? '[]') as { value: string; label: string }[];
  const labels = new Map(choices.map((c) => [c.value, c.label]));
  const values = ofDim(rows, 'value').map((v) => ({ value: v.value!, count: v.count! }));
  return {
    key: chosen.key!,
    text: chosen.text!,
    type,
    answers: chosen.count ?? 0,
    counts: text ? [] : orderAnswerValues(type, values, choices.map((c) => c.value)).map((v) => ({ ...v, label: labels.get(v.value) ?? v.value })),
    omitted: text ? 0 : Math.max(0, (chosen.distinctValues ?? 0) - values.length),
  };
}

export function satisfactionReport(ctx: ServiceContext, input: ParsedInputOf<'reports.satisfaction'>): SatisfactionReport {
  supervisorOnly(ctx);
  const now = ctx.now();
  const { from, to, agentId, purpose, questionKey } = input;
  const q = { from, to, ...weeks(from, to), agentId, purpose };
  return inTransaction(ctx.db, () => {
    const reached = reachedByWeek(ctx.db, q);
    const rows = surveyRows(ctx.db, { ...q, key: questionKey ?? null, limit: MAX_VALUES });
    const weekRows = new Map(ofDim(rows, 'week').map((g) => [g.week!, g]));
    const total = ofDim(rows, 'total')[0];
    const reachedTotal = reached.reduce((n, r) => n + r.reached, 0); // ≤ 160 weekly counts
    const started = total?.started ?? 0;
    const completed = total?.completed ?? 0;
    const questions = ofDim(rows, 'question').sort(
      (a, b) => (a.purpose! < b.purpose! ? -1 : a.purpose! > b.purpose! ? 1 : a.position! - b.position! || (a.key! < b.key! ? -1 : 1)),
    );
    return {
      now,
      totals: {
        reached: reachedTotal,
        started,
        completed,
        responseRate: percent(started, reachedTotal),
        completionRate: percent(completed, started),
        ...scores(total),
      },
      // reachedByWeek has a row for every week of the range: it is the dense spine of the series.
      byWeek: reached.map(({ week, reached: base }) => {
        const g = weekRows.get(week);
        return {
          week: weekIso(week),
          reached: base,
          started: g?.started ?? 0,
          completed: g?.completed ?? 0,
          responseRate: percent(g?.started ?? 0, base),
          ...scores(g),
        };
      }),
      byWeekPurpose: ofDim(rows, 'weekPurpose')
        .filter((g) => g.csatAnswers > 0 || g.npsAnswers > 0)
        .map((g) => ({ week: weekIso(g.week!), purpose: g.purpose as Reason, ...scores(g) })),
      byPurpose: ofDim(rows, 'purpose')
        .map((g) => ({ purpose: g.purpose as Reason, started: g.started, ...scores(g) }))
        .sort((a, b) => REASONS.indexOf(a.purpose) - REASONS.indexOf(b.purpose)),
      questions: questions.map((x) => ({ key: x.key!, text: x.text!, type: x.type as QuestionType })),
      question: chosenQuestion(rows),
    };
  });
}

function sla(g: TicketGroup | undefined): SlaCounts {
  const c = {
    tickets: g?.tickets ?? 0,
    firstResponseDone: g?.frDone ?? 0,
    firstResponseMet: g?.frMet ?? 0,
    resolutionDone: g?.resDone ?? 0,
    resolutionMet: g?.resMet ?? 0,
  };
  return {
    ...c,
    firstResponsePct: percent(c.firstResponseMet, c.firstResponseDone),
    resolutionPct: percent(c.resolutionMet, c.resolutionDone),
    medianFirstResponseMinutes: g?.frMedian ?? null,
    medianResolutionMinutes: g?.resMedian ?? null,
  };
}

export function complaintsReport(ctx: ServiceContext, input: ParsedInputOf<'reports.complaints'>): ComplaintsReport {
  supervisorOnly(ctx);
  const now = ctx.now();
  const { from, to, agentId, category } = input;
  const span = weeks(from, to);
  return inTransaction(ctx.db, () => {
    const groups = ticketGroups(ctx.db, { from, to, agentId, category });
    const vouchers = voucherGroups(ctx.db, { from, to, agentId, category });
    const total = groups.find((g) => g.dim === 'total');
    const weekRows = new Map(groups.filter((g) => g.dim === 'week').map((g) => [g.week!, g]));
    const settings = getCaseSettings(ctx.db);
    return {
      now,
      totals: {
        ...sla(total),
        vouchersIssued: vouchers.reduce((n, v) => n + v.issued, 0),
        vouchersVoided: vouchers.reduce((n, v) => n + v.voided, 0),
        spendFen: vouchers.reduce((n, v) => n + v.spendFen, 0),
      },
      categories: groups
        .filter((g) => g.dim === 'category')
        .map((g) => ({ category: g.category!, share: percent(g.tickets, total?.tickets ?? 0), ...sla(g) }))
        .sort((a, b) => b.tickets - a.tickets || a.category.localeCompare(b.category)),
      categoryWeeks: groups.filter((g) => g.dim === 'weekCategory').map((g) => ({ week: weekIso(g.week!), category: g.category!, tickets: g.tickets })),
      byWeek: range(span.first, span.last).map((w) => ({ week: weekIso(w), ...sla(weekRows.get(w)) })),
      vouchers,
      categoryLabels: settings.categories.map((c) => ({ key: c.key, zh: c.zh, en: c.en })),
    };
  });
}
