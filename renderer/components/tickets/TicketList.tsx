import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../../../core/contract/views-cases';
import { useStore } from '../../store';
import { formatNumber, formatShortDateTime } from '../../format';
import { apiErrorText } from '../../i18n/apiError';
import { useNow } from '../useNow';
import { TicketPriorityBadge, TicketStatusBadge, useCategoryLabel } from './labels';
import { SlaCountdown } from './SlaCountdown';
import { Button } from '../../ui';

const COLUMNS = ['code', 'subject', 'customer', 'category', 'priority', 'status', 'assignee', 'created', 'sla'] as const;

/** The ticket list: one tick a second for every countdown (a single timer for the whole table). */
export function TicketList() {
  const { t } = useTranslation('tickets');
  const list = useStore((s) => s.ticketList);
  const selected = useStore((s) => s.selectedTicketId);
  const openTicket = useStore((s) => s.openTicket);
  const loadTickets = useStore((s) => s.loadTickets);
  const categoryLabel = useCategoryLabel();
  const now = useNow(1000);

  const more = list.total !== null && list.rows.length < list.total;
  return (
    <div className="tk-table-wrap" data-testid="ticket-list" data-loading={list.loading ? 'true' : 'false'} data-total={list.total ?? ''}>
      <table className="tk-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} className={`tk-col-${c}`}>
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.rows.map((row) => (
            <Row key={row.id} row={row} now={now} selected={row.id === selected} category={categoryLabel(row.category)} onOpen={openTicket} />
          ))}
        </tbody>
      </table>
      {list.rows.length === 0 && !list.loading && (
        <div className={list.error ? 'tk-empty error' : 'tk-empty'} data-testid="ticket-list-empty">
          {list.error ? t('list.loadFailed', { message: apiErrorText(list.error) }) : t('list.empty')}
        </div>
      )}
      {list.rows.length === 0 && list.loading && <div className="tk-empty">{t('common.loading')}</div>}
      {more && (
        <div className="tk-more">
          <Button size="small" disabled={list.loading} onClick={() => void loadTickets(true)}>
            {t('list.more', { shown: formatNumber(list.rows.length), total: formatNumber(list.total ?? 0) })}
          </Button>
        </div>
      )}
    </div>
  );
}

const Row = memo(function Row({
  row,
  now,
  selected,
  category,
  onOpen,
}: {
  row: TicketRow;
  now: number;
  selected: boolean;
  category: string;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('tickets');
  return (
    <tr
      className={selected ? 'tk-row selected' : 'tk-row'}
      data-testid="ticket-row"
      data-id={row.id}
      data-code={row.code}
      tabIndex={0}
      aria-selected={selected}
      onClick={() => onOpen(row.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen(row.id);
        }
      }}
    >
      <td className="tk-col-code mono">{row.code}</td>
      <td className="tk-col-subject" title={row.subject}>
        {row.escalated && (
          <span className="tk-escalated" title={t('list.escalated')}>
            ▲
          </span>
        )}
        {row.subject}
      </td>
      <td className="tk-col-customer">
        {row.customerName ? (
          <>
            <span className="tk-cust">{row.customerName}</span>
            <span className="tk-phone mono">{row.phoneMasked}</span>
          </>
        ) : (
          <span className="muted" title={t('list.noCustomer')}>
            {t('list.noCustomerShort')}
          </span>
        )}
      </td>
      <td className="tk-col-category">{category}</td>
      <td className="tk-col-priority">
        <TicketPriorityBadge priority={row.priority} />
      </td>
      <td className="tk-col-status">
        <TicketStatusBadge status={row.status} />
      </td>
      <td className="tk-col-assignee">{row.assigneeName ?? <span className="muted">{t('assign.nobody')}</span>}</td>
      <td className="tk-col-created mono">{formatShortDateTime(row.createdAt)}</td>
      <td className="tk-col-sla">
        <SlaCountdown row={row} now={now} />
      </td>
    </tr>
  );
});
