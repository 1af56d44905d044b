import { describe, expect, it } from 'vitest';
import { fitTabs } from './navFit';

describe('fitTabs', () => {
  const widths = [50, 60, 70, 80, 90];

  it('keeps every tab when they all fit (gaps included), and no More', () => {
    expect(fitTabs(widths, 350 + 4 * 2, 60, 2, 0)).toEqual({ shown: [0, 1, 2, 3, 4], hidden: [] });
  });

  it('keeps the first tabs that fit beside the More button, in order', () => {
    // All five need 358. Beside More (60 and a gap): 357 - 62 = 295 holds 50+2+60+2+70+2+80 = 266, not +2+90.
    expect(fitTabs(widths, 357, 60, 2, 0)).toEqual({ shown: [0, 1, 2, 3], hidden: [4] });
    expect(fitTabs(widths, 250, 60, 2, 1)).toEqual({ shown: [0, 1, 2], hidden: [3, 4] });
  });

  it('always keeps the active tab, even one from the end, and does not skip ahead to a shorter one', () => {
    expect(fitTabs(widths, 250, 60, 2, 4)).toEqual({ shown: [0, 4], hidden: [1, 2, 3] });
    expect(fitTabs([50, 200, 10], 200, 40, 0, 0)).toEqual({ shown: [0], hidden: [1, 2] });
  });

  it('keeps the active tab alone when nothing else fits, and copes with no active tab', () => {
    expect(fitTabs(widths, 100, 60, 2, 3)).toEqual({ shown: [3], hidden: [0, 1, 2, 4] });
    expect(fitTabs(widths, 200, 60, 2, -1)).toEqual({ shown: [0, 1], hidden: [2, 3, 4] });
  });
});
