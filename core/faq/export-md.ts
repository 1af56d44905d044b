import { minuteIn, oneLine, paragraphs, WORDS } from './export-plan';
import type { Plan, PlannedSection } from './export-plan';

/**
 * Entry text is plain text written by agents, so everything Markdown would act on is escaped: the
 * file must read the same in any viewer as in the console, and a pasted "<img …>" stays text.
 * Characters that only matter at the start of a line (list and heading markers) are escaped there.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|~&]/g, '\\$&')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

const inline = (s: string) => escapeMarkdown(oneLine(s));

function section(s: PlannedSection, plan: Plan): string[] {
  const w = WORDS[s.locale];
  const out = [`# ${inline(s.title)}`, '', escapeMarkdown(w.generated(minuteIn(plan.generatedAt, plan.zone), plan.zone, s.count)), ''];
  if (s.count === 0) return [...out, w.empty, ''];
  for (const c of s.categories) {
    out.push(`## ${inline(c.label)}`, '');
    for (const p of c.entries) {
      out.push(`### ${inline(p.question)}`, '');
      for (const para of paragraphs(p.answer)) out.push(escapeMarkdown(para), '');
      const keywords = p.entry.keywords.map(oneLine).filter((k) => k !== '');
      if (keywords.length > 0) {
        const colon = s.locale === 'zh-CN' ? '：' : ':';
        out.push(`**${w.keywords}${colon}** ${keywords.map(escapeMarkdown).join(w.keywordSeparator)}`, '');
      }
    }
  }
  return out;
}

/**
 * With both locales the file holds two complete documents, one per language, each under its own
 * title and split by a rule: a reader wants one language at a time, and the category and question
 * levels (##, ###) stay the same whichever locales were picked.
 */
export function renderMarkdown(plan: Plan): string {
  const parts = plan.sections.map((s) => section(s, plan).join('\n').trimEnd());
  return parts.join('\n\n---\n\n') + '\n';
}
