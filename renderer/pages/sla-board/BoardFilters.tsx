import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../core/contract/api';
import type { CaseSettings } from '../../../core/cases/settings';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../core/sla/policy';
import { useStore } from '../../store';
import { beijingDayStart } from '../admin/shared';

const DAY_MS = 86_400_000;

export interface BoardFilter {
  category: string;
  priority: '' | TicketPriority;
  assigneeId: string;
  /** YYYY-MM-DD, Beijing days, both inclusive. */
  from: string;
  to: string;
}
export const NO_FILTER: BoardFilter = { category: '', priority: '', assigneeId: '', from: '', to: '' };

export type BoardQuery = InputOf<'tickets.board'>;

/** The query for a filter; null when the dates are the wrong way round. */
export function toBoardQuery(f: BoardFilter): BoardQuery | null {
  const from = f.from ? beijingDayStart(f.from) : null;
  const toStart = f.to ? beijingDayStart(f.to) : null;
  // People pick the last day they want; the back end takes [from, to).
  const to = toStart === null ? null : toStart + DAY_MS;
  if (from !== null && to !== null && from >= to) return null;
  return {
    ...(f.category ? { category: f.category } : {}),
    ...(f.priority ? { priority: f.priority } : {}),
    ...(f.assigneeId ? { assigneeId: f.assigneeId } : {}),
    ...(from !== null ? { from } : {}),
    ...(to !== null ? { to } : {}),
  };
}

export function isFiltered(f: BoardFilter): boolean {
  return Object.values(f).some((v) => v !== '');
}

/** Category, priority, agent and created-date filters shared by the board and the attainment table. */
export function BoardFilters({
  filter,
  settings,
  onChange,
}: {
  filter: BoardFilter;
  settings: CaseSettings | null;
  onChange: (patch: Partial<BoardFilter>) => void;
}) {
  const { t, i18n } = useTranslation('sla');
  const users = useStore((s) => s.session?.users ?? []);
  const en = i18n.language === 'en';
  return (
    <div className="adm-filters" data-testid="board-filters">
      <label className="adm-field">
        <span className="adm-label">{t('filter.category')}</span>
        <select value={filter.category} data-testid="board-category" onChange={(e) => onChange({ category: e.target.value })}>
          <option value="">{t('filter.allCategories')}</option>
          {settings?.categories.map((c) => (
            <option key={c.key} value={c.key}>
              {en ? c.en : c.zh}
              {c.retired ? ` ${t('filter.retired')}` : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="adm-field">
        <span className="adm-label">{t('filter.priority')}</span>
        <select
          value={filter.priority}
          data-testid="board-priority"
          onChange={(e) => onChange({ priority: e.target.value as BoardFilter['priority'] })}
        >
          <option value="">{t('filter.allPriorities')}</option>
          {TICKET_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="adm-field">
        <span className="adm-label">{t('filter.agent')}</span>
        <select value={filter.assigneeId} data-testid="board-agent" onChange={(e) => onChange({ assigneeId: e.target.value })}>
          <option value="">{t('filter.allAgents')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label className="adm-field">
        <span className="adm-label">{t('filter.from')}</span>
        <input type="date" value={filter.from} max={filter.to || undefined} data-testid="board-from" onChange={(e) => onChange({ from: e.target.value })} />
      </label>
      <label className="adm-field">
        <span className="adm-label">{t('filter.to')}</span>
        <input type="date" value={filter.to} min={filter.from || undefined} data-testid="board-to" onChange={(e) => onChange({ to: e.target.value })} />
      </label>
    </div>
  );
}
