import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, type TicketPriority } from '../../core/sla/policy';
import { useStore } from '../store';
import type { TicketScope, TicketSort } from '../store/tickets';
import { formatNumber } from '../format';
import { TicketList } from '../components/tickets/TicketList';
import { TicketDetailPanel } from '../components/tickets/TicketDetailPanel';
import { NewTicketDialog } from '../components/tickets/NewTicketDialog';
import { useCategoryLabel } from '../components/tickets/labels';
import '../styles/tickets.css';
import { Button, Select } from '../ui';

const SCOPES: TicketScope[] = ['active', 'mine', 'all', 'resolved', 'closed'];
const SORTS: TicketSort[] = ['due', 'priority', 'created', 'updated'];
/** Other consoles' changes arrive by sync, breaches by the clock: re-read the list now and then. */
const REFRESH_MS = 60_000;

export default function TicketsPage() {
  const { t } = useTranslation('tickets');
  const filter = useStore((s) => s.ticketFilter);
  const setFilter = useStore((s) => s.setTicketFilter);
  const loadTickets = useStore((s) => s.loadTickets);
  const total = useStore((s) => s.ticketList.total);
  const selected = useStore((s) => s.selectedTicketId);
  const openTicket = useStore((s) => s.openTicket);
  const refreshTicket = useStore((s) => s.refreshTicket);
  const applyDetail = useStore((s) => s.applyTicketDetail);
  const notify = useStore((s) => s.notify);
  const settings = useStore((s) => s.caseSettings);
  const userId = useStore((s) => s.session?.currentUser?.id ?? null);
  const categoryLabel = useCategoryLabel();
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState(filter.search);

  // A different user sees their own "mine" and their own rights on the open ticket.
  useEffect(() => {
    void loadTickets();
    void refreshTicket();
    const timer = setInterval(() => void loadTickets(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [userId, loadTickets, refreshTicket]);

  useEffect(() => {
    if (search.trim() === filter.search) return;
    const timer = setTimeout(() => setFilter({ search: search.trim() }), 300);
    return () => clearTimeout(timer);
  }, [search, filter.search, setFilter]);

  const categories = (settings?.categories ?? []).filter((c) => !c.retired);

  return (
    <div className={selected ? 'tk-page with-detail' : 'tk-page'} data-testid="tickets-page">
      <div className="tk-header">
        <div className="queue-title">
          <h1>{t('title')}</h1>
          <span className="queue-total" data-testid="ticket-total">
            {total === null ? t('common.loading') : t('list.total', { n: formatNumber(total) })}
          </span>
        </div>
        <Button variant="primary" data-testid="new-ticket" onClick={() => setCreating(true)}>
          {t('list.new')}
        </Button>
      </div>

      <div className="filterbar tk-filters">
        <div className="segmented" role="radiogroup" aria-label={t('filters.scope')}>
          {SCOPES.map((s) => (
            <button
              key={s}
              type="button"
              role="radio"
              aria-checked={filter.scope === s}
              className={filter.scope === s ? 'seg active' : 'seg'}
              data-testid={`ticket-scope-${s}`}
              onClick={() => setFilter({ scope: s })}
            >
              {t(`scope.${s}`)}
            </button>
          ))}
        </div>
        <Select
          aria-label={t('fields.category')}
          data-testid="ticket-filter-category"
          value={filter.category}
          onChange={(e) => setFilter({ category: e.target.value })}
        >
          <option value="">{t('filters.allCategories')}</option>
          {categories.map((c) => (
            <option key={c.key} value={c.key}>
              {categoryLabel(c.key)}
            </option>
          ))}
        </Select>
        <div className="chip-group" role="group" aria-label={t('fields.priority')}>
          {TICKET_PRIORITIES.map((p: TicketPriority) => (
            <button
              key={p}
              type="button"
              aria-pressed={filter.priority === p}
              className={filter.priority === p ? 'fchip prio-chip on' : 'fchip prio-chip'}
              data-testid={`ticket-filter-priority-${p}`}
              title={t(`priority.hint.${p}`)}
              onClick={() => setFilter({ priority: filter.priority === p ? '' : p })}
            >
              {p}
            </button>
          ))}
        </div>
        <label className="search">
          <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
            <path fill="currentColor" d="M10 4a6 6 0 1 0 3.5 10.9l4.8 4.8 1.4-1.4-4.8-4.8A6 6 0 0 0 10 4zm0 2a4 4 0 1 1 0 8 4 4 0 0 1 0-8z" />
          </svg>
          <input
            type="search"
            data-testid="ticket-search"
            placeholder={t('filters.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label className="tk-sort">
          <span className="muted">{t('filters.sort')}</span>
          <Select data-testid="ticket-sort" value={filter.sort} onChange={(e) => setFilter({ sort: e.target.value as TicketSort })}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort.${s}`)}
              </option>
            ))}
          </Select>
        </label>
      </div>

      <div className="tk-split">
        <TicketList />
        {selected && <TicketDetailPanel key={selected} onClose={() => openTicket(null)} />}
      </div>

      {creating && (
        <NewTicketDialog
          source={null}
          onClose={() => setCreating(false)}
          onCreated={(d) => {
            setCreating(false);
            notify('success', t('create.created', { code: d.ticket.code }));
            applyDetail(d);
            openTicket(d.ticket.id);
            void loadTickets();
          }}
        />
      )}
    </div>
  );
}
