import { v7 as uuidv7 } from 'uuid';
import type { ScriptContent } from '../core/questionnaire/model';
import type { ConsoleHost } from './fixtures';

const MIN = 60_000;

/** Questionnaires on the demo's most recent reached calls, answered through the built-in scripts. */
export function arrangeQuestionnaires(host: ConsoleHost, count: number): void {
  const db = host.backend.context!.db.$client;
  const versions = db
    .prepare(`SELECT v.id, s.purpose, v.content FROM script_versions v JOIN scripts s ON s.id = v.script_id WHERE v.status = 'published' AND s.locale = 'zh-CN'`)
    .all() as { id: string; purpose: string; content: string }[];
  const byPurpose = new Map(versions.map((v) => [v.purpose, { id: v.id, content: JSON.parse(v.content) as ScriptContent }]));
  const calls = db
    .prepare(`SELECT callback_id AS callbackId, customer_id AS customerId, agent_id AS agentId, ended_at AS at, reason FROM call_attempts WHERE disposition = 'reached' ORDER BY started_at DESC LIMIT ?`)
    .all(count) as { callbackId: string; customerId: string; agentId: string; at: number; reason: string }[];
  const response = db.prepare(`INSERT INTO survey_responses (id, callback_id, customer_id, agent_id, script_version_id, status, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const answer = db.prepare(`INSERT INTO survey_answers (id, response_id, question_key, value, answered_at) VALUES (?, ?, ?, ?, ?)`);
  db.transaction(() => {
    calls.forEach((c, i) => {
      const script = byPurpose.get(c.reason);
      if (!script) return;
      const id = uuidv7();
      response.run(id, c.callbackId, c.customerId, c.agentId, script.id, i % 7 === 0 ? 'partial' : 'completed', c.at, c.at + 4 * MIN);
      script.content.questions.forEach((q, k) => {
        const value =
          q.type === 'rating' ? [5, 4, 4, 3, 5, 2, 4][(i + k) % 7]
          : q.type === 'nps' ? [10, 9, 7, 8, 3, 9, 10, 6][(i + k) % 8]
          : q.type === 'yes_no' ? (i + k) % 3 !== 0
          : q.type === 'single' && q.choices.length ? q.choices[(i + k) % q.choices.length]!.value
          : q.type === 'multi' && q.choices.length ? [q.choices[i % q.choices.length]!.value]
          : undefined;
        if (value !== undefined) answer.run(uuidv7(), id, q.key, JSON.stringify(value), c.at + (k + 1) * 20_000);
      });
    });
  })();
}
