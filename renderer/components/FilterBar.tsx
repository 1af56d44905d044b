import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFilter } from '../../core/contract/api';
import { PRIORITIES, REASONS, type Priority, type Reason } from '../../core/domain/model';
import { useStore } from '../store';
import { DEFAULT_FILTER } from '../store/queue';
import { Checkbox } from '../ui';

const STATUSES: QueueFilter['status'][] = ['open', 'callable', 'blocked', 'closed', 'all'];

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function FilterBar() {
  const { t } = useTranslation();
  const filter = useStore((s) => s.filter);
  const setFilter = useStore((s) => s.setFilter);
  const resetFilter = useStore((s) => s.resetFilter);
  const [search, setSearch] = useState(filter.search);

  // Debounced search: one query per pause in typing, not per key.
  useEffect(() => {
    if (search.trim() === filter.search) return;
    const timer = setTimeout(() => setFilter({ search: search.trim() }), 300);
    return () => clearTimeout(timer);
  }, [search, filter.search, setFilter]);
  useEffect(() => {
    setSearch((s) => (s.trim() === filter.search ? s : filter.search));
  }, [filter.search]);

  const filtered =
    filter.status !== DEFAULT_FILTER.status ||
    filter.reasons.length > 0 ||
    filter.priorities.length > 0 ||
    filter.search !== '' ||
    filter.mine;

  return (
    <div className="filterbar">
      <div className="segmented" role="radiogroup" aria-label={t('queue.filters.status')} data-testid="filter-status">
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            role="radio"
            aria-checked={filter.status === s}
            className={filter.status === s ? 'seg active' : 'seg'}
            data-testid={`filter-status-${s}`}
            data-value={s}
            onClick={() => setFilter({ status: s })}
          >
            {t(`queue.statusOptions.${s}`)}
          </button>
        ))}
      </div>

      <div className="chip-group" role="group" aria-label={t('queue.filters.reasons')} data-testid="filter-reasons">
        {REASONS.map((r: Reason) => (
          <button
            key={r}
            type="button"
            aria-pressed={filter.reasons.includes(r)}
            className={filter.reasons.includes(r) ? `fchip reason-${r} on` : `fchip reason-${r}`}
            data-testid={`filter-reason-${r}`}
            onClick={() => setFilter({ reasons: toggle(filter.reasons, r) })}
          >
            {t(`reason.${r}`)}
          </button>
        ))}
      </div>

      <div className="chip-group" role="group" aria-label={t('queue.filters.priorities')} data-testid="filter-priorities">
        {PRIORITIES.map((p: Priority) => (
          <button
            key={p}
            type="button"
            aria-pressed={filter.priorities.includes(p)}
            className={filter.priorities.includes(p) ? 'fchip prio-chip on' : 'fchip prio-chip'}
            data-testid={`filter-priority-${p}`}
            title={t(`priority.hint.${p}`)}
            onClick={() => setFilter({ priorities: toggle(filter.priorities, p).sort() })}
          >
            {t('priority.short', { p })}
          </button>
        ))}
      </div>

      <div className="search">
        <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
          <path fill="none" stroke="currentColor" strokeWidth="2" d="M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM20 20l-4.8-4.8" />
        </svg>
        <input
          type="search"
          value={search}
          maxLength={64}
          placeholder={t('queue.filters.search')}
          aria-label={t('queue.filters.search')}
          data-testid="filter-search"
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setFilter({ search: search.trim() });
          }}
        />
      </div>

      <Checkbox
        appearance="switch"
        label={t('queue.filters.mine')}
        checked={filter.mine}
        onChange={(e) => setFilter({ mine: e.target.checked })}
        data-testid="filter-mine"
      />

      {filtered && (
        <button type="button" className="link-button" data-testid="filter-clear" onClick={resetFilter}>
          {t('queue.filters.clear')}
        </button>
      )}
    </div>
  );
}
