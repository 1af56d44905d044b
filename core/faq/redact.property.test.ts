import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTION_PLACEHOLDERS, redact } from './redact';

// Pieces of ticket text, with and without personal data, glued in random order: the invariants must
// hold whatever ends up next to what.
const FRAGMENTS = [
  '客户张伟', '王先生', '李晓明女士', '138-1234-5678', '+86 13912345678', '(010) 8888 6666', '0755-88886666转8',
  '11010519491231002X', '6225880123456783', '银行卡 6225 8801 2345 6781', 'zhang.wei@example.com', 'CV-7K3M-Q9XZ',
  '订单号 202611231234567890', '¥1,234.56', '2026-11-23', '13:00–18:00', '用户余额不足', '提现多久到账', '，', '。',
  ' ', '反映', '重复扣款', '１３８１２３４５６７８', '我叫欧阳娜娜', '对于', 'Ms Anna Li', '9', 'x', '先生',
];
const glued = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((xs) => xs.join(''));
// Letters and digits glued to letters and digits make another token ("…002X138…" is neither an ID nor a
// phone), so those joints get a separator; every other joint may be tight ("客户张伟（138…").
const ALNUM = /[0-9A-Za-z０-９Ｘ]/;
const text = fc
  .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom('', '', '，', ' ', '（', '：')), { maxLength: 12 })
  .map((parts) =>
    parts.reduce((acc, [frag, sep]) => {
      const tight = sep === '' && ALNUM.test(acc.at(-1) ?? '') && ALNUM.test(frag[0] ?? '');
      return acc + (tight ? ' ' : sep) + frag;
    }, ''),
  );
const separated = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((xs) => xs.join('，'));
const anyText = fc.oneof(glued, text, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));

describe('redact properties', () => {
  it('reports ordered, disjoint spans whose replacement rebuilds the output', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const r = redact(input, { names: ['张伟', 'Anna Li'] });
        let rebuilt = '';
        let at = 0;
        for (const f of r.found) {
          expect(f.start).toBeGreaterThanOrEqual(at);
          expect(f.end).toBeGreaterThan(f.start);
          expect(input.slice(f.start, f.end)).toBe(f.original);
          expect(f.replacement).toBe(REDACTION_PLACEHOLDERS[f.kind]);
          rebuilt += input.slice(at, f.start) + f.replacement;
          at = f.end;
        }
        expect(rebuilt + input.slice(at)).toBe(r.text);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent: redacted text has nothing left to redact', () => {
    fc.assert(
      fc.property(text, (input) => {
        const once = redact(input).text;
        expect(redact(once).text).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves a whole mobile number or ID from the fragments in the output', () => {
    fc.assert(
      fc.property(separated, (input) => {
        const out = redact(input).text;
        for (const secret of ['13812345678', '13912345678', '11010519491231002X', '6225880123456783', '张伟']) {
          expect(out.replace(/[\s-]/g, '')).not.toContain(secret);
        }
      }),
      { numRuns: 500 },
    );
  });
});
