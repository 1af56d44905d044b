import { formatFen } from '../../../core/vouchers/describe';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Disposition, Reason } from '../../../core/domain/model';
import { formatNumber } from '../../format';
import { Tip } from '../Tooltip';

/*
 * Pieces every report section shares: number formats, the palette, the headline figures. Percentages
 * arrive as 0–100 with one decimal (null = nothing to divide by, shown as a dash, never as 0).
 */

export const DASH = '—';
export const pct = (v: number | null) => (v === null ? DASH : `${formatNumber(v)}%`);
export const signed = (v: number | null) => (v === null ? DASH : `${v > 0 ? '+' : ''}${formatNumber(v)}`);
export const num = (v: number | null) => (v === null ? DASH : formatNumber(v));
/** Yuan with two decimals from integer fen (¥1,234.50); the CSV keeps plain numbers. */
export const yuan = formatFen;
export const yuanPlain = (fen: number) => (fen / 100).toFixed(2);
/** Chart axis label of a YYYY-MM-DD date: MM-DD. */
export const shortDate = (iso: string) => iso.slice(5);

/** Business minutes as "3 h 20 min"; the median of a fractional clock is shown to the minute. */
export function useDuration(): (minutes: number | null) => string {
  const { t } = useTranslation('reports');
  return (minutes) => {
    if (minutes === null) return DASH;
    const m = Math.round(minutes);
    if (m < 60) return t('duration.minutes', { m });
    return t('duration.hours', { h: Math.floor(m / 60), m: m % 60 });
  };
}

/**
 * The console's palette first, then distinct hues that stay apart in print and for most colour vision. Colours
 * are tokens (tokens.css: --primary, --danger, --chart-*), so the charts follow the theme.
 */
export const PALETTE = ['var(--primary)', 'var(--chart-green)', 'var(--chart-amber)', 'var(--chart-violet)', 'var(--danger)', 'var(--chart-cyan)', 'var(--chart-brown)', 'var(--chart-slate)'];
export const OTHER_COLOR = 'var(--chart-grey)';

export const REASON_COLOR: Record<Reason, string> = {
  complaint_followup: 'var(--danger)',
  satisfaction: 'var(--primary)',
  winback: 'var(--chart-amber)',
  onboarding: 'var(--chart-green)',
  care: 'var(--chart-violet)',
};

/** Reached in green, the retryable misses in blues and greys, the closing refusals in warm colours. */
export const DISPOSITION_COLOR: Record<Disposition, string> = {
  reached: 'var(--chart-green)',
  no_answer: 'var(--chart-steel)',
  busy: 'var(--chart-slate)',
  voicemail: 'var(--chart-silver)',
  callback_later: 'var(--primary)',
  refused: 'var(--chart-amber)',
  wrong_number: 'var(--chart-brown)',
  dnc_requested: 'var(--danger)',
};

export const AXIS = { fontSize: 11, fill: 'var(--chart-axis)' };
/** Count axes start at 0 and end on a round number (recharts rounds only an 'auto' end). */
export const COUNTS: [number, 'auto'] = [0, 'auto'];
export const GRID = 'var(--line)';

export function Stat({ label, value, formula, testId, tone }: { label: string; value: string; formula?: string; testId: string; tone?: 'key' | 'warn' }) {
  const head = formula ? (
    <Tip content={<span className="rp-formula">{formula}</span>}>
      <span className="rp-stat-label" tabIndex={0}>
        {label}
        <span className="rp-info" aria-hidden="true">
          ?
        </span>
      </span>
    </Tip>
  ) : (
    <span className="rp-stat-label">{label}</span>
  );
  return (
    <div className={`rp-stat${tone ? ` rp-stat-${tone}` : ''}`} data-testid={testId}>
      <dt>{head}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function Stats({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <dl className="rp-stats" data-testid={testId}>
      {children}
    </dl>
  );
}

export function SectionHead({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  return (
    <div className="rp-section-head" id={`rp-${id}`}>
      <h3 className="rp-section-title">{title}</h3>
      {children}
    </div>
  );
}
