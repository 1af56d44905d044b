import { describe, expect, it } from 'vitest';
import { csat, nps } from '../questionnaire/metrics';
import { csatOf, npsOf, orderAnswerValues, scaleValues, topN } from './figures';

describe('rates from counts', () => {
  it('give the same CSAT and NPS as the questionnaire formulas over the raw answers', () => {
    const ratings = [5, 4, 4, 3, 1, 2, 5];
    expect(csatOf(4, 7)).toBe(csat(ratings));
    const scores = [10, 9, 8, 7, 6, 0, 10, 3];
    expect(npsOf(3, 3, 8)).toBe(nps(scores));
    expect(npsOf(1, 2, 3)).toBe(-33.3);
  });

  it('are null with nothing to count, never 0', () => {
    expect(csatOf(0, 0)).toBeNull();
    expect(npsOf(0, 0, 0)).toBeNull();
    expect(csatOf(0, 3)).toBe(0);
  });
});

describe('topN', () => {
  it('keeps the largest, breaks ties by key and sums the rest', () => {
    const items = [
      { key: 'b', count: 5 },
      { key: 'a', count: 5 },
      { key: 'c', count: 9 },
      { key: 'd', count: 1 },
      { key: 'e', count: 2 },
    ];
    const { top, rest } = topN(items, 3);
    expect(top.map((x) => x.key)).toEqual(['c', 'a', 'b']);
    expect(rest).toBe(3);
    expect(topN(items, 10).rest).toBe(0);
  });
});

describe('orderAnswerValues', () => {
  it('lists every score of a scale, the ones nobody gave as 0', () => {
    expect(scaleValues('rating')).toEqual(['1', '2', '3', '4', '5']);
    expect(scaleValues('nps')).toHaveLength(11);
    expect(orderAnswerValues('rating', [{ value: '5', count: 3 }, { value: '2', count: 1 }], [])).toEqual([
      { value: '1', count: 0 },
      { value: '2', count: 1 },
      { value: '3', count: 0 },
      { value: '4', count: 0 },
      { value: '5', count: 3 },
    ]);
  });

  it('puts choices in the newest order, then values only older versions had', () => {
    const counted = [
      { value: 'old_choice', count: 1 },
      { value: 'fast', count: 4 },
      { value: 'retired', count: 2 },
    ];
    expect(orderAnswerValues('single', counted, ['slow', 'fast']).map((v) => `${v.value}:${v.count}`)).toEqual([
      'slow:0',
      'fast:4',
      'retired:2',
      'old_choice:1',
    ]);
  });

  it('orders yes/no as yes first and numbers numerically', () => {
    expect(orderAnswerValues('yes_no', [{ value: 'false', count: 2 }], []).map((v) => v.value)).toEqual(['true', 'false']);
    expect(orderAnswerValues('number', [{ value: '10', count: 1 }, { value: '9', count: 5 }], []).map((v) => v.value)).toEqual(['9', '10']);
  });
});
