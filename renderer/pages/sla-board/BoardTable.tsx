import { useTranslation } from 'react-i18next';
import type { CaseSettings } from '../../../core/cases/settings';
import { formatShortDateTime, formatNumber } from '../../format';
import type { BoardItem, Tone } from './boardModel';
import { businessSpan, categoryName, countdown } from './common';
import { Card, EmptyState, Table } from '../../ui';

/** The icon beside the words, so the level is never told by colour alone. */
export function ToneIcon({ tone }: { tone: Tone }) {
  return (
    <svg className="sla-tone-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      {tone === 'breached' ? (
        <path fill="currentColor" d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-.9 3.5h1.8v5h-1.8zm0 6.2h1.8v1.8h-1.8z" />
      ) : (
        <path fill="currentColor" d="M8 1.2 15.2 14H.8zm-.8 4.3v4.2h1.6V5.5zm0 5.4v1.6h1.6v-1.6z" />
      )}
    </svg>
  );
}

/** One section of the board (breached or at risk); rows open the ticket. */
export function BoardTable({
  tone,
  items,
  now,
  settings,
  onOpen,
}: {
  tone: Tone;
  items: BoardItem[];
  now: number;
  settings: CaseSettings | null;
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation('sla');
  const title = tone === 'breached' ? t('board.breachedTitle') : t('board.atRiskTitle');
  return (
    <Card
      className={`sla-section sla-section-${tone}`}
      titleId={`sla-${tone}-title`}
      titleClassName="sla-section-title"
      title={
        <>
          <ToneIcon tone={tone} />
          {title}
          <span className="sla-count" data-testid={`board-${tone}-count`}>
            {formatNumber(items.length)}
          </span>
        </>
      }
      actions={<span className="muted small">{tone === 'breached' ? t('board.breachedHint') : t('board.atRiskHint')}</span>}
      data-testid={`board-${tone}`}
    >
      {items.length === 0 ? (
        <EmptyState data-testid={`board-${tone}-empty`}>{tone === 'breached' ? t('board.noBreached') : t('board.noAtRisk')}</EmptyState>
      ) : (
        <Table className="sla-board-table">
          <thead>
            <tr>
              <th>{t('board.colLevel')}</th>
              <th>{t('board.colTicket')}</th>
              <th>{t('board.colCustomer')}</th>
              <th>{t('board.colCategory')}</th>
              <th>{t('board.colAssignee')}</th>
              <th>{t('board.colClock')}</th>
              <th className="ui-num">{t('board.colLeft')}</th>
              <th>{t('board.colCreated')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const { row, state } = item;
              const left = state.dueAt !== null ? state.dueAt - now : item.leftMs;
              const over = left <= 0;
              return (
                <tr
                  key={row.id}
                  className={`sla-row sla-row-${item.tone}`}
                  data-testid="board-row"
                  data-level={item.tone}
                  data-id={row.id}
                  onClick={() => onOpen(row.id)}
                >
                  <td>
                    <span className={`sla-level sla-level-${item.tone}`} data-testid="board-level">
                      <ToneIcon tone={item.tone} />
                      {item.tone === 'breached' ? t('level.breached') : t('level.warning')}
                    </span>
                  </td>
                  <td className="sla-ticket-cell">
                    <button
                      type="button"
                      className="sla-link"
                      data-testid="board-open"
                      onClick={(e) => {
                        // The row opens it too; once is enough.
                        e.stopPropagation();
                        onOpen(row.id);
                      }}
                    >
                      <span className="mono sla-code">{row.code}</span>
                      <span className="sla-subject">{row.subject}</span>
                    </button>
                    <span className="sla-badges">
                      <span className="sla-prio">{t(`priority.${row.priority}`)}</span>
                      {row.escalated && (
                        <span className="sla-escalated" data-testid="board-escalated" title={t('board.escalatedHint')}>
                          ⇡ {t('board.escalated')}
                        </span>
                      )}
                      {row.status === 'pending_customer' && <span className="sla-paused">{t('board.paused')}</span>}
                    </span>
                  </td>
                  <td>
                    {row.customerName ?? <span className="muted">{t('board.noCustomer')}</span>}
                    {row.phoneMasked && <div className="muted small mono">{row.phoneMasked}</div>}
                  </td>
                  <td>{categoryName(settings, row.category, i18n.language)}</td>
                  <td>{row.assigneeName ?? <span className="muted">{t('board.unassigned')}</span>}</td>
                  <td className="nowrap">{t(`clock.${item.clock}`)}</td>
                  <td className="ui-num sla-left-cell">
                    <span className={`sla-countdown${over ? ' sla-countdown-over' : ''}`} data-testid="board-countdown">
                      {state.dueAt !== null
                        ? over
                          ? t('board.overBy', { time: countdown(t, left) })
                          : t('board.leftIn', { time: countdown(t, left) })
                        : state.status === 'missed'
                          ? t('board.answeredLate')
                          : t('board.clockPaused')}
                    </span>
                    <span className="sla-target">{t('board.target', { span: businessSpan(t, state.target) })}</span>
                    {item.tone === 'breached' && state.breachedByMinutes > 0 && (
                      <span className="sla-over" data-testid="board-over">
                        {t('board.overBusiness', { span: businessSpan(t, state.breachedByMinutes) })}
                      </span>
                    )}
                  </td>
                  <td className="nowrap">{formatShortDateTime(row.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
