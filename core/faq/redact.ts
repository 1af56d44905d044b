import { AFTER_NAME, COMMON_WORDS, COMPOUND_SURNAMES, FUNCTION_WORD_SURNAMES, HONORIFICS, SINGLE_SURNAMES } from './lexicon';

/**
 * Removes personal data from support text before it becomes a FAQ entry: FAQ pages are public, the
 * tickets they come from are not.
 *
 * Detection runs on an NFKC form of the text (full-width digits, ＋, －, （）, ＠ and the ideographic
 * space become ASCII) built one code point at a time, so every detected span maps back to exact
 * offsets in the text as written. Candidates from all detectors are then resolved by position:
 * the earliest start wins, then the longest span, then the kind order below (an 18-digit number
 * that is a valid ID and also passes Luhn is an ID).
 *
 * Numbers are only redacted when they validate: an ID needs a province code, a real birth date and
 * (18 digits) the ISO 7064 MOD 11-2 check character; a card needs 13–19 digits and the Luhn check.
 * Order and transaction numbers are business data an FAQ may legitimately quote, so a long digit run
 * that fails those checks is kept — and so is one that passes Luhn by chance (one in ten do) when
 * the text labels it as an order/transaction number just before it. The label also works the other
 * way: 13–19 digits right after 银行卡/卡号/card are redacted even when an agent mistyped a digit.
 */

export const REDACTION_KINDS = ['email', 'voucher_code', 'id_card', 'bank_card', 'mobile', 'landline', 'name'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

export const REDACTION_PLACEHOLDERS: Readonly<Record<RedactionKind, string>> = {
  name: '[姓名]',
  mobile: '[手机号]',
  landline: '[固话]',
  id_card: '[身份证号]',
  bank_card: '[银行卡号]',
  email: '[邮箱]',
  voucher_code: '[券码]',
};

export interface Redaction {
  kind: RedactionKind;
  original: string;
  replacement: string;
  /** Offsets into the text as passed in (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

export interface RedactOptions {
  /** Names known to be in the text (the customer's, the agents'); redacted wherever they occur. */
  names?: readonly string[];
}

export interface Redacted {
  text: string;
  found: Redaction[];
}

interface Span {
  kind: RedactionKind;
  start: number;
  end: number;
}

interface Folded {
  text: string;
  /** For each code unit of `text`: where the original character it came from starts and ends. */
  from: number[];
  to: number[];
}

export function redact(text: string, options: RedactOptions = {}): Redacted {
  const folded = fold(text);
  const spans = [
    ...findEmails(folded.text),
    ...findVouchers(folded.text),
    ...findIdCards(folded.text),
    ...findBankCards(folded.text),
    ...findMobiles(folded.text),
    ...findLandlines(folded.text),
    ...findGivenNames(folded.text, options.names ?? []),
    ...findHonorificNames(folded.text),
    ...findCuedNames(folded.text),
  ]
    .filter((s) => s.end > s.start)
    .map((s) => ({ kind: s.kind, start: folded.from[s.start]!, end: folded.to[s.end - 1]! }));

  const rank = (k: RedactionKind) => REDACTION_KINDS.indexOf(k);
  spans.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || rank(a.kind) - rank(b.kind));

  const found: Redaction[] = [];
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    const replacement = REDACTION_PLACEHOLDERS[s.kind];
    found.push({ kind: s.kind, original: text.slice(s.start, s.end), replacement, start: s.start, end: s.end });
    out += text.slice(at, s.start) + replacement;
    at = s.end;
  }
  return { text: out + text.slice(at), found };
}

/** NFKC one code point at a time: whole-string NFKC would lose the way back to the original offsets. */
function fold(text: string): Folded {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = ch.normalize('NFKC');
    for (let k = 0; k < n.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    out += n;
    i += ch.length;
  }
  return { text: out, from, to };
}

function matches(text: string, re: RegExp, kind: RedactionKind, accept: (m: RegExpExecArray) => boolean = () => true): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(re)) {
    if (accept(m)) spans.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

// ---------- contact details ----------

const EMAIL = /(?<![\w.%+-])[a-z0-9](?:[\w.%+-]*[\w%+-])?@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?![a-z0-9-])/gi;
const findEmails = (t: string) => matches(t, EMAIL, 'email');

// Crockford base32 leaves out I, L, O and U so a code read over the phone is not misheard.
const VOUCHER = /(?<![0-9a-z])CV-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}(?![0-9a-z])/gi;
const findVouchers = (t: string) => matches(t, VOUCHER, 'voucher_code');

// Mobile numbers written 3-4-4, 11 straight, or with the country code in any of its three spellings.
const MOBILE = /(?<!\d)(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g;
const findMobiles = (t: string) => matches(t, MOBILE, 'mobile');

// 010 and 02x are the only three-digit area codes; every other one is 0 + three digits.
const AREA = '(?:010|02\\d|0[3-9]\\d{2})';
const LANDLINE = new RegExp(
  '(?:(?<!\\d)(?:\\+|00)86[ -]?(?:10|2\\d|[3-9]\\d{2})[ -]?|\\(' + AREA + '\\)[ -]?|(?<!\\d)' + AREA + '[ -]?)' +
    '[1-9]\\d{2,3}[ -]?\\d{4}(?:[ ]?(?:转|分机|ext\\.?[ ]?|x|-)[ ]?\\d{1,6})?(?!\\d)',
  'gi',
);
const findLandlines = (t: string) => matches(t, LANDLINE, 'landline');

// ---------- identity documents and cards ----------

const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
  61, 62, 63, 64, 65, 71, 81, 82, 83,
]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** ISO 7064 MOD 11-2 over the first 17 digits, as GB 11643 prescribes. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/**
 * An 18-digit resident ID (the 2023 foreigners' permanent-residence card shares the layout and the
 * check, and starts with 9), or a 15-digit first-generation one (19YYMMDD birth date, no check).
 * No clock is read, so a birth date up to 2099 is accepted.
 */
export function isResidentId(raw: string): boolean {
  const id = raw.replace(/ /g, '').toUpperCase();
  const region = Number(id.slice(0, 2));
  if (/^\d{17}[\dX]$/.test(id)) {
    if (!PROVINCES.has(region) && id[0] !== '9') return false;
    const y = Number(id.slice(6, 10));
    if (y < 1900 || y > 2099 || !validDate(y, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false;
    return idCheckCharacter(id) === id[17];
  }
  if (/^\d{15}$/.test(id)) {
    return PROVINCES.has(region) && validDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
  }
  return false;
}

const ID_CARD = /(?<![0-9a-z])(?:\d{6} ?\d{8} ?\d{3}[\dx]|\d{15})(?![0-9a-z])/gi;
const findIdCards = (t: string) => matches(t, ID_CARD, 'id_card', (m) => isResidentId(m[0]));

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const CARD = /(?<![0-9a-z])(?:\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,4})?|\d{13,19})(?![0-9a-z])/gi;
// The label an agent puts before an order or transaction number, up to the number itself.
const ORDER_LABEL = /(?:订单|单号|流水|交易号|商户号|编号|凭证号|order|txn|transaction|ref(?:erence)?)\s*(?:号|编号|no\.?|number|id|#)?\s*[:：#]?\s*$/i;

// ...and the one before a card number: a mistyped card number is still somebody's card number.
const CARD_LABEL = /(?:银行卡|卡号|信用卡|储蓄卡|借记卡|银联卡|card)\s*(?:号码|号|no\.?|number)?\s*(?:是|为)?\s*[:：]?\s*$/i;

/**
 * Grouped digits may run on into the next number ("6225 8801 2345 6781 0755-8888…"), so the
 * longest run of whole groups that makes a card is taken, not just the whole match.
 */
function findBankCards(t: string): Span[] {
  const spans: Span[] = [];
  for (const m of t.matchAll(CARD)) {
    const before = t.slice(Math.max(0, m.index - 16), m.index);
    const labelled = CARD_LABEL.test(before);
    if (!labelled && ORDER_LABEL.test(before)) continue;
    const groups = m[0].split(/[ -]/);
    for (let k = groups.length; k > 0; k--) {
      const digits = groups.slice(0, k).join('');
      if (digits.length < 13) break;
      if (digits.length > 19 || !(labelled || luhnValid(digits))) continue;
      const length = groups.slice(0, k).join(' ').length;
      spans.push({ kind: 'bank_card', start: m.index, end: m.index + length });
      break;
    }
  }
  return spans;
}

// ---------- names ----------
//
// Chinese has no capital letters or spaces to find names by, and a name model would be a dependency
// and a guess. So names come from three sources, each with evidence: (1) the names the caller knows
// (the customer's and the agents'), matched anywhere; (2) a common surname right before an honorific
// (王先生, 李晓明女士, 欧阳经理) — the honorific stays, only the name is replaced; (3) a common surname
// plus one or two characters right after a cue (客户/用户/本人/我是 weak; 我叫/姓名：/户名/持卡人/
// 收款人/付款人/联系人 strong). Word lists in lexicon.ts keep ordinary vocabulary out (用户余额, 高级经理,
// 基金经理, 王者荣耀 without a cue is never looked at). Limits: a name with no cue, no honorific and
// not passed in stays; a surname outside the ~100 common ones is found only when passed in; after a
// weak cue a surname that is usually a preposition (于, 向, 曾, 许…) is not taken; where two surname
// characters meet (平台方王经理) one character too many may be replaced, never too few.

const HAN = /^\p{Script=Han}$/u;
const isHan = (c: string | undefined) => c !== undefined && HAN.test(c);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LATIN_EDGE = /[\p{L}\p{N}]/u;

/**
 * Names the caller knows, longest first so 欧阳娜娜 wins over 欧阳. A one-character name is
 * skipped: it would shred every word containing that character.
 */
function findGivenNames(t: string, names: readonly string[]): Span[] {
  const wanted = [...new Set(names.map((n) => n.normalize('NFKC').trim().replace(/\s+/g, ' ')))]
    .filter((n) => Array.from(n).length >= 2)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const spans: Span[] = [];
  for (const name of wanted) {
    // A Latin name must stand as a word ("Li" is not in "Link"); Han text has no word breaks to test.
    const before = LATIN_EDGE.test(name[0]!) && !isHan(name[0]) ? '(?<![\\p{L}\\p{N}])' : '';
    const after = LATIN_EDGE.test(name.at(-1)!) && !isHan(name.at(-1)) ? '(?![\\p{L}\\p{N}])' : '';
    const body = escapeRegExp(name).replace(/ /g, '\\s+');
    spans.push(...matches(t, new RegExp(before + body + after, 'giu'), 'name'));
  }
  return spans;
}

function surnameAt(t: string, i: number): string | null {
  const two = t.slice(i, i + 2);
  if (COMPOUND_SURNAMES.has(two)) return two;
  const one = t[i];
  return one !== undefined && SINGLE_SURNAMES.has(one) ? one : null;
}

const startsWithHonorific = (t: string, i: number) => HONORIFICS.some((h) => t.startsWith(h, i));

/**
 * Surname or full name right before 先生/女士/小姐/老师/经理. Only the name is replaced, so
 * "王先生" reads "[姓名]先生". Candidates: the bare surname, and surname + one or two given
 * characters; the longest wins unless it begins with a surname that is usually a preposition
 * (对于王先生 → 王, but 于洋先生 → 于洋 when nothing shorter fits). A word ending in a surname
 * character (基金经理, 主任老师) is not a surname.
 */
function findHonorificNames(t: string): Span[] {
  const spans: Span[] = [];
  for (const m of t.matchAll(new RegExp(HONORIFICS.join('|'), 'g'))) {
    const h = m.index;
    const candidates: number[] = [];
    for (let start = h - 4; start < h; start++) {
      if (start < 0) continue;
      const surname = surnameAt(t, start);
      if (!surname) continue;
      const given = Array.from(t.slice(start + surname.length, h));
      if (given.length > 2 || start + surname.length > h) continue;
      if (!given.every((c) => isHan(c) && !AFTER_NAME.has(c))) continue;
      if (given.length > 0 && COMMON_WORDS.has(t.slice(start, start + 2))) continue;
      if (given.length === 0 && start > 0 && COMMON_WORDS.has(t.slice(start - 1, start + 1))) continue;
      candidates.push(start);
    }
    if (candidates.length === 0) continue;
    const plain = candidates.find((s) => !FUNCTION_WORD_SURNAMES.has(t[s]!)) ?? candidates[0]!;
    spans.push({ kind: 'name', start: plain, end: h });
  }
  spans.push(...matches(t, /(?<![A-Za-z])(?:Mr|Mrs|Ms|Miss|Dr)\.? +([A-Z][a-z]+(?: [A-Z][a-z]+)?)/gu, 'name').map(nameGroup(t)));
  return spans;
}

/** An English honorific stays, like 先生 does: "Ms Anna Li" → "Ms [姓名]". */
const nameGroup = (t: string) => (s: Span): Span => {
  const text = t.slice(s.start, s.end);
  const name = text.replace(/^\S+ +/, '');
  return { kind: 'name', start: s.end - name.length, end: s.end };
};

// Strong cues introduce a name outright (姓名是张三); weak ones are also followed by ordinary words
// (用户余额…), and 客户为何… is not 为 + 何某.
const STRONG_CUES = ['我叫', '姓名', '户名', '持卡人', '收款人', '付款人', '联系人'];
const WEAK_CUES = ['客户', '用户', '本人', '我是'];
const CUE = new RegExp(
  `(${STRONG_CUES.join('|')})\\s*[:：]?\\s*(?:[是为叫]\\s*)?|(${WEAK_CUES.join('|')})\\s*[:：]?\\s*`,
  'g',
);

/**
 * A name right after a cue: a common surname plus one or two Han characters. The second given
 * character is dropped when it starts the next word (张三反映 → 张三), the whole candidate when its
 * first two characters are an ordinary word (用户余额 …), or when it runs into an honorific (left to
 * findHonorificNames, which keeps the honorific).
 */
function findCuedNames(t: string): Span[] {
  const spans: Span[] = [];
  for (const m of t.matchAll(CUE)) {
    const p = m.index + m[0].length;
    const surname = surnameAt(t, p);
    if (!surname) continue;
    if (surname.length === 1 && FUNCTION_WORD_SURNAMES.has(surname) && m[2] !== undefined) continue;
    let end = p + surname.length;
    if (startsWithHonorific(t, end) || COMMON_WORDS.has(t.slice(p, p + 2))) continue;
    for (let k = 0; k < 2; k++) {
      const c = t[end];
      if (!isHan(c) || AFTER_NAME.has(c!) || startsWithHonorific(t, end)) break;
      end++;
    }
    if (end > p + surname.length) spans.push({ kind: 'name', start: p, end });
  }
  return spans;
}
