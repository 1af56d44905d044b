import { dayIn, minuteIn, oneLine, paragraphs, WORDS } from './export-plan';
import type { Plan, PlannedSection } from './export-plan';

/** Every piece of entry text goes through here: answers come from tickets and may hold anything. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const h = (s: string) => escapeHtml(oneLine(s));

// One page that opens from disk, on an intranet or attached to an email: no fonts, images or scripts
// to fetch. The CSP makes that a promise — even an escaping bug could not run a script.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { --text: #1f2328; --muted: #59636e; --line: #d8dee4; --soft: #f6f8fa; --accent: #0b5cad; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--text); background: #fff;
  font: 16px/1.75 -apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", Roboto,
    "Helvetica Neue", Arial, sans-serif; }
.page { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
a { color: var(--accent); text-decoration: none; }
a:hover, a:focus { text-decoration: underline; }
h1 { font-size: 1.875rem; line-height: 1.3; margin: 0 0 .5rem; letter-spacing: .01em; }
.generated { color: var(--muted); font-size: .875rem; margin: 0; }
.toc { margin: 2rem 0 2.5rem; padding: 1rem 1.25rem; background: var(--soft); border: 1px solid var(--line); border-radius: 8px; }
.toc-title { font-size: 1rem; margin: 0 0 .25rem; }
.toc ol { margin: 0; padding-left: 1.25rem; }
.toc li { margin: .125rem 0; }
.toc ol ol ol { list-style: disc; }
.toc > ol > li { margin-top: .5rem; }
.locale-title { font-size: 1.5rem; margin: 3rem 0 0; padding-bottom: .25rem; border-bottom: 2px solid var(--text); }
.category-title { font-size: 1.3rem; margin: 2.5rem 0 .25rem; padding-bottom: .375rem; border-bottom: 1px solid var(--line); }
.entry { padding: 1rem 0 1.125rem; border-bottom: 1px solid var(--line); }
.question { font-size: 1.075rem; line-height: 1.5; margin: 0 0 .375rem; }
.answer p { margin: .375rem 0; overflow-wrap: anywhere; }
.meta { color: var(--muted); font-size: .8125rem; margin: .625rem 0 0; }
.meta .keyword { display: inline-block; margin: 0 .25rem .125rem 0; padding: 0 .5rem; background: var(--soft); border: 1px solid var(--line); border-radius: 999px; }
.back { font-size: .8125rem; margin: .75rem 0 0; text-align: right; }
.empty { color: var(--muted); padding: 2rem 0; }
@media print {
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  .toc { background: none; border: 0; padding: 0; }
  a { color: inherit; }
  .back { display: none; }
  .entry { break-inside: avoid; }
  .locale-title, .category-title, .question { break-after: avoid; }
  .locale + .locale { break-before: page; }
}
`.trim();

function toc(plan: Plan, both: boolean): string[] {
  const first = WORDS[plan.locales[0]!];
  const out = [`<nav class="toc" id="contents" aria-label="${h(first.contents)}">`, `<h2 class="toc-title">${h(first.contents)}</h2>`, '<ol>'];
  const categoryItems = (s: PlannedSection) =>
    s.categories.flatMap((c) => [
      `<li><a href="#${c.anchor}">${h(c.label)}</a>`,
      '<ol>',
      ...c.entries.map((p) => `<li><a href="#${p.anchor}">${h(p.question)}</a></li>`),
      '</ol>',
      '</li>',
    ]);
  for (const s of plan.sections) {
    if (s.count === 0) continue;
    if (both) out.push(`<li lang="${s.locale}"><a href="#${s.anchor}">${h(WORDS[s.locale].language)}</a>`, '<ol>', ...categoryItems(s), '</ol>', '</li>');
    else out.push(...categoryItems(s));
  }
  out.push('</ol>', '</nav>');
  return out;
}

function section(s: PlannedSection, plan: Plan, both: boolean): string[] {
  const w = WORDS[s.locale];
  // Heading levels follow the page: with two languages each gets an <h2> and everything moves down one.
  const [hc, hq] = both ? ['h3', 'h4'] : ['h2', 'h3'];
  const out = [`<section class="locale" id="${s.anchor}" lang="${s.locale}">`];
  if (both) out.push(`<h2 class="locale-title">${h(w.language)}</h2>`);
  if (s.count === 0) out.push(`<p class="empty">${h(w.empty)}</p>`);
  for (const c of s.categories) {
    out.push(`<section class="category" id="${c.anchor}">`, `<${hc} class="category-title">${h(c.label)}</${hc}>`);
    for (const p of c.entries) {
      out.push(`<article class="entry" id="${p.anchor}">`, `<${hq} class="question">${h(p.question)}</${hq}>`, '<div class="answer">');
      out.push(...paragraphs(p.answer).map((para) => `<p>${escapeHtml(para)}</p>`), '</div>');
      const keywords = p.entry.keywords.map(oneLine).filter((k) => k !== '');
      const published = `${h(w.published)} <time datetime="${dayIn(p.entry.publishedAt, plan.zone)}">${dayIn(p.entry.publishedAt, plan.zone)}</time>`;
      const tags = keywords.map((k) => `<span class="keyword">${h(k)}</span>`).join('');
      out.push(`<p class="meta">${keywords.length > 0 ? `${h(w.keywords)}${s.locale === 'zh-CN' ? '：' : ': '}${tags} · ` : ''}${published}</p>`);
      out.push('</article>');
    }
    out.push(`<p class="back"><a href="#contents">${h(w.backToContents)}</a></p>`, '</section>');
  }
  out.push('</section>');
  return out;
}

export function renderHtml(plan: Plan): string {
  const both = plan.sections.length > 1;
  const lang = plan.locales[0]!;
  const title = plan.sections.map((s) => s.title).join(' · ');
  const when = minuteIn(plan.generatedAt, plan.zone);
  const anyEntries = plan.entries.length > 0;
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<title>${h(title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<div class="page">',
    '<header>',
    `<h1>${h(title)}</h1>`,
    ...plan.sections.map((s) => `<p class="generated" lang="${s.locale}">${h(WORDS[s.locale].generated(when, plan.zone, s.count))}</p>`),
    '</header>',
    ...(anyEntries ? toc(plan, both) : []),
    '<main>',
    ...plan.sections.flatMap((s) => section(s, plan, both)),
    '</main>',
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
