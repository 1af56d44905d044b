import { PLACEHOLDERS } from './model';
import type { Placeholder, ScriptContent } from './model';

/*
 * Script text may say {customer_name}, {agent_name}, {ticket_subject} and {voucher}. Anything else in
 * braces is a typo to be refused at publish time, so the pattern is deliberately loose ({CustomerName},
 * {客户} and {voucher code} are all found and reported) rather than matching only the known names.
 */

const PATTERN = /\{([^{}\n]{1,60})\}/g;
const KNOWN: ReadonlySet<string> = new Set(PLACEHOLDERS);

export const isPlaceholder = (name: string): name is Placeholder => KNOWN.has(name);

/** Names in braces, each once, in order of first appearance. */
export function findPlaceholders(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(PATTERN)) names.add(m[1]!);
  return [...names];
}

export interface PlaceholderUse {
  /** 'opening', 'closing', 'questions[2].text', 'questions[2].help', 'questions[2].choices[0].label'. */
  where: string;
  questionKey: string | null;
  name: string;
}

/** Every unknown placeholder in the text that is read aloud or shown to the agent. */
export function unknownPlaceholders(script: ScriptContent): PlaceholderUse[] {
  const out: PlaceholderUse[] = [];
  const scan = (where: string, questionKey: string | null, text: string) => {
    for (const name of findPlaceholders(text)) if (!isPlaceholder(name)) out.push({ where, questionKey, name });
  };
  scan('opening', null, script.opening);
  scan('closing', null, script.closing);
  script.questions.forEach((q, i) => {
    scan(`questions[${i}].text`, q.key, q.text);
    scan(`questions[${i}].help`, q.key, q.help);
    q.choices.forEach((c, j) => scan(`questions[${i}].choices[${j}].label`, q.key, c.label));
  });
  return out;
}

export type Gender = 'male' | 'female' | 'unknown';
export type ScriptLocale = ScriptContent['locale'];

export interface RenderContext {
  customerName: string;
  gender: Gender;
  agentName: string;
  ticketSubject?: string | null;
  voucher?: string | null;
  locale: ScriptLocale;
}

/** What stands in for a value we do not have: a script must never read out a blank. */
export const NEUTRAL: Record<ScriptLocale, Record<Placeholder, string>> = {
  'zh-CN': { customer_name: '客户', agent_name: '客服', ticket_subject: '（无）', voucher: '（无）' },
  en: { customer_name: 'customer', agent_name: 'your support agent', ticket_subject: '(none)', voucher: '(none)' },
};

/*
 * Two-character surnames: taking only the first character would turn 欧阳娜娜 into "欧女士", which
 * is wrong and reads as careless. The list covers the compound surnames still in common use.
 */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯',
  '轩辕', '令狐', '独孤', '南宫', '西门', '端木', '百里', '呼延', '钟离', '申屠', '太史', '澹台', '万俟',
]);

const HAN_NAME = /^\p{Script=Han}+$/u;

/**
 * The Han surname of a name written in Han characters, or null when the name is anything else: a
 * Latin-script name does not say which part is the surname ("Wang Wei" vs "John Smith"), and names
 * written with a middle dot (阿依古丽·买买提) do not start with a surname.
 */
export function hanSurname(name: string): string | null {
  if (!HAN_NAME.test(name)) return null;
  const two = name.slice(0, 2);
  if (COMPOUND_SURNAMES.has(two)) return two;
  return name.slice(0, 1);
}

/**
 * zh: 王先生 / 王女士 from a Han name, else the full name with the honorific after it; unknown gender → the
 * full name. en: "Mr 王" / "Ms 王" (the Han surname is kept as written, never romanised), a non-Han name
 * keeps its full form after the honorific ("Ms Anna Li"); unknown gender → the full name.
 */
export function addressCustomer(name: string, gender: Gender, locale: ScriptLocale): string {
  const spaced = name.trim().replace(/\s+/g, ' ');
  // "王 小明" is still a Han name; the space is a typing habit, not a name part.
  const full = /^[\p{Script=Han} ]+$/u.test(spaced) ? spaced.replace(/ /g, '') : spaced;
  if (full === '') return NEUTRAL[locale].customer_name;
  if (gender === 'unknown') return full;
  const base = hanSurname(full) ?? full;
  if (locale === 'zh-CN') return `${base}${gender === 'male' ? '先生' : '女士'}`;
  return `${gender === 'male' ? 'Mr' : 'Ms'} ${base}`;
}

/** Fills the known placeholders; an unknown one is left as written (publishProblems refuses those). */
export function renderText(text: string, ctx: RenderContext): string {
  const neutral = NEUTRAL[ctx.locale];
  const or = (v: string | null | undefined, name: Placeholder) => {
    const t = v?.trim() ?? '';
    return t === '' ? neutral[name] : t;
  };
  return text.replace(PATTERN, (whole, name: string) => {
    switch (name) {
      case 'customer_name':
        return addressCustomer(ctx.customerName, ctx.gender, ctx.locale);
      case 'agent_name':
        return or(ctx.agentName, 'agent_name');
      case 'ticket_subject':
        return or(ctx.ticketSubject, 'ticket_subject');
      case 'voucher':
        return or(ctx.voucher, 'voucher');
      default:
        return whole;
    }
  });
}
