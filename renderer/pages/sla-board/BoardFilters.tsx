import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../core/contract/api';
import type { CaseSettings } from '../../../core/cases/settings';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../core/sla/policy';
import { useStore } from '../../store';
import { DateRangeFields, SelectField } from '../../components/FilterFields';
import { beijingDayStart } from '../admin/shared';
import { FieldRow } from '../../ui';

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
    <FieldRow data-testid="board-filters">
      <SelectField
        label={t('filter.category')}
        value={filter.category}
        testId="board-category"
        allLabel={t('filter.allCategories')}
        options={(settings?.categories ?? []).map((c) => ({ value: c.key, label: `${en ? c.en : c.zh}${c.retired ? ` ${t('filter.retired')}` : ''}` }))}
        onChange={(category) => onChange({ category })}
      />
      <SelectField
        label={t('filter.priority')}
        value={filter.priority}
        testId="board-priority"
        allLabel={t('filter.allPriorities')}
        options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        onChange={(priority) => onChange({ priority })}
      />
      <SelectField
        label={t('filter.agent')}
        value={filter.assigneeId}
        testId="board-agent"
        allLabel={t('filter.allAgents')}
        options={users.map((u) => ({ value: u.id, label: u.name }))}
        onChange={(assigneeId) => onChange({ assigneeId })}
      />
      <DateRangeFields
        from={filter.from}
        to={filter.to}
        labels={{ from: t('filter.from'), to: t('filter.to') }}
        testIds={{ from: 'board-from', to: 'board-to' }}
        onChange={onChange}
      />
    </FieldRow>
  );
}
