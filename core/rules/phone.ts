import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CountryCode } from 'libphonenumber-js';

export type NormalizedPhone = { ok: true; e164: string } | { ok: false };

const FAIL: NormalizedPhone = { ok: false };

// Separators people actually type, including the Chinese IME dashes NFKC does not fold to '-'.
// A '+' may only appear before the first digit; letters (extensions, "tel:", typos) are rejected
// because an agent cannot dial them and we would silently drop part of what was typed.
const SHAPE = /^[\s(]*\+?[\s\d\-.()/\u2010-\u2015]*$/;
const NON_ASCII = /[\u0080-\uffff]/;
const NON_DIGIT = /\D/g;

// Imports are dominated by CN mobiles; recognising them without a libphonenumber parse keeps a
// 100k-row import fast. Accepts the same forms the slow path does (+86 / 0086 / 86 prefixes).
const CN_MOBILE_FAST = /^(?:86|0086)?(1[3-9]\d{9})$/;
const CN_MOBILE_NATIONAL = /^1[3-9]\d{9}$/;
const CN_BEIJING_NATIONAL = /^10\d{8}$/;

/**
 * Normalises a typed phone number to E.164, or says it is not a number we can dial.
 * The 'min' metadata only checks lengths loosely, so CN numbers starting with 1 get the number
 * plan rule on top: 11-digit mobiles 1[3-9]xxxxxxxxx or Beijing landlines 10 + 8 digits. Without
 * it a mobile with a missing or extra digit would pass as "valid".
 */
export function normalizePhone(raw: string, defaultCountry: CountryCode = 'CN'): NormalizedPhone {
  let s = raw;
  if (NON_ASCII.test(s)) s = s.normalize('NFKC'); // full-width digits, ＋, （）, ideographic space
  s = s.trim();
  if (s === '' || !SHAPE.test(s)) return FAIL;
  const plus = s.includes('+');
  const digits = s.replace(NON_DIGIT, '');
  // E.164 allows 15 digits; an international prefix like 00 adds two more.
  if (digits.length < 5 || digits.length > 17) return FAIL;

  const fast = CN_MOBILE_FAST.exec(digits);
  // With '+' only '+86 1…' is a CN mobile ('+138…' is country code 1); '+0086…' is not a form anyone means.
  if (fast && (plus ? digits.length === 13 : defaultCountry === 'CN')) {
    return { ok: true, e164: `+86${fast[1]}` };
  }

  const parsed = parsePhoneNumberFromString(plus ? `+${digits}` : digits, defaultCountry);
  if (!parsed || !parsed.isValid()) return FAIL;
  if (parsed.countryCallingCode === '86') {
    const national = parsed.nationalNumber;
    if (
      national.startsWith('1') &&
      !CN_MOBILE_NATIONAL.test(national) &&
      !CN_BEIJING_NATIONAL.test(national)
    ) {
      return FAIL;
    }
  }
  return { ok: true, e164: parsed.number };
}

const CN_MOBILE_E164 = /^\+86(1\d{10})$/;

/** What an agent sees before an audited reveal: enough to recognise, not enough to dial. */
export function maskPhone(e164: string): string {
  const mobile = CN_MOBILE_E164.exec(e164);
  if (mobile) {
    const n = mobile[1]!;
    return `${n.slice(0, 3)}****${n.slice(7)}`;
  }
  const parsed = parsePhoneNumberFromString(e164);
  const allDigits = e164.replace(NON_DIGIT, '');
  if (!parsed) return allDigits.length >= 8 ? `****${allDigits.slice(-4)}` : '****';
  const national = parsed.nationalNumber;
  if (parsed.countryCallingCode === '86') return maskMiddleDigits(parsed.formatNational());
  return `+${parsed.countryCallingCode} ****${national.slice(-4)}`;
}

/** Keeps the formatting, hides every digit except the first 3 and last 4. */
function maskMiddleDigits(formatted: string): string {
  const total = formatted.replace(NON_DIGIT, '').length;
  // Short numbers would otherwise be shown in full; keep at least half hidden.
  const [head, tail] = total >= 10 ? [3, 4] : [0, Math.min(4, Math.floor(total / 2))];
  let seen = 0;
  let out = '';
  for (const ch of formatted) {
    if (ch >= '0' && ch <= '9') {
      out += seen < head || seen >= total - tail ? ch : '*';
      seen++;
    } else {
      out += ch;
    }
  }
  return out;
}

/** The full number, readable; shown only after an audited reveal. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.countryCallingCode === '86' ? parsed.formatNational() : parsed.formatInternational();
}
