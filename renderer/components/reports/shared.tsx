import { formatNumber } from '../../format';
import { DASH } from './kit';

/* Props and tooltip formats shared by the three report sections; the recharts scaffolding is in charts.tsx. */

export interface SectionProps<R> {
  report: R;
  /** The export file name for a chart id, with the range in it. */
  files: (chart: string) => string;
  /** Some filter narrows this section: the empty state says to widen it. */
  filtered: boolean;
  agentFiltered: boolean;
}

/** Tooltip values: the listed data keys as percentages, everything else as counts; null as a dash. */
export function tooltipFormatter(percentKeys: readonly string[], signedKeys: readonly string[] = []) {
  return (value: unknown, _name: unknown, item: { dataKey?: unknown }) => {
    if (value === null || value === undefined) return DASH;
    const key = String(item.dataKey ?? '');
    const n = Number(value);
    if (!Number.isFinite(n)) return String(value);
    if (signedKeys.includes(key)) return `${n > 0 ? '+' : ''}${formatNumber(n)}`;
    return percentKeys.includes(key) ? `${formatNumber(n)}%` : formatNumber(n);
  };
}
