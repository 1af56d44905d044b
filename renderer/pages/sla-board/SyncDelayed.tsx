import { useTranslation } from 'react-i18next';
import type { SyncDelayedBreachView } from '../../../core/contract/views-cases';
import { formatNumber, formatShortDateTime } from '../../format';
import { Card, Table } from '../../ui';

/**
 * Breaches caused by sync delay, apart from the real ones: the reply or resolve happened in time on a
 * console that was offline, and reached the team after another console had recorded the breach. The
 * escalation stays in the ticket's history; here the supervisor sees why it is not the agent's miss.
 */
export function SyncDelayedTable({ items, onOpen }: { items: SyncDelayedBreachView[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation('sla');
  return (
    <Card
      title={
        <>
          <svg className="sla-tone-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path fill="currentColor" d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.6a5.4 5.4 0 1 1 0 10.8A5.4 5.4 0 0 1 8 2.6zM7.2 4v4.4l3.3 2 .8-1.3-2.5-1.5V4z" />
          </svg>
          {t('delayed.title')}
          <span className="sla-count" data-testid="board-sync-delayed-count">
            {formatNumber(items.length)}
          </span>
        </>
      }
      titleId="sla-delayed-title"
      titleClassName="sla-section-title"
      actions={<span className="muted small">{t('delayed.hint')}</span>}
      className="sla-section sla-section-delayed"
      data-testid="board-sync-delayed"
    >
      <Table className="sla-board-table">
        <thead>
          <tr>
            <th>{t('board.colTicket')}</th>
            <th>{t('board.colAssignee')}</th>
            <th>{t('board.colClock')}</th>
            <th>{t('delayed.colDue')}</th>
            <th>{t('delayed.colDone')}</th>
            <th>{t('delayed.colRecorded')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={`${d.row.id}-${d.clock}-${d.recordedAt}`} data-testid="board-sync-delayed-row" data-id={d.row.id}>
              <td className="sla-ticket-cell">
                <button type="button" className="sla-link" onClick={() => onOpen(d.row.id)}>
                  <span className="mono sla-code">{d.row.code}</span>
                  <span className="sla-subject">{d.row.subject}</span>
                </button>
              </td>
              <td>{d.row.assigneeName ?? <span className="muted">{t('board.unassigned')}</span>}</td>
              <td className="nowrap">{t(`clock.${d.clock}`)}</td>
              <td className="nowrap">{formatShortDateTime(d.dueAt)}</td>
              <td className="nowrap" data-testid="board-sync-delayed-done">
                {formatShortDateTime(d.stoppedAt)}
                <span className="sla-delayed-intime">✓ {t('delayed.inTime')}</span>
              </td>
              <td className="nowrap">{formatShortDateTime(d.recordedAt)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
