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

/** The console's palette (styles.css) first, then distinct hues that stay apart in print and for most colour vision. */
export const PALETTE = ['#1f5fbf', '#18824a', '#d08a1e', '#7b4fc9', '#c2352b', '#2a9bb5', '#8a6d3b', '#6b7a8f'];
export const OTHER_COLOR = '#9aa5b4';

export const REASON_COLOR: Record<Reason, string> = {
  complaint_followup: '#c2352b',
  satisfaction: '#1f5fbf',
  winback: '#d08a1e',
  onboarding: '#18824a',
  care: '#7b4fc9',
};

/** Reached in green, the retryable misses in blues and greys, the closing refusals in warm colours. */
export const DISPOSITION_COLOR: Record<Disposition, string> = {
  reached: '#18824a',
  no_answer: '#8fa3bf',
  busy: '#6b7a8f',
  voicemail: '#a9b6c8',
  callback_later: '#1f5fbf',
  refused: '#d08a1e',
  wrong_number: '#8a6d3b',
  dnc_requested: '#c2352b',
};

export const AXIS = { fontSize: 11, fill: '#7b8796' };
/** Count axes start at 0 and end on a round number (recharts rounds only an 'auto' end). */
export const COUNTS: [number, 'auto'] = [0, 'auto'];
export const GRID = '#e3e8ef';

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
