import { AppError } from '../../../core/contract/result';
import { answer as applyAnswerToScript, completion, unanswer } from '../../../core/questionnaire/engine';
import type { MutationArgs } from '../../../core/sync/mutations';
import type { Db } from '../../../db/open';
import { getCallback } from '../../../db/repos/callbacks';
import { currentAnswers, finishResponse, getResponse, insertAnswerFact, insertResponse, latestResponseFor } from '../../../db/repos/responses';
import { getScript, getVersion, latestPublished } from '../../../db/repos/scripts';
import { getScriptMapping } from '../../../db/repos/settings';

/** The published script that calls of this callback's purpose open, if one is mapped. */
export function applicableScript(db: Db, callbackId: string) {
  const callback = getCallback(db, callbackId);
  if (!callback) throw new AppError('NOT_FOUND', 'That callback does not exist.');
  const scriptId = getScriptMapping(db)[callback.reason];
  const script = scriptId ? getScript(db, scriptId) : undefined;
  if (!script || script.retiredAt !== null) return undefined;
  const version = latestPublished(db, script.id);
  return version && { script, version };
}

export function applyStartResponse(db: Db, a: MutationArgs<'responses.start'>): void {
  const callback = getCallback(db, a.callbackId);
  if (!callback) throw new AppError('NOT_FOUND', 'That callback does not exist.');
  const version = getVersion(db, a.scriptVersionId);
  if (!version || version.status !== 'published') throw new AppError('CONFLICT', 'Only a published script version can be used in a call.');
  insertResponse(db, {
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

function openResponse(db: Db, responseId: string) {
  const response = getResponse(db, responseId);
  if (!response) throw new AppError('NOT_FOUND', 'That questionnaire response does not exist.');
  if (response.status !== 'in_progress') throw new AppError('CONFLICT', 'This questionnaire has already ended.');
  const version = getVersion(db, response.scriptVersionId)!;
  return { response, content: version.content };
}

/**
 * Records an answer (or its removal) and the answers it makes stale. The engine is re-run here, so
 * the set of cleared answers is the rule's, not the caller's: a mismatch is refused.
 */
export function applyAnswer(db: Db, a: MutationArgs<'responses.answer'>): void {
  const { content } = openResponse(db, a.responseId);
  const before = currentAnswers(db, a.responseId);
  const result = a.answer === null ? unanswer(content, before, a.key) : applyAnswerToScript(content, before, a.key, a.answer);
  if (!result.ok) throw new AppError('BAD_INPUT', result.message, { code: result.code, key: a.key });
  const expected = [...result.cleared].sort().join(',');
  const given = a.cleared.map((c) => c.key).sort().join(',');
  if (expected !== given) throw new AppError('CONFLICT', 'The questionnaire changed meanwhile; reload it and answer again.');
  // Stored as the engine normalised it (trimmed text, choices in script order).
  const stored = a.answer === null ? null : (result.answers[a.key] ?? null);
  insertAnswerFact(db, { id: a.factId, responseId: a.responseId, questionKey: a.key, answer: stored, answeredAt: a.at });
  for (const c of a.cleared) insertAnswerFact(db, { id: c.factId, responseId: a.responseId, questionKey: c.key, answer: null, answeredAt: a.at });
}

export function applyFinish(db: Db, a: MutationArgs<'responses.finish'>): void {
  const { content } = openResponse(db, a.responseId);
  if (a.status === 'completed') {
    const { canComplete, missingRequired } = completion(content, currentAnswers(db, a.responseId));
    if (!canComplete) {
      throw new AppError('BAD_INPUT', 'Required questions are still unanswered; end the survey as partial instead.', { missingRequired });
    }
  }
  finishResponse(db, a.responseId, a.status, a.at);
}

/**
 * When the call that reached the customer ends: a questionnaire still open ends as partial (the call
 * ended early); if one applied and none was completed, the agent must say why.
 */
export function settleQuestionnaireOnReached(db: Db, callbackId: string, reason: string | null, at: number): void {
  const latest = latestResponseFor(db, callbackId);
  if (latest?.status === 'in_progress') finishResponse(db, latest.id, 'partial', at);
  const completed = latest?.status === 'completed';
  if (!completed && applicableScript(db, callbackId) && !reason) {
    throw new AppError('BAD_INPUT', 'The questionnaire was not completed: say why before saving.', { field: 'surveySkipReason' });
  }
}
