import { SCRIPT_PURPOSES } from './model';
import type { ScriptContent, ScriptPurpose } from './model';
import { localize, SCRIPT_LOCALES } from './builtin-bi';
import type { BiScript, ScriptLocale } from './builtin-bi';
import { OUTREACH_SCRIPTS } from './builtin-outreach';
import { SERVICE_SCRIPTS } from './builtin-service';

/*
 * The scripts a fresh console starts with, one per purpose in each locale. Each purpose is written once
 * with both languages side by side, so the zh-CN and en versions cannot drift apart in keys, types,
 * choices or branching — reports can then put both locales' answers in one column.
 */

export { SCRIPT_LOCALES } from './builtin-bi';
export type { ScriptLocale } from './builtin-bi';

const BI_SCRIPTS: readonly BiScript[] = [...SERVICE_SCRIPTS, ...OUTREACH_SCRIPTS];

/** Purpose order, zh-CN before en within a purpose. */
export const BUILTIN_SCRIPTS: ScriptContent[] = SCRIPT_PURPOSES.flatMap((purpose) => {
  const bi = BI_SCRIPTS.find((s) => s.purpose === purpose);
  return bi ? SCRIPT_LOCALES.map((locale) => localize(bi, locale)) : [];
});

/** Stable name of a built-in script, e.g. 'builtin.satisfaction.zh-CN'. */
export function builtinKey(purpose: ScriptPurpose, locale: ScriptLocale): string {
  return `builtin.${purpose}.${locale}`;
}

export function builtinScript(purpose: ScriptPurpose, locale: ScriptLocale): ScriptContent {
  const s = BUILTIN_SCRIPTS.find((x) => x.purpose === purpose && x.locale === locale);
  if (!s) throw new Error(`no built-in script ${builtinKey(purpose, locale)}`);
  return s;
}
