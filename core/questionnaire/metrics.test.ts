import { describe, expect, it } from 'vitest';
import { csat, distribution, nps, percent, rates } from './metrics';
import { OTHER } from './model';
import { choices, makeScript } from './testing';
import type { QuestionInput } from './testing';

const question = (q: QuestionInput) => makeScript([q]).questions[0]!;

describe('percent', () => {
  it('rounds to one decimal, half away from zero, exactly', () => {
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 16)).toBe(6.3); // 6.25 → 6.3
    expect(percent(-1, 16)).toBe(-6.3);
    expect(percent(1, 2000)).toBe(0.1); // 0.05 → 0.1
    expect(percent(-1, 3000)).toBe(0); // never -0
    expect(Object.is(percent(-1, 3000), -0)).toBe(false);
    expect(percent(0, 0)).toBeNull();
  });
});

describe('csat', () => {
  it('is the share of 4–5 among valid 1–5 ratings', () => {
    expect(csat([5, 4, 3, 2, 1])).toBe(40);
    expect(csat([5, 5, 4])).toBe(100);
    expect(csat([1, 2, 3])).toBe(0);
    expect(csat([4, 4, 1])).toBe(66.7);
    // out-of-scale and non-integer values are not ratings
    expect(csat([5, 0, 6, 4.5, '5', null, 2])).toBe(50);
  });
  it('is null with no rating', () => {
    expect(csat([])).toBeNull();
    expect(csat([0, 7])).toBeNull();
  });
});

describe('nps', () => {
  it('is % promoters (9–10) minus % detractors (0–6)', () => {
    expect(nps([10, 9, 8, 7, 6, 0])).toBe(0);
    expect(nps([10, 10, 9, 8, 3])).toBe(40);
    expect(nps([0, 1, 2])).toBe(-100);
    expect(nps([9, 9, 9])).toBe(100);
    expect(nps([7, 8])).toBe(0);
    // 2 promoters, 1 detractor, 3 passives of 6 → 16.666… → 16.7
    expect(nps([10, 9, 5, 7, 7, 8])).toBe(16.7);
    // 1 promoter, 2 detractors of 3 → −33.3
    expect(nps([9, 0, 6])).toBe(-33.3);
    expect(nps([10, 11, -1, 9.5])).toBe(100);
  });
  it('is null with no score', () => {
    expect(nps([])).toBeNull();
    expect(nps([11, 'x'])).toBeNull();
  });
});

describe('rates', () => {
  it('response = started / eligible, completion = completed / started', () => {
    expect(rates({ eligible: 200, started: 50, completed: 45 })).toEqual({ responseRate: 25, completionRate: 90 });
    expect(rates({ eligible: 3, started: 2, completed: 1 })).toEqual({ responseRate: 66.7, completionRate: 50 });
  });
  it('null on a zero denominator', () => {
    expect(rates({ eligible: 0, started: 0, completed: 0 })).toEqual({ responseRate: null, completionRate: null });
    expect(rates({ eligible: 10, started: 0, completed: 0 })).toEqual({ responseRate: 0, completionRate: null });
  });
  it('refuses counts that are not whole numbers ≥ 0', () => {
    expect(() => rates({ eligible: -1, started: 0, completed: 0 })).toThrow(RangeError);
    expect(() => rates({ eligible: 1.5, started: 0, completed: 0 })).toThrow('eligible must be a whole number');
  });
});

describe('distribution', () => {
  it('single: counts per choice, other, invalid', () => {
    const q = question({ key: 's', type: 'single', choices: choices('a', 'b'), allowOther: true });
    expect(distribution(q, ['a', 'a', OTHER, 'zz', 3, 'b'])).toEqual({
      kind: 'choices',
      responses: 4,
      counts: [
        { value: 'a', label: 'A', count: 2 },
        { value: 'b', label: 'B', count: 1 },
        { value: OTHER, label: OTHER, count: 1 },
      ],
      invalid: 2,
    });
  });
  it('multi: each selection counts', () => {
    const q = question({ key: 'm', type: 'multi', choices: choices('x', 'y', 'z') });
    expect(distribution(q, [['x', 'y'], ['y'], ['y', 'z'], [], 'x', ['x', 'x']])).toEqual({
      kind: 'choices',
      responses: 3,
      counts: [
        { value: 'x', label: 'X', count: 1 },
        { value: 'y', label: 'Y', count: 3 },
        { value: 'z', label: 'Z', count: 1 },
      ],
      invalid: 3,
    });
  });
  it('rating and nps: per score, with mean', () => {
    const r = distribution(question({ key: 'r', type: 'rating' }), [5, 4, 4, 1, 9, 2.5]);
    expect(r).toEqual({
      kind: 'scale',
      responses: 4,
      counts: [1, 2, 3, 4, 5].map((score) => ({ score, count: { 1: 1, 4: 2, 5: 1 }[score] ?? 0 })),
      mean: 3.5,
      invalid: 2,
    });
    const n = distribution(question({ key: 'n', type: 'nps' }), [0, 10, 10]);
    expect(n.kind === 'scale' && n.counts.map((c) => c.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(n.kind === 'scale' && n.mean).toBe(6.67);
  });
  it('yes/no', () => {
    expect(distribution(question({ key: 'y', type: 'yes_no' }), [true, false, true, 'yes'])).toEqual({ kind: 'yes_no', responses: 3, yes: 2, no: 1, invalid: 1 });
  });
  it('number: stats, and five buckets when both bounds are set', () => {
    expect(distribution(question({ key: 'n', type: 'number', min: 0, max: 100 }), [0, 19.9, 20, 55, 100, 150, 'x'])).toEqual({
      kind: 'number',
      responses: 6,
      min: 0,
      max: 150,
      mean: 57.48,
      median: 37.5,
      buckets: [
        { from: 0, to: 20, count: 2 },
        { from: 20, to: 40, count: 1 },
        { from: 40, to: 60, count: 1 },
        { from: 60, to: 80, count: 0 },
        { from: 80, to: 100, count: 1 },
      ],
      invalid: 1,
    });
    expect(distribution(question({ key: 'n', type: 'number' }), [])).toEqual({
      kind: 'number',
      responses: 0,
      min: null,
      max: null,
      mean: null,
      median: null,
      buckets: [],
      invalid: 0,
    });
  });
  it('text: a count only', () => {
    expect(distribution(question({ key: 't', type: 'long_text' }), ['好', ' ', 'fine', 4])).toEqual({ kind: 'text', responses: 2, invalid: 2 });
  });
});
