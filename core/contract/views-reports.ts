import type { Disposition, Reason } from '../domain/model';
import type { QuestionType } from '../questionnaire/model';

/*
 * Shapes of the supervisor reports (reports.outcomes, reports.satisfaction, reports.complaints). Days
 * and weeks are Beijing calendar dates 'YYYY-MM-DD' (a week is named by its Monday). Percentages are
 * 0–100 with one decimal (NPS −100…100) and null when there is nothing to divide by. Series are dense:
 * every day or week of the range has a row, with zeros where nothing happened.
 */

export interface RateCounts {
  attempts: number;
  reached: number;
  /** reached ÷ attempts. */
  contactRate: number | null;
}

/** Call attempts: what the calls of the range ended in (reports.outcomes). */
export interface OutcomesReport {
  now: number;
  totals: RateCounts;
  dispositions: { disposition: Disposition; count: number; share: number | null }[];
  byReason: (RateCounts & { reason: Reason })[];
  /** Everyone with attempts in the range (a user since removed shows by id). */
  byAgent: (RateCounts & { agentId: string; name: string | null })[];
  byDay: (RateCounts & { date: string })[];
}

export interface CompletionCounts {
  /** Callbacks closed in the range, by any outcome. */
  closed: number;
  /** Of those, closed as completed. */
  completed: number;
  completionRate: number | null;
}

/**
 * Callbacks: how many were closed and completed, and how many were open and overdue at each day's end
 * (reports.callbacks). Closing is the callback's fate, not one agent's act: no team member filter.
 */
export interface CallbacksReport {
  now: number;
  totals: CompletionCounts & {
    /** Open at the end of the range (now, when the range reaches today); null for a range still to come. */
    backlog: number | null;
    overdue: number | null;
  };
  byReason: (CompletionCounts & { reason: Reason })[];
  byDay: (CompletionCounts & {
    date: string;
    /** Open callbacks at the end of the day (at `now` for today); null for days still to come. */
    backlog: number | null;
    /** Of those, past their due time. */
    overdue: number | null;
  })[];
}

export interface ScoreCounts {
  /** 1–5 ratings answered, and how many were 4 or 5. */
  csatAnswers: number;
  csatPositive: number;
  csat: number | null;
  /** 0–10 scores answered, promoters (9–10), detractors (0–6). */
  npsAnswers: number;
  promoters: number;
  detractors: number;
  nps: number | null;
}

export interface SatisfactionWeek extends ScoreCounts {
  week: string;
  reached: number;
  /** Questionnaires started in the week, and completed. */
  started: number;
  completed: number;
  responseRate: number | null;
}

export interface SatisfactionReport {
  now: number;
  totals: ScoreCounts & { reached: number; started: number; completed: number; responseRate: number | null; completionRate: number | null };
  byWeek: SatisfactionWeek[];
  /** Sparse: a (week, purpose) pair appears when it has a rating or a score. */
  byWeekPurpose: (ScoreCounts & { week: string; purpose: Reason })[];
  byPurpose: (ScoreCounts & { purpose: Reason; started: number })[];
  /** Question keys of the versions answered in the range (newest wording), for the question picker. */
  questions: { key: string; text: string; type: QuestionType }[];
  /** The distribution of the chosen question (or the first rating question), across versions by key. */
  question: {
    key: string;
    text: string;
    type: QuestionType;
    /** Questionnaires with a current answer to it. */
    answers: number;
    /** Empty for text questions (their answers are free text, possibly personal: not listed). */
    counts: { value: string; label: string; count: number }[];
    /** More distinct values than listed (numbers): how many were left out. */
    omitted: number;
  } | null;
}

export interface SlaCounts {
  tickets: number;
  /** Tickets whose first-response clock stopped (met or missed), and how many met it. */
  firstResponseDone: number;
  firstResponseMet: number;
  firstResponsePct: number | null;
  resolutionDone: number;
  resolutionMet: number;
  resolutionPct: number | null;
  /** Medians, in business minutes, over the stopped clocks. */
  medianFirstResponseMinutes: number | null;
  medianResolutionMinutes: number | null;
}

export interface ComplaintsReport {
  now: number;
  totals: SlaCounts & { vouchersIssued: number; vouchersVoided: number; spendFen: number };
  /** Every category with tickets in the range, most tickets first. */
  categories: (SlaCounts & { category: string; share: number | null })[];
  /** Sparse: tickets per (week, category). */
  categoryWeeks: { week: string; category: string; tickets: number }[];
  byWeek: (SlaCounts & { week: string })[];
  /** Vouchers issued in the range, by reason; spend counts issued and redeemed ones (voided give it back). */
  vouchers: { reasonCode: string; issued: number; voided: number; spendFen: number }[];
  /** Labels of every category key, retired ones included. */
  categoryLabels: { key: string; zh: string; en: string }[];
}
