/*
 * Phone numbers written inside free text (ticket descriptions, comments, callback and attempt notes):
 * found so the console can show them masked like the phone field (138****5678) until an audited reveal.
 *
 * Found: CN mobiles 1[3-9]x written 11 straight or 3-4-4 with spaces or dashes, with +86 / 0086 / 86
 * before them; CN landlines with an area code (010, 02x, 0xxx; in parentheses or not; or +86 without the
 * 0) and 7–8 digits, with an extension. Full-width digits count. A number inside a longer run of digits
 * (order and transaction numbers, card numbers) is not a phone number and is left alone.
 */

export type PhoneKind = 'mobile' | 'landline';

export interface PhoneInText {
  kind: PhoneKind;
  /** Offsets in the original text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** What is shown before a reveal. */
  masked: string;
}

/** A piece of text: plain, or a phone number (with its masked form). */
export type TextPart = { text: string; phone: null } | { text: string; phone: PhoneInText };

const SEP = '[ \\u00a0\\-\\u2010-\\u2015]';
const MOBILE = new RegExp(`(?<![\\d+])((?:(?:\\+|00)?86${SEP}?)?)(1[3-9]\\d)${SEP}?(\\d{4})${SEP}?(\\d{4})(?!\\d)`, 'g');

// 010 and 02x are the only three-digit area codes; every other one is 0 + three digits.
const AREA = '(?:010|02\\d|0[3-9]\\d{2})';
const AREA_INTL = '(?:10|2\\d|[3-9]\\d{2})';
const LANDLINE = new RegExp(
  `(?:(?<![\\d+])(?:\\+|00)86${SEP}?${AREA_INTL}${SEP}?|\\(${AREA}\\)${SEP}?|(?<![\\d+])${AREA}${SEP}?)` +
    `([1-9]\\d{2,3})${SEP}?(\\d{4})((?:${SEP}?(?:转|分机|ext\\.?${SEP}?|x|-)${SEP}?\\d{1,6})?)(?!\\d)`,
  'dgi',
);

/** Per-character NFKC (full-width digits, ＋, （）) keeping the way back to the original offsets. */
function fold(text: string): { text: string; from: number[]; to: number[] } {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = /[\uff00-\uffef\u3000]/.test(ch) ? ch.normalize('NFKC') : ch;
    for (let k = 0; k < n.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    out += n;
    i += ch.length;
  }
  return { text: out, from, to };
}

/** Every phone number in the text, in order, without overlaps. */
export function findPhonesInText(text: string): PhoneInText[] {
  if (!/[0-9０-９]{3}/.test(text)) return [];
  const folded = fold(text);
  const t = folded.text;
  const spans: PhoneInText[] = [];
  const at = (s: number, e: number, kind: PhoneKind, masked: string) => ({ kind, start: folded.from[s]!, end: folded.to[e - 1]!, masked });
  for (const m of t.matchAll(MOBILE)) {
    const prefix = m[1] ? m[1].replace(/[^\d+]/g, '') + ' ' : '';
    spans.push(at(m.index, m.index + m[0].length, 'mobile', `${prefix}${m[2]}****${m[4]}`));
  }
  for (const m of t.matchAll(LANDLINE)) {
    const subscriber = m.indices![1]![0];
    const head = t.slice(m.index, subscriber).trim();
    const joint = /\d$/.test(head) ? '-' : '';
    spans.push(at(m.index, m.index + m[0].length, 'landline', `${head}${joint}****${m[2]}${m[3]}`));
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PhoneInText[] = [];
  for (const s of spans) if (out.length === 0 || s.start >= out[out.length - 1]!.end) out.push(s);
  return out;
}

/** The text cut into plain pieces and phone numbers, in order; joined back it is the original text. */
export function splitPhones(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const p of findPhonesInText(text)) {
    if (p.start > at) parts.push({ text: text.slice(at, p.start), phone: null });
    parts.push({ text: text.slice(p.start, p.end), phone: p });
    at = p.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), phone: null });
  return parts;
}

/** The text with every phone number masked (what is shown before a reveal). */
export function maskPhonesInText(text: string): string {
  return splitPhones(text)
    .map((p) => (p.phone ? p.phone.masked : p.text))
    .join('');
}
