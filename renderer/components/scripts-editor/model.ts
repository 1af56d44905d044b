import type { TFunction } from 'i18next';
import { scriptContentSchema } from '../../../core/questionnaire/model';
import type { Choice, Question, QuestionType, ScriptContent } from '../../../core/questionnaire/model';
import type { Problem } from '../../../core/questionnaire/checks';
import type { ScriptDetail, ScriptVersionView } from '../../../core/contract/views';

/*
 * The editor's working copy of a script. Each question carries a uid (React keys, scrolling, "this is
 * the same question after a rename") and the key it had when the editor loaded it; neither is saved.
 * The saved document is always toContent(editor): fields that do not apply to a question's type are
 * left out there, but kept in the editor so switching the type back and forth loses nothing.
 */

export interface EditorQuestion extends Question {
  uid: string;
  /** The key when the editor loaded this question (null for questions added in this session). */
  origKey: string | null;
}

export interface EditorScript extends Omit<ScriptContent, 'questions'> {
  questions: EditorQuestion[];
}

let uidSeq = 0;
export const newUid = (): string => `sq${++uidSeq}`;

export const CHOICE_TYPES: ReadonlySet<QuestionType> = new Set<QuestionType>(['single', 'multi']);
export const isChoiceType = (type: QuestionType): boolean => CHOICE_TYPES.has(type);

export function toEditor(content: ScriptContent): EditorScript {
  return {
    purpose: content.purpose,
    locale: content.locale,
    title: content.title,
    opening: content.opening,
    closing: content.closing,
    questions: content.questions.map((q) => ({ ...q, choices: q.choices.map((c) => ({ ...c })), uid: newUid(), origKey: q.key })),
  };
}

export function toQuestion(q: EditorQuestion): Question {
  const choice = isChoiceType(q.type);
  const number = q.type === 'number';
  return {
    key: q.key,
    type: q.type,
    text: q.text,
    help: q.help,
    required: q.required,
    choices: choice ? q.choices.map((c) => ({ value: c.value, label: c.label })) : [],
    allowOther: choice ? q.allowOther : false,
    min: number ? q.min : null,
    max: number ? q.max : null,
    showIf: q.showIf,
    endIf: q.endIf,
  };
}

export function toContent(e: EditorScript): ScriptContent {
  return {
    purpose: e.purpose,
    locale: e.locale,
    title: e.title,
    opening: e.opening,
    closing: e.closing,
    questions: e.questions.map(toQuestion),
  };
}

/** A stable text form for "has anything changed": the schema's trimming applied, as the server stores it. */
export function canonical(content: ScriptContent): string {
  const parsed = scriptContentSchema.safeParse(content);
  return JSON.stringify(parsed.success ? parsed.data : content);
}

export function nextKey(questions: readonly { key: string }[], base = 'q'): string {
  const used = new Set(questions.map((q) => q.key));
  for (let n = questions.length + 1; ; n++) {
    const key = `${base}${n}`;
    if (!used.has(key)) return key;
  }
}

export function nextChoiceValue(choices: readonly Choice[]): string {
  const used = new Set(choices.map((c) => c.value));
  for (let n = choices.length + 1; ; n++) {
    const value = `opt${n}`;
    if (!used.has(value)) return value;
  }
}

export function blankQuestion(questions: readonly EditorQuestion[]): EditorQuestion {
  return {
    uid: newUid(),
    origKey: null,
    key: nextKey(questions),
    type: 'single',
    text: '',
    help: '',
    required: false,
    choices: [
      { value: 'opt1', label: '' },
      { value: 'opt2', label: '' },
    ],
    allowOther: false,
    min: null,
    max: null,
    showIf: null,
    endIf: null,
  };
}

export function duplicateQuestion(q: EditorQuestion, questions: readonly EditorQuestion[]): EditorQuestion {
  const base = /^(.*?)(_copy\d*)?$/.exec(q.key)?.[1] ?? q.key;
  const used = new Set(questions.map((x) => x.key));
  let key = `${base}_copy`.slice(0, 40);
  for (let n = 2; used.has(key); n++) key = `${base}_copy${n}`.slice(0, 40);
  return {
    ...q,
    choices: q.choices.map((c) => ({ ...c })),
    uid: newUid(),
    origKey: null,
    key,
    // A copy's own endIf may point at the original; it is kept, the checks say if it no longer fits.
  };
}

/** Every question key that appears in some published version: reports follow these. */
export function publishedKeys(versions: readonly ScriptVersionView[]): Set<string> {
  const keys = new Set<string>();
  for (const v of versions) if (v.status === 'published') for (const q of v.content.questions) keys.add(q.key);
  return keys;
}

export const latestPublished = (detail: ScriptDetail): ScriptVersionView | undefined => detail.versions.find((v) => v.status === 'published');
export const latestVersion = (detail: ScriptDetail): ScriptVersionView | undefined =>
  detail.versions.reduce<ScriptVersionView | undefined>((best, v) => (best && best.version >= v.version ? best : v), undefined);
export const draftVersion = (detail: ScriptDetail): ScriptVersionView | undefined => {
  const latest = latestVersion(detail);
  return latest?.status === 'draft' ? latest : undefined;
};

// ------------------------------------------------------------------------------------------ issues

/** Something wrong with the editor content; `index` is the question (for scrolling), null = the script. */
export interface Issue {
  /** 'save' blocks saving (the document is not a valid script at all); 'publish' only blocks publishing. */
  level: 'save' | 'publish';
  index: number | null;
  questionKey: string | null;
  text: string;
  code: string;
}

const QUESTION_PATH = /^questions\[(\d+)\]/;

export function questionIndexOfPath(path: unknown): number | null {
  if (typeof path !== 'string') return null;
  const m = QUESTION_PATH.exec(path);
  return m ? Number(m[1]) : null;
}

/** Schema failures, i.e. what the server would refuse to save, in the supervisor's words. */
export function saveIssues(content: ScriptContent, t: TFunction): Issue[] {
  const parsed = scriptContentSchema.safeParse(content);
  if (parsed.success) return [];
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path;
    const index = path[0] === 'questions' && typeof path[1] === 'number' ? path[1] : null;
    const field = describeField(path, t);
    let what: string;
    const origin = 'origin' in issue ? issue.origin : undefined;
    if (issue.code === 'too_small' && origin === 'string') what = t('issues.empty');
    else if (issue.code === 'too_small' && origin === 'array') what = t('issues.emptyList');
    else if (issue.code === 'too_big' && origin === 'string') what = t('issues.tooLong', { max: Number(issue.maximum) });
    else if (issue.code === 'too_big' && origin === 'array') what = t('issues.tooMany', { max: Number(issue.maximum) });
    else if (issue.code === 'invalid_format' && path.at(-1) === 'key') what = t('issues.keyFormat');
    else if (issue.code === 'invalid_format' && path.at(-1) === 'value') what = t('issues.valueFormat');
    else if (path.includes('showIf') || path.includes('endIf')) what = t('issues.conditionIncomplete');
    else what = issue.message;
    const text = field ? t('issues.join', { field, what }) : what;
    const dedupe = `${index}|${text}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    out.push({ level: 'save', index, questionKey: index !== null ? (content.questions[index]?.key ?? null) : null, text, code: 'schema' });
  }
  return out;
}

function describeField(path: readonly PropertyKey[], t: TFunction): string {
  const [head, i, field, j, sub] = path;
  if (head === 'title') return t('fields.title');
  if (head === 'opening') return t('fields.opening');
  if (head === 'closing') return t('fields.closing');
  if (head !== 'questions' || typeof i !== 'number') return '';
  switch (field) {
    case 'key':
      return t('fields.key');
    case 'text':
      return t('fields.text');
    case 'help':
      return t('fields.help');
    case 'choices':
      if (typeof j === 'number') return t(sub === 'value' ? 'fields.choiceValue' : 'fields.choiceLabel', { n: j + 1 });
      return t('fields.choices');
    case 'showIf':
      return t('fields.showIf');
    case 'endIf':
      return t('fields.endIf');
    case 'min':
    case 'max':
      return t('fields.range');
    default:
      return typeof field === 'string' ? field : '';
  }
}

/** A publish problem from checks.ts in the supervisor's language (the English message is the fallback). */
export function problemIssue(p: Problem, t: TFunction): Issue {
  const index = questionIndexOfPath(p.detail.path);
  const d = p.detail;
  const key = p.questionKey ?? '';
  const ref = typeof d.ref === 'string' ? d.ref : '';
  let text: string;
  switch (p.code) {
    case 'no_questions':
      text = t('problems.no_questions');
      break;
    case 'duplicate_key':
      text = t('problems.duplicate_key', { key, a: Number(d.firstIndex) + 1, b: Number(d.index) + 1 });
      break;
    case 'condition_unknown_question':
    case 'condition_forward_reference': {
      const where = d.field === 'endIf' ? t('fields.endIf') : t('fields.showIf');
      text = t(d.field === 'endIf' && p.code === 'condition_forward_reference' ? 'problems.condition_forward_reference_end' : `problems.${p.code}`, { where, target: ref });
      break;
    }
    case 'never_shown':
      text = d.reason === 'always_ended' ? t('problems.never_shown_ended', { ref }) : t('problems.never_shown');
      break;
    case 'never_ends':
      text = t('problems.never_ends');
      break;
    case 'empty_choices':
      text = t('problems.empty_choices');
      break;
    case 'duplicate_choice':
      text = t(d.field === 'label' ? 'problems.duplicate_choice_label' : 'problems.duplicate_choice_value', { value: String(d.label ?? d.value ?? '') });
      break;
    case 'reserved_choice':
      text = t('problems.reserved_choice');
      break;
    case 'bad_range':
      text = t('problems.bad_range', { min: d.min, max: d.max });
      break;
    case 'unknown_placeholder': {
      const where = String(d.path ?? '');
      const place = where === 'opening' ? t('fields.opening') : where === 'closing' ? t('fields.closing') : where.endsWith('.help') ? t('fields.help') : where.includes('.choices') ? t('fields.choices') : t('fields.text');
      text = t('problems.unknown_placeholder', { name: `{${String(d.name ?? '')}}`, where: place });
      break;
    }
    default:
      text = p.message;
  }
  return { level: 'publish', index, questionKey: p.questionKey, text, code: p.code };
}
