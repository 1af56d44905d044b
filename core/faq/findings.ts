import { redact, REDACTION_PLACEHOLDERS, type RedactionKind } from './redact';

/*
 * What the personal-data check finds in a revision, as the publish step and the export see it. A finding
 * is named by its field, its kind and the text found, so a supervisor's "this is not personal" confirms
 * exactly that text in that field (every place it occurs there) and nothing typed later. Publishing
 * refuses while any finding is unconfirmed (core/mutations/faq.ts); the export masks any that were not
 * confirmed for the revision it exports, so a file never carries one.
 */

export const FAQ_TEXT_FIELDS = ['question', 'answer', 'questionEn', 'answerEn'] as const;
export type FaqTextField = (typeof FAQ_TEXT_FIELDS)[number];

export interface FaqFinding {
  field: FaqTextField;
  kind: RedactionKind;
  /** The text as found: shown to the supervisor who decides, it is already in the entry they are reading. */
  value: string;
}

export type FaqTexts = Partial<Record<FaqTextField, string>>;

const key = (f: FaqFinding) => `${f.field}\u0000${f.kind}\u0000${f.value}`;

/** Every distinct finding, field by field in field order, then in text order. */
export function faqFindings(texts: FaqTexts, names: readonly string[]): FaqFinding[] {
  const seen = new Set<string>();
  const out: FaqFinding[] = [];
  for (const field of FAQ_TEXT_FIELDS) {
    const text = texts[field];
    if (!text) continue;
    for (const r of redact(text, { names }).found) {
      const f: FaqFinding = { field, kind: r.kind, value: r.original };
      if (seen.has(key(f))) continue;
      seen.add(key(f));
      out.push(f);
    }
  }
  return out;
}

export function sameFinding(a: FaqFinding, b: FaqFinding): boolean {
  return key(a) === key(b);
}

/** The findings no confirmation covers. */
export function unconfirmedFindings(findings: readonly FaqFinding[], confirmed: readonly FaqFinding[]): FaqFinding[] {
  const ok = new Set(confirmed.map(key));
  return findings.filter((f) => !ok.has(key(f)));
}

/** The text with every finding that was not confirmed replaced by its placeholder. */
export function maskUnconfirmed(text: string, field: FaqTextField, names: readonly string[], confirmed: readonly FaqFinding[]): string {
  if (!text) return text;
  const ok = new Set(confirmed.map(key));
  let out = '';
  let at = 0;
  for (const r of redact(text, { names }).found) {
    if (ok.has(key({ field, kind: r.kind, value: r.original }))) continue;
    out += text.slice(at, r.start) + REDACTION_PLACEHOLDERS[r.kind];
    at = r.end;
  }
  return out + text.slice(at);
}
