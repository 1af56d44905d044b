import type { ParsedInputOf } from '../../core/contract/api';
import type { SurveyFigures, SurveyVersionFigures } from '../../core/contract/views';
import { csat, nps, rates } from '../../core/questionnaire/metrics';
import type { Question, ScriptContent } from '../../core/questionnaire/model';
import { answerCounts, reachedCalls, responseCountsByVersion } from '../../db/repos/survey-figures';
import { currentUser, type ServiceContext } from './context';

/** Expands value counts into the plain lists the core formulas take (the lists are small: ≤ 11 values). */
function expand(counts: { value: number; count: number }[]): number[] {
  return counts.flatMap(({ value, count }) => Array.from({ length: count }, () => value));
}

function choiceLabel(question: Question, value: string): string {
  if (question.type === 'yes_no') return value;
  return question.choices.find((c) => c.value === value)?.label ?? value;
}

/**
 * CSAT, NPS, response and completion rates, per script version and overall, and the answer
 * distribution of every question key across versions. Counting happens in SQL; core has the formulas.
 */
export function surveyFigures(ctx: ServiceContext, filter: ParsedInputOf<'reports.survey'>): SurveyFigures {
  currentUser(ctx);
  const versions = responseCountsByVersion(ctx.db, filter);
  const contents = new Map(versions.map((v) => [v.versionId, JSON.parse(v.content) as ScriptContent]));
  const counts = answerCounts(ctx.db, filter);
  const scoresOf = (versionId: string | null, type: 'rating' | 'nps') =>
    expand(
      counts
        .filter((c) => (versionId === null || c.versionId === versionId) && contents.get(c.versionId)?.questions.find((q) => q.key === c.key)?.type === type)
        .map((c) => ({ value: Number(JSON.parse(c.value)), count: c.count })),
    );

  const byVersion: SurveyVersionFigures[] = versions.map((v) => {
    const ratings = scoresOf(v.versionId, 'rating');
    const promoters = scoresOf(v.versionId, 'nps');
    return {
      scriptId: v.scriptId,
      scriptTitle: v.scriptTitle,
      purpose: v.purpose as SurveyVersionFigures['purpose'],
      version: v.version,
      versionId: v.versionId,
      started: v.started,
      completed: v.completed,
      partial: v.partial,
      declined: v.declined,
      csat: csat(ratings),
      csatAnswers: ratings.length,
      nps: nps(promoters),
      npsAnswers: promoters.length,
    };
  });

  // One row per question key across versions; the newest version's wording and choices label it.
  const questions = new Map<string, SurveyFigures['questions'][number]>();
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  for (const v of newestFirst) {
    for (const q of contents.get(v.versionId)!.questions) {
      if (!questions.has(q.key)) questions.set(q.key, { key: q.key, type: q.type, text: q.text, answers: 0, counts: [] });
    }
  }
  for (const c of counts) {
    const entry = questions.get(c.key);
    const question = contents.get(c.versionId)?.questions.find((q) => q.key === c.key);
    if (!entry || !question) continue;
    const parsed = JSON.parse(c.value) as unknown;
    const values = Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
    entry.answers += c.count;
    if (question.type === 'short_text' || question.type === 'long_text') continue;
    for (const value of values) {
      const existing = entry.counts.find((x) => x.value === value);
      if (existing) existing.count += c.count;
      else entry.counts.push({ value, label: choiceLabel(question, value), count: c.count });
    }
  }
  for (const q of questions.values()) q.counts.sort((a, b) => (isNaN(Number(a.value)) ? b.count - a.count : Number(a.value) - Number(b.value)));

  const started = versions.reduce((n, v) => n + v.started, 0);
  const completed = versions.reduce((n, v) => n + v.completed, 0);
  const reached = reachedCalls(ctx.db, filter);
  const { responseRate, completionRate } = rates({ eligible: reached, started, completed });
  return {
    reachedCalls: reached,
    started,
    completed,
    responseRate,
    completionRate,
    csat: csat(scoresOf(null, 'rating')),
    nps: nps(scoresOf(null, 'nps')),
    byVersion,
    questions: [...questions.values()],
  };
}
