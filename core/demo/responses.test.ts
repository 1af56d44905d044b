import { describe, expect, it } from 'vitest';
import { REASONS } from '../domain/model';
import { builtinScript } from '../questionnaire/builtin';
import { answer, completion } from '../questionnaire/engine';
import type { Answers, ScriptContent } from '../questionnaire/model';
import { callbackById, data } from './fixture';
import { generateDemoResponses, type DemoReachedCall } from './responses';

// The fixture's reached calls, as the applier reads them (attempt id order), on the zh-CN built-in scripts.
const calls: DemoReachedCall[] = data.attempts
  .filter((a) => a.disposition === 'reached')
  .sort((a, b) => (a.id < b.id ? -1 : 1))
  .map((a) => ({ ...a, attemptId: a.id, reason: callbackById.get(a.callbackId)!.reason }));
const scripts = Object.fromEntries(REASONS.map((r) => [r, { versionId: `v-${r}`, content: builtinScript(r, 'zh-CN') }]));
const options = { seed: 20261122, calls, scripts };
const out = generateDemoResponses(options);

describe('demo questionnaire answers', () => {
  it('are a pure function of the options', () => {
    expect(generateDemoResponses(options)).toEqual(out);
    expect(generateDemoResponses({ ...options, seed: 1 })).not.toEqual(out);
    expect(generateDemoResponses({ ...options, scripts: {} })).toEqual({ responses: [], answers: [] });
  });

  it('start on 30–50% of the reached calls, every purpose, mostly completed', () => {
    expect(calls.length).toBeGreaterThan(500);
    const rate = out.responses.length / calls.length;
    expect(rate).toBeGreaterThanOrEqual(0.3);
    expect(rate).toBeLessThanOrEqual(0.5);
    for (const r of REASONS) expect(out.responses.some((x) => x.scriptVersionId === `v-${r}`), r).toBe(true);
    const completed = out.responses.filter((r) => r.status === 'completed').length;
    expect(completed / out.responses.length).toBeGreaterThan(0.65);
    for (const s of ['partial', 'declined'] as const) expect(out.responses.some((r) => r.status === s), s).toBe(true);
    expect(new Set(out.responses.map((r) => r.callbackId)).size).toBe(out.responses.length);
  });

  it('answer only as the engine allows, inside the call, and complete exactly the completed ones', () => {
    const byCall = new Map(calls.map((c) => [c.callbackId, c]));
    const contentOf = (versionId: string) => (scripts[versionId.slice(2)] as { content: ScriptContent }).content;
    for (const r of out.responses) {
      const call = byCall.get(r.callbackId)!;
      expect(r.customerId).toBe(call.customerId);
      expect(r.agentId).toBe(call.agentId);
      expect(r.startedAt).toBeGreaterThan(call.startedAt);
      expect(r.endedAt).toBeLessThanOrEqual(call.endedAt);
      const content = contentOf(r.scriptVersionId);
      let answers: Answers = {};
      let last = r.startedAt;
      for (const a of out.answers.filter((x) => x.responseId === r.id)) {
        expect(a.answeredAt).toBeGreaterThanOrEqual(last);
        expect(a.answeredAt).toBeLessThanOrEqual(r.endedAt);
        last = a.answeredAt;
        const step = answer(content, answers, a.questionKey, { value: a.value });
        expect(step.ok, `${r.id} ${a.questionKey}`).toBe(true);
        if (!step.ok) continue;
        expect(step.cleared).toEqual([]);
        expect(step.answers[a.questionKey]!.value).toEqual(a.value);
        answers = step.answers;
      }
      expect(Object.keys(answers).length).toBeGreaterThan(0);
      if (r.status === 'completed') expect(completion(content, answers).canComplete).toBe(true);
    }
  });

  it('give scores that read like a real team: CSAT 60–85%, NPS between 0 and +50', () => {
    const values = (type: 'rating' | 'nps') =>
      out.answers
        .filter((a) => {
          const r = out.responses.find((x) => x.id === a.responseId)!;
          const q = (scripts[r.scriptVersionId.slice(2)] as { content: ScriptContent }).content.questions.find((x) => x.key === a.questionKey);
          return q?.type === type;
        })
        .map((a) => a.value as number);
    const ratings = values('rating');
    const scores = values('nps');
    expect(ratings.length).toBeGreaterThan(100);
    expect(scores.length).toBeGreaterThan(50);
    const csat = ratings.filter((v) => v >= 4).length / ratings.length;
    expect(csat).toBeGreaterThan(0.6);
    expect(csat).toBeLessThan(0.85);
    const nps = (scores.filter((v) => v >= 9).length - scores.filter((v) => v <= 6).length) / scores.length;
    expect(nps).toBeGreaterThan(0);
    expect(nps).toBeLessThan(0.5);
  });
});
