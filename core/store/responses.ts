import type { Answer, Answers, ResponseStatus } from '../questionnaire/model';
import { all, get, type Q, write } from './sql';

export interface ResponseRow {
  id: string;
  callbackId: string;
  customerId: string;
  agentId: string;
  scriptVersionId: string;
  status: ResponseStatus;
  startedAt: number;
  endedAt: number | null;
}

export const RESPONSE_COLUMNS = `id, callback_id AS "callbackId", customer_id AS "customerId", agent_id AS "agentId",
  script_version_id AS "scriptVersionId", status, started_at AS "startedAt", ended_at AS "endedAt"`;

export function* insertResponse(r: ResponseRow): Q<void> {
  yield* write(
    `INSERT INTO survey_responses (id, callback_id, customer_id, agent_id, script_version_id, status, started_at, ended_at)
     VALUES (@id, @callbackId, @customerId, @agentId, @scriptVersionId, @status, @startedAt, @endedAt)`,
    r,
  );
}

export function getResponse(id: string): Q<ResponseRow | undefined> {
  return get<ResponseRow>(`SELECT ${RESPONSE_COLUMNS} FROM survey_responses WHERE id = ?`, [id]);
}

/** The newest response taken on this callback (in progress or ended). */
export function latestResponseFor(callbackId: string): Q<ResponseRow | undefined> {
  return get<ResponseRow>(`SELECT ${RESPONSE_COLUMNS} FROM survey_responses WHERE callback_id = ? ORDER BY started_at DESC, id DESC LIMIT 1`, [
    callbackId,
  ]);
}

export function* finishResponse(id: string, status: ResponseStatus, at: number): Q<void> {
  yield* write(`UPDATE survey_responses SET status = ?, ended_at = ? WHERE id = ? AND status = 'in_progress'`, [status, at, id]);
}

export interface AnswerFact {
  id: string;
  responseId: string;
  questionKey: string;
  /** null records that an answer was cleared. */
  answer: Answer | null;
  answeredAt: number;
}

export function* insertAnswerFact(f: AnswerFact): Q<void> {
  yield* write(`INSERT INTO survey_answers (id, response_id, question_key, value, other_text, answered_at) VALUES (?, ?, ?, ?, ?, ?)`, [
    f.id,
    f.responseId,
    f.questionKey,
    f.answer === null ? null : JSON.stringify(f.answer.value),
    f.answer?.otherText ?? null,
    f.answeredAt,
  ]);
}

/** Current answers of a response: the latest fact per question, cleared ones dropped. */
export function* currentAnswers(responseId: string): Q<Answers> {
  const rows = yield* all<{ key: string; value: string | null; otherText: string | null }>(
    `SELECT question_key AS key, value, other_text AS "otherText" FROM survey_answers
      WHERE response_id = ? ORDER BY answered_at, id`,
    [responseId],
  );
  const answers: Answers = {};
  for (const row of rows) {
    if (row.value === null) delete answers[row.key];
    else answers[row.key] = row.otherText === null ? { value: JSON.parse(row.value) } : { value: JSON.parse(row.value), otherText: row.otherText };
  }
  return answers;
}
