import type { QuestionnaireMethod } from '../../../core/contract/methods';
import { answer, finish, forCallback, start } from '../responses';
import { createScript, exportScript, getScriptDetail, importScript, listAllScripts, publishScript, retire, saveDraft, setMapping } from '../scripts';
import { surveyFigures } from '../survey-report';
import type { HandlersFor } from './types';

/** core/contract/api-questionnaire.ts: scripts, responses, survey figures. */
export const questionnaireHandlers: HandlersFor<QuestionnaireMethod> = {
  'scripts.list': listAllScripts,
  'scripts.get': getScriptDetail,
  'scripts.create': createScript,
  'scripts.saveDraft': saveDraft,
  'scripts.publish': publishScript,
  'scripts.retire': retire,
  'scripts.export': exportScript,
  'scripts.import': importScript,
  'scripts.setMapping': setMapping,
  'responses.forCallback': forCallback,
  'responses.start': start,
  'responses.answer': answer,
  'responses.finish': finish,
  'reports.survey': surveyFigures,
};
