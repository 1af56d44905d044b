/**
 * Which of the top bar's page tabs stay in the bar and which go under "More" (pure, so it can be tested
 * alone). `widths` are the tabs' widths in their order, `gap` the space between two of them, `more` the
 * More button's width. Every tab stays when they all fit; else the first ones that fit beside the More
 * button stay, and so does the active tab wherever it is: the page you are on is always named in the bar.
 */
export function fitTabs(widths: readonly number[], available: number, more: number, gap: number, active: number): { shown: number[]; hidden: number[] } {
  const all = widths.map((_, i) => i);
  const total = widths.reduce((sum, w) => sum + w, 0) + gap * Math.max(0, widths.length - 1);
  if (total <= available) return { shown: all, hidden: [] };
  const budget = available - more - gap;
  const kept = new Set<number>();
  let used = 0;
  if (active >= 0 && active < widths.length) {
    kept.add(active);
    used = widths[active]!;
  }
  for (const i of all) {
    if (kept.has(i)) continue;
    const next = used + (kept.size > 0 ? gap : 0) + widths[i]!;
    // In order: a short tab further on does not jump over a long one that did not fit.
    if (next > budget) break;
    kept.add(i);
    used = next;
  }
  return { shown: all.filter((i) => kept.has(i)), hidden: all.filter((i) => !kept.has(i)) };
}
