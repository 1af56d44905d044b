import { z } from 'zod';
import { answerSchema, RESPONSE_STATUSES, SCRIPT_PURPOSES, scriptContentSchema } from '../questionnaire/model';
import { byId, empty, epochMs, id, locale, returns, type ContractFor } from './common';
import type { QuestionnaireMethod } from './methods';
import type { CallScriptState, ResponseView, ScriptDetail, ScriptSummary, SurveyFigures } from './views';

/* Questionnaire scripts, the responses to them, and the survey figures (merged in api.ts). */

export const questionnaireContract = {
  'scripts.list': returns<ScriptSummary[]>()(empty),
  'scripts.get': returns<ScriptDetail>()(byId),
  'scripts.create': returns<ScriptDetail>()(
    z.union([
      z.object({ copyFrom: id, versionId: id.optional() }).strict(),
      z.object({ purpose: z.enum(SCRIPT_PURPOSES), locale, title: z.string().trim().min(1).max(120) }).strict(),
    ]),
  ),
  'scripts.saveDraft': returns<ScriptDetail>()(z.object({ id, content: scriptContentSchema }).strict()),
  'scripts.publish': returns<ScriptDetail>()(byId),
  'scripts.retire': returns<ScriptDetail>()(byId),
  'scripts.export': returns<{ fileName: string; json: string }>()(z.object({ id, versionId: id.optional() }).strict()),
  'scripts.import': returns<ScriptDetail>()(z.object({ json: z.string().min(1).max(2_000_000) }).strict()),
  'scripts.setMapping': returns<ScriptSummary[]>()(
    z.object({ mapping: z.partialRecord(z.enum(SCRIPT_PURPOSES), id.nullable()) }).strict(),
  ),
  'responses.forCallback': returns<CallScriptState>()(z.object({ callbackId: id }).strict()),
  'responses.start': returns<ResponseView>()(z.object({ callbackId: id }).strict()),
  'responses.answer': returns<ResponseView>()(
    z.object({ responseId: id, key: z.string().min(1).max(40), answer: answerSchema.nullable() }).strict(),
  ),
  'responses.finish': returns<ResponseView>()(
    z.object({ responseId: id, status: z.enum(RESPONSE_STATUSES).exclude(['in_progress']) }).strict(),
  ),
  'reports.survey': returns<SurveyFigures>()(
    z
      .object({
        purpose: z.enum(SCRIPT_PURPOSES).optional(),
        scriptId: id.optional(),
        version: z.number().int().min(1).optional(),
        agentId: id.optional(),
        from: epochMs.optional(),
        to: epochMs.optional(),
      })
      .strict(),
  ),
} satisfies ContractFor<QuestionnaireMethod>;
