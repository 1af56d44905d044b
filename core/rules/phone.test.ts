import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { formatPhone, maskPhone, normalizePhone } from './phone';

describe('normalizePhone accepts', () => {
  it.each([
    ['+86 138 1234 5678', '+8613812345678'],
    ['138-1234-5678', '+8613812345678'],
    ['13812345678', '+8613812345678'],
    ['8613812345678', '+8613812345678'],
    ['0086 138 1234 5678', '+8613812345678'],
    ['+86-138-1234-5678', '+8613812345678'],
    ['(+86) 138 1234 5678', '+8613812345678'],
    ['１３８１２３４５６７８', '+8613812345678'],
    ['＋８６　１３８－１２３４－５６７８', '+8613812345678'],
    ['（138）1234 5678', '+8613812345678'],
    ['  138 1234 5678  ', '+8613812345678'],
    ['138.1234.5678', '+8613812345678'],
    ['138—1234—5678', '+8613812345678'],
    ['19912345678', '+8619912345678'],
    ['010-12345678', '+861012345678'],
    ['(010) 1234 5678', '+861012345678'],
    ['+86 10 1234 5678', '+861012345678'],
    ['0755-12345678', '+8675512345678'],
    ['021 1234 5678', '+862112345678'],
    ['400-123-4567', '+864001234567'],
    ['+1 415 555 2671', '+14155552671'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['001 415 555 2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+852 9123 4567', '+85291234567'],
  ])('%s → %s', (raw, e164) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, e164 });
  });
});

describe('normalizePhone rejects', () => {
  it.each([
    [''],
    ['   '],
    ['abc'],
    ['n/a'],
    ['123'],
    ['10086'],
    ['12345678901'], // 12x is not a CN mobile prefix
    ['11012345678'],
    ['1381234567'], // a mobile missing a digit
    ['138123456789'], // a mobile with an extra digit
    ['13812345678x'],
    ['138 1234 5678 ext 5'],
    ['tel:13812345678'],
    ['138+12345678'],
    ['+0086 138 1234 5678'],
    ['+86 86 138 1234 5678'],
    ['+86 123 4567 8901'],
    ['+1 415 555'],
    ['1234567890123456789'],
  ])('%j', (raw) => {
    expect(normalizePhone(raw)).toEqual({ ok: false });
  });

  it('treats +138… as a North American number, not a CN mobile', () => {
    const r = normalizePhone('+13812345678');
    expect(r.ok && r.e164.startsWith('+86')).toBe(false);
  });
});

describe('maskPhone', () => {
  it.each([
    ['+8613812345678', '138****5678'],
    ['+8619900001111', '199****1111'],
    ['+861012345678', '010 **** 5678'],
    ['+8675512345678', '075* **** 5678'],
    ['+864001234567', '400 *** 4567'],
    ['+14155552671', '+1 ****2671'],
    ['+442079460958', '+44 ****0958'],
    ['+85291234567', '+852 ****4567'],
    ['garbage', '****'],
  ])('%s → %s', (e164, masked) => {
    expect(maskPhone(e164)).toBe(masked);
  });
});

describe('formatPhone', () => {
  it.each([
    ['+8613812345678', '138 1234 5678'],
    ['+861012345678', '010 1234 5678'],
    ['+8675512345678', '0755 1234 5678'],
    ['+14155552671', '+1 415 555 2671'],
    ['+442079460958', '+44 20 7946 0958'],
  ])('%s → %s', (e164, formatted) => {
    expect(formatPhone(e164)).toBe(formatted);
  });
});

// Allocated mobile prefixes only: a few 1[3-9]x blocks (e.g. 179) are not mobile ranges, and
// libphonenumber rightly refuses them, which made a generator over all of 1[3-9] flaky.
const MOBILE_PREFIXES = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '173', '175', '176', '177', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189', '198', '199'];
const cnMobile = fc
  .tuple(fc.constantFrom(...MOBILE_PREFIXES), fc.stringMatching(/^\d{8}$/))
  .map(([prefix, rest]) => `${prefix}${rest}`);

const separator = fc.constantFrom('', ' ', '-', ' - ', '.');
const prefix = fc.constantFrom('', '+86', '+86 ', '0086 ', '86', '86-', '(+86) ');

function toFullWidth(s: string): string {
  return s.replace(/[0-9+]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

describe('CN mobile properties', () => {
  it('every typed form normalises to the E.164 libphonenumber gives for the bare number', () => {
    fc.assert(
      fc.property(cnMobile, prefix, separator, fc.boolean(), (national, pre, sep, wide) => {
        const typed = `${pre}${national.slice(0, 3)}${sep}${national.slice(3, 7)}${sep}${national.slice(7)}`;
        const reference = parsePhoneNumberFromString(national, 'CN');
        expect(reference?.isValid()).toBe(true);
        expect(normalizePhone(wide ? toFullWidth(typed) : typed)).toEqual({
          ok: true,
          e164: reference!.number,
        });
        expect(reference!.number).toBe(`+86${national}`);
      }),
      { numRuns: 500 },
    );
  });

  it('maskPhone never reveals digits 4–7 and formatPhone shows them all', () => {
    fc.assert(
      fc.property(cnMobile, (national) => {
        const masked = maskPhone(`+86${national}`);
        expect(masked).toBe(`${national.slice(0, 3)}****${national.slice(7)}`);
        expect(masked.replace(/\D/g, '')).toBe(national.slice(0, 3) + national.slice(7));
        expect(formatPhone(`+86${national}`).replace(/\s/g, '')).toBe(national);
      }),
      { numRuns: 500 },
    );
  });
});
