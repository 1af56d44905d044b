/** The questionnaire engine's public API: model, engine, placeholders, publish checks, metrics, built-ins. */
export * from './model';
export {
  answer,
  completion,
  evaluate,
  LONG_TEXT_MAX,
  OTHER_TEXT_MAX,
  prune,
  SCALE_RANGE,
  SHORT_TEXT_MAX,
  unanswer,
  validateAnswer,
  visibleKeys,
  walk,
} from './engine';
export type { AnswerErrorCode, AnswerStep, AnswerStepErrorCode, Completion, Validated, Walk } from './engine';
export { addressCustomer, findPlaceholders, hanSurname, isPlaceholder, NEUTRAL, renderText, unknownPlaceholders } from './placeholders';
export type { Gender, PlaceholderUse, RenderContext, ScriptLocale } from './placeholders';
export { PROBLEM_CODES, publishProblems, structureProblems } from './checks';
export type { Problem, ProblemCode } from './checks';
export { formatPath, parseScriptJson } from './parse';
export type { ParseError, ParsedScript } from './parse';
export { csat, distribution, nps, percent, rates } from './metrics';
export type { Distribution, Funnel } from './metrics';
export { BUILTIN_SCRIPTS, builtinKey, builtinScript, SCRIPT_LOCALES } from './builtin';
