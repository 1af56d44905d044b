import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS, COUNTS, GRID, shortDate } from './kit';

/*
 * Recharts scaffolding shared by the report sections, so each chart states only its data and series.
 * Axes are made by plain functions, not components: recharts finds some children by their type.
 */

/** Whole counts from 0 to a round end; spread onto the count axis (an XAxis when the bars lie down). */
export const COUNT_TICKS = { tick: AXIS, allowDecimals: false, domain: COUNTS, niceTicks: 'snap125' } as const;
/** Room around an upright chart; horizontal bar charts need more on the right for the last tick. */
export const MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };
export const ROW_MARGIN = { top: 4, right: 16, bottom: 0, left: 8 };

/** A right-hand 0–100 % axis (NPS passes −100). */
export function percentAxis(id: string, min = 0) {
  return <YAxis yAxisId={id} orientation="right" domain={[min, 100]} tickFormatter={(v: number) => `${v}%`} tick={AXIS} width={44} />;
}

/** A left-hand count axis; `id` when the chart also has a percent axis. */
export function countAxis(id?: string) {
  return id === undefined ? <YAxis {...COUNT_TICKS} width={44} /> : <YAxis yAxisId={id} {...COUNT_TICKS} width={44} />;
}

/** A YYYY-MM-DD axis labelled MM-DD; `gap` keeps long ranges from crowding. */
export function dateAxis(key: string, gap: number) {
  return <XAxis dataKey={key} tickFormatter={shortDate} tick={AXIS} minTickGap={gap} />;
}

/** A category axis that shows every label (reasons, purposes). */
export function nameAxis() {
  return <XAxis dataKey="name" tick={AXIS} interval={0} />;
}

type Formatter = (value: unknown, name: unknown, item: { dataKey?: unknown }) => string;
export interface Series {
  key: string;
  name: string;
  color: string;
}
export interface RateSeries extends Series {
  /** Daily lines have too many points for dots. */
  dot?: false;
  /** Draw across periods with nothing to divide by (a null rate). */
  connectNulls?: true;
}

/**
 * Count bars (stacked when there are parts of a whole) on a left axis with one or more rates as lines
 * on a right 0–100 % axis. `x.dateGap` makes a date axis; without it every category is labelled.
 */
export function CountRateChart({
  data,
  x,
  bars,
  stacked = false,
  lines,
  format,
  labelFormatter,
  height = 260,
}: {
  data: readonly object[];
  x: { key: string; dateGap?: number };
  bars: readonly Series[];
  stacked?: boolean;
  lines: readonly RateSeries[];
  format: Formatter;
  labelFormatter?: (label: unknown) => string;
  height?: number;
}) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={data as object[]} margin={MARGIN}>
        <CartesianGrid stroke={GRID} vertical={false} />
        {x.dateGap === undefined ? <XAxis dataKey={x.key} tick={AXIS} interval={0} /> : dateAxis(x.key, x.dateGap)}
        {countAxis('n')}
        {percentAxis('pct')}
        {labelFormatter ? <Tooltip formatter={format} labelFormatter={labelFormatter} /> : <Tooltip formatter={format} />}
        <Legend />
        {bars.map((b) => (
          <Bar key={b.key} yAxisId="n" dataKey={b.key} {...(stacked ? { stackId: 'a' } : {})} name={b.name} fill={b.color} isAnimationActive={false} />
        ))}
        {lines.map((l) => (
          <Line
            key={l.key}
            yAxisId="pct"
            dataKey={l.key}
            name={l.name}
            stroke={l.color}
            strokeWidth={2}
            {...(l.dot === false ? { dot: false } : {})}
            {...(l.connectNulls ? { connectNulls: true } : {})}
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
