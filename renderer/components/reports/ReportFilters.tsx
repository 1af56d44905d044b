import { useTranslation } from 'react-i18next';
import { REASONS, type Reason } from '../../../core/domain/model';
import { dayIso, dayNumber, isoRange, MAX_RANGE_DAYS, presetRange, RANGE_PRESETS, type RangePreset } from '../../../core/reports/time';
import type { CaseSettings } from '../../../core/contract/views-cases';
import type { UserRecord } from '../../../core/domain/records';

/*
 * The page's one date range and one set of filters. A preset is re-read against the clock each time
 * the page loads, so "last 30 days" stays the last 30 days; editing a date turns it into a fixed range.
 */

export interface PageFilter {
  preset: RangePreset | 'custom';
  fromIso: string;
  toIso: string;
  agentId: string;
  reason: '' | Reason;
  purpose: '' | Reason;
  category: string;
}

export const DEFAULT_FILTER: PageFilter = { preset: 'd30', fromIso: '', toIso: '', agentId: '', reason: '', purpose: '', category: '' };

/** The range a filter means now: a preset's dates, or the typed ones; null when those are not a valid range. */
export function rangeOf(f: PageFilter, now: number): { from: number; to: number; fromIso: string; toIso: string } | null {
  const r = f.preset === 'custom' ? isoRange(f.fromIso, f.toIso) : presetRange(f.preset, now);
  if (!r) return null;
  return { ...r, fromIso: dayIso(dayNumber(r.from)), toIso: dayIso(dayNumber(r.to - 1)) };
}

export function ReportFilters({
  filter,
  onChange,
  now,
  users,
  categories,
}: {
  filter: PageFilter;
  onChange: (f: PageFilter) => void;
  now: number;
  users: readonly UserRecord[];
  categories: CaseSettings['categories'];
}) {
  const { t, i18n } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const range = rangeOf(filter, now);
  const shown = range ?? { fromIso: filter.fromIso, toIso: filter.toIso };
  const set = (patch: Partial<PageFilter>) => onChange({ ...filter, ...patch });
  const setDate = (patch: { fromIso?: string; toIso?: string }) => set({ preset: 'custom', fromIso: shown.fromIso, toIso: shown.toIso, ...patch });
  const narrowed = filter.agentId !== '' || filter.reason !== '' || filter.purpose !== '' || filter.category !== '';

  return (
    <div className="adm-card rp-filters" data-testid="rp-filters">
      <div className="rp-filter-row">
        <div className="adm-field">
          <span className="adm-label">{t('filters.range')}</span>
          <div className="rp-toggle rp-presets" role="group" aria-label={t('filters.range')}>
            {RANGE_PRESETS.map((p) => (
              <button key={p} type="button" className={filter.preset === p ? 'on' : ''} aria-pressed={filter.preset === p} data-testid={`rp-preset-${p}`} onClick={() => set({ preset: p })}>
                {t(`filters.presets.${p}`)}
              </button>
            ))}
          </div>
        </div>
        <label className="adm-field">
          <span className="adm-label">{t('filters.from')}</span>
          <input type="date" value={shown.fromIso} max={shown.toIso || undefined} data-testid="rp-from" onChange={(e) => setDate({ fromIso: e.target.value })} />
        </label>
        <label className="adm-field">
          <span className="adm-label">{t('filters.to')}</span>
          <input type="date" value={shown.toIso} min={shown.fromIso || undefined} data-testid="rp-to" onChange={(e) => setDate({ toIso: e.target.value })} />
        </label>
        <span className="adm-muted adm-small rp-days">{t('filters.beijingDays')}</span>
      </div>
      <div className="rp-filter-row">
        <label className="adm-field">
          <span className="adm-label">{t('filters.agent')}</span>
          <select value={filter.agentId} data-testid="rp-agent" onChange={(e) => set({ agentId: e.target.value })}>
            <option value="">{t('filters.all')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="adm-field">
          <span className="adm-label">{t('filters.reason')}</span>
          <select value={filter.reason} data-testid="rp-reason" onChange={(e) => set({ reason: e.target.value as PageFilter['reason'] })}>
            <option value="">{t('filters.all')}</option>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {tc(`reason.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="adm-field">
          <span className="adm-label">{t('filters.purpose')}</span>
          <select value={filter.purpose} data-testid="rp-purpose" onChange={(e) => set({ purpose: e.target.value as PageFilter['purpose'] })}>
            <option value="">{t('filters.all')}</option>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {tc(`reason.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="adm-field">
          <span className="adm-label">{t('filters.category')}</span>
          <select value={filter.category} data-testid="rp-category" onChange={(e) => set({ category: e.target.value })}>
            <option value="">{t('filters.all')}</option>
            {categories.map((c) => (
              <option key={c.key} value={c.key}>
                {i18n.language === 'en' ? c.en : c.zh}
                {c.retired ? t('filters.retired') : ''}
              </option>
            ))}
          </select>
        </label>
        {narrowed && (
          <button type="button" className="adm-btn adm-btn-link rp-clear" data-testid="rp-clear" onClick={() => set({ agentId: '', reason: '', purpose: '', category: '' })}>
            {t('filters.clear')}
          </button>
        )}
      </div>
      <p className="adm-muted adm-small rp-scope">{t('filters.scope')}</p>
      {range === null && (
        <div className="adm-field-error" role="alert" data-testid="rp-bad-range">
          {t('filters.badRange', { days: MAX_RANGE_DAYS })}
        </div>
      )}
    </div>
  );
}
