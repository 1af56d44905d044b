import { AppError } from '../contract/result';
import { answer as applyAnswerToScript, completion, unanswer } from '../questionnaire/engine';
import type { MutationArgs } from '../sync/mutations';
import type { Q } from '../store/sql';
import type { Acting } from './permissions';
import type { CallbackRecord } from '../domain/records';
import { getCallback } from '../store/callbacks';
import { currentAnswers, finishResponse, getResponse, insertAnswerFact, insertResponse, latestResponseFor } from '../store/responses';
import { getScript, getVersion, latestPublished } from '../store/scripts';
import { getScriptMapping } from '../store/settings';

/** The published script that calls of this callback's purpose open, if one is mapped. */
export function* applicableScript(callbackId: string) {
  const callback = yield* getCallback(callbackId);
  if (!callback) throw new AppError('NOT_FOUND', 'That callback does not exist.');
  return yield* scriptForReason(callback.reason);
}

/** The published script mapped to a callback reason (purpose), if any. */
function* scriptForReason(reason: CallbackRecord['reason']) {
  const scriptId = (yield* getScriptMapping())[reason];
  const script = scriptId ? (yield* getScript(scriptId)) : undefined;
  // Stryker disable next-line ConditionalExpression: a redundant guard: retiring a script unmaps it (applyRetire) and scripts.setMapping refuses a retired one, so a mapped script is never retired
  if (!script || script.retiredAt !== null) return undefined;
  const version = yield* latestPublished(script.id);
  return version && { script, version };
}

export function* applyStartResponse(a: MutationArgs<'responses.start'>): Q<void> {
  const callback = yield* getCallback(a.callbackId);
  if (!callback) throw new AppError('NOT_FOUND', 'That callback does not exist.');
  const version = yield* getVersion(a.scriptVersionId);
  if (!version || version.status !== 'published') throw new AppError('CONFLICT', 'Only a published script version can be used in a call.');
  yield* insertResponse({
    id: a.responseId,
    callbackId: a.callbackId,
    customerId: callback.customerId,
    agentId: a.agentId,
    scriptVersionId: a.scriptVersionId,
    status: 'in_progress',
    startedAt: a.at,
    endedAt: null,
  });
}

function* openResponse(responseId: string, acting: Acting) {
  const response = yield* getResponse(responseId);
  if (!response) throw new AppError('NOT_FOUND', 'That questionnaire response does not exist.');
  if (acting !== 'local' && response.agentId !== acting.actorId) {
    throw new AppError('FORBIDDEN', 'Only the agent taking this questionnaire can answer or end it.');
  }
  if (response.status !== 'in_progress') throw new AppError('CONFLICT', 'This questionnaire has already ended.');
  const version = (yield* getVersion(response.scriptVersionId))!;
  return { response, content: version.content };
}

/**
 * Records an answer (or its removal) and the answers it makes stale. The engine is re-run here, so
 * the set of cleared answers is the rule's, not the caller's: a mismatch is refused.
 */
export function* applyAnswer(a: MutationArgs<'responses.answer'>, acting: Acting): Q<void> {
  const { content } = yield* openResponse(a.responseId, acting);
  const before = yield* currentAnswers(a.responseId);
  const result = a.answer === null ? unanswer(content, before, a.key) : applyAnswerToScript(content, before, a.key, a.answer);
  if (!result.ok) throw new AppError('BAD_INPUT', result.message, { code: result.code, key: a.key });
  const expected = [...result.cleared].sort().join(',');
  const given = a.cleared.map((c) => c.key).sort().join(',');
  if (expected !== given) throw new AppError('CONFLICT', 'The questionnaire changed meanwhile; reload it and answer again.');
  // Stored as the engine normalised it (trimmed text, choices in script order).
  // Stryker disable next-line ConditionalExpression: only says it plainly: after unanswer() the engine's answers never hold the key, so `?? null` stores null either way
  const stored = a.answer === null ? null : (result.answers[a.key] ?? null);
  yield* insertAnswerFact({ id: a.factId, responseId: a.responseId, questionKey: a.key, answer: stored, answeredAt: a.at });
  for (const c of a.cleared) yield* insertAnswerFact({ id: c.factId, responseId: a.responseId, questionKey: c.key, answer: null, answeredAt: a.at });
}

export function* applyFinish(a: MutationArgs<'responses.finish'>, acting: Acting): Q<void> {
  const { content } = yield* openResponse(a.responseId, acting);
  if (a.status === 'completed') {
    const { canComplete, missingRequired } = completion(content, (yield* currentAnswers(a.responseId)));
    if (!canComplete) {
      throw new AppError('BAD_INPUT', 'Required questions are still unanswered; end the survey as partial instead.', { missingRequired });
    }
  }
  yield* finishResponse(a.responseId, a.status, a.at);
}

/**
 * When the call that reached the customer ends: a questionnaire still open ends as partial (the call
 * ended early); if one applied and none was completed, the agent must say why.
 */
export function* settleQuestionnaireOnReached(callback: CallbackRecord, reason: string | null, at: number): Q<void> {
  // The applier already holds the callback: no second read of it.
  const latest = yield* latestResponseFor(callback.id);
  if (latest?.status === 'in_progress') yield* finishResponse(latest.id, 'partial', at);
  const completed = latest?.status === 'completed';
  if (!completed && (yield* scriptForReason(callback.reason)) && !reason) {
    throw new AppError('BAD_INPUT', 'The questionnaire was not completed: say why before saving.', { field: 'surveySkipReason' });
  }
}
