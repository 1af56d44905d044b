import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSimilar, normalizeQuestion, similarity } from './similarity';

describe('normalizeQuestion', () => {
  it('drops punctuation, spaces, fillers and case, and folds full-width forms', () => {
    expect(normalizeQuestion('请问，如何修改支付密码？')).toBe('修改支付密码');
    expect(normalizeQuestion('怎么 修改 支付密码 呢 ?')).toBe('修改支付密码');
    expect(normalizeQuestion('为什么我的提现还没到账了？')).toBe('提现还没到账');
    expect(normalizeQuestion('How do I reset my PIN?')).toBe('resetpin');
    expect(normalizeQuestion('ＡＰＰ 闪退怎么办！')).toBe('app闪退');
    expect(normalizeQuestion('？！…')).toBe('');
  });
});

describe('similarity', () => {
  const base = '如何修改支付密码？';

  it('scores the same question with other fillers as a duplicate', () => {
    expect(similarity(base, '怎么修改支付密码')).toBeCloseTo(1, 5);
    expect(similarity('为什么提现还没到账？', '提现还没到账吗')).toBeCloseTo(1, 5);
  });

  it('scores a related question in the middle and an unrelated one low', () => {
    const related = similarity(base, '支付密码忘了怎么办');
    expect(related).toBeGreaterThan(0.4);
    expect(related).toBeLessThan(0.8);
    expect(similarity(base, '提现多久到账')).toBeLessThan(0.2);
  });

  it('works for English on words as well as letters', () => {
    expect(similarity('How do I reset my payment PIN?', 'Reset payment PIN')).toBeCloseTo(1, 5);
    const related = similarity('How can I change my payment password?', 'I forgot my payment password');
    expect(related).toBeGreaterThan(0.4);
    expect(related).toBeLessThan(0.8);
    expect(similarity('How long does a withdrawal take?', 'Why was my card declined?')).toBeLessThan(0.25);
  });

  it('handles questions made only of fillers and one-character questions', () => {
    expect(similarity('怎么了？', '怎么了？')).toBe(1);
    expect(similarity('吗', '呢')).toBe(0);
    expect(similarity('卡', '卡？')).toBe(1);
    expect(similarity('卡', '券')).toBe(0);
  });

  const question = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 15 }),
    fc.array(fc.constantFrom('如何', '支付', '密码', '提现', '到账', '吗', '？', ' ', 'reset', 'PIN', 'how', '卡'), { maxLength: 8 }).map((xs) => xs.join('')),
  );

  it('is symmetric and stays in [0, 1]', () => {
    fc.assert(
      fc.property(question, question, (a, b) => {
        const s = similarity(a, b);
        expect(s).toBe(similarity(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives 1 for a non-empty question compared with itself', () => {
    fc.assert(
      fc.property(question.filter((q) => q.length > 0), (q) => {
        expect(similarity(q, q)).toBe(1);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('findSimilar', () => {
  const entries = [
    { id: 'faq-1', question: '怎么修改支付密码？' },
    { id: 'faq-2', question: '支付密码忘了怎么办' },
    { id: 'faq-3', question: '提现多久到账？' },
    { id: 'faq-4', question: '如何修改支付密码' },
    { id: 'faq-5', question: 'How do I change my payment password?' },
  ];

  it('returns matches at or above the threshold, best first, ties by id', () => {
    const found = findSimilar('如何修改支付密码？', entries);
    expect(found.map((m) => m.id)).toEqual(['faq-1', 'faq-4', 'faq-2']);
    expect(found[0]!.score).toBeCloseTo(1, 5);
  });

  it('leaves out the entry being edited and honours the threshold', () => {
    expect(findSimilar('如何修改支付密码？', entries, 0.9, { excludeId: 'faq-4' }).map((m) => m.id)).toEqual(['faq-1']);
    expect(findSimilar('如何修改支付密码？', entries, 0.99, { excludeId: 'faq-1' }).map((m) => m.id)).toEqual(['faq-4']);
  });

  it('finds nothing for a blank question or an empty list', () => {
    expect(findSimilar('  ', entries)).toEqual([]);
    expect(findSimilar('提现多久到账', [])).toEqual([]);
  });
});
