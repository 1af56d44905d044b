import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BlockView, QueueRow } from '../../core/contract/views';
import { REASON_PURPOSE, type BlockReason, type CallbackOutcome, type Priority, type Reason } from '../../core/domain/model';
import { formatShortDateTime, relativeToNow } from '../format';
import { Tip } from './Tooltip';

/* Small shared pieces: reason tags, priority badges, status (callable / blocked) with explanations. */

export function ReasonTag({ reason }: { reason: Reason }) {
  const { t } = useTranslation();
  return <span className={`tag reason reason-${reason}`}>{t(`reason.${reason}`)}</span>;
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <span className={`prio prio-${priority}`} title={t(`priority.hint.${priority}`)}>
      {t('priority.short', { p: priority })}
    </span>
  );
}

/** Blocks that mean "never for now" (danger) vs. "wait a while" (warning) vs. neutral. */
export function blockTone(reason: BlockReason): 'danger' | 'warn' | 'muted' {
  switch (reason) {
    case 'bad_number':
    case 'dnc':
    case 'no_consent':
      return 'danger';
    case 'outside_window':
    case 'no_call_day':
    case 'contact_cap':
    case 'scheduled_later':
      return 'warn';
    case 'leased':
    case 'closed':
      return 'muted';
  }
}

/** HH:mm of a customer-local "yyyy-MM-dd HH:mm" string from the back end. */
export function localClock(localTime: string | null): string {
  if (!localTime) return '';
  const m = /(\d{2}:\d{2})/.exec(localTime);
  return m?.[1] ?? localTime;
}

/** One block reason explained in a sentence, with the times the back end gave us. */
export function describeBlock(t: TFunction, block: BlockView, context: { reason: Reason; outcome: CallbackOutcome | null }): string {
  const until = block.until !== null ? formatShortDateTime(block.until) : '';
  const local = block.localTime ?? '';
  switch (block.reason) {
    case 'closed':
      return context.outcome ? t('blockDetail.closed', { outcome: t(`outcome.${context.outcome}`) }) : t('blockDetail.closedPlain');
    case 'leased':
      return until ? t('blockDetail.leased', { until }) : t('blockDetail.leasedPlain');
    case 'bad_number':
      return t('blockDetail.bad_number');
    case 'dnc':
      // FOREVER is far beyond any date anyone will read; say "no expiry".
      return block.until === null || block.until > Date.UTC(9000, 0) ? t('blockDetail.dncForever') : t('blockDetail.dnc', { until });
    case 'no_consent':
      return t('blockDetail.no_consent', { purpose: t(`consent.purpose.${REASON_PURPOSE[context.reason]}`) });
    case 'scheduled_later':
      return t('blockDetail.scheduled_later', { until, rel: block.until !== null ? relativeToNow(block.until) : '' });
    case 'no_call_day':
      return t('blockDetail.no_call_day', { local, next: until || '—' });
    case 'outside_window':
      return until ? t('blockDetail.outside_window', { local, next: until }) : t('blockDetail.outside_windowNoNext', { local });
    case 'contact_cap':
      return t('blockDetail.contact_cap', { until });
  }
}

export function BlockList({ row }: { row: Pick<QueueRow, 'blocks' | 'reason' | 'outcome'> }) {
  const { t } = useTranslation();
  return (
    <ul className="block-list">
      {row.blocks.map((b) => (
        <li key={b.reason} className={`block-item tone-${blockTone(b.reason)}`}>
          <span className="block-name">{t(`block.${b.reason}`)}</span>
          <span className="block-text">{describeBlock(t, b, row)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The queue's status cell: green "callable", blue "with me", or the first block with all in a tooltip. */
export function StatusCell({ row }: { row: QueueRow }) {
  const { t } = useTranslation();
  if (row.leasedByMe && row.state === 'open') {
    return <span className="status status-mine">{t('status.mine')}</span>;
  }
  if (row.callable) {
    return (
      <span className="status status-callable" data-testid="status-callable">
        <span className="dot" aria-hidden="true" />
        {t('status.callable')}
      </span>
    );
  }
  const first = row.blocks[0];
  if (!first) return <span className="status status-muted">{t('common.none')}</span>;
  if (first.reason === 'closed') {
    return (
      <span className="status status-closed">
        {t('status.closed')}
        {row.outcome && <span className="status-extra">· {t(`outcome.${row.outcome}`)}</span>}
      </span>
    );
  }
  const extra =
    first.reason === 'outside_window' || first.reason === 'no_call_day'
      ? t('blockDetail.localShort', { time: localClock(first.localTime) })
      : first.reason === 'scheduled_later' && first.until !== null
        ? relativeToNow(first.until)
        : first.reason === 'contact_cap' && first.until !== null
          ? relativeToNow(first.until)
          : '';
  return (
    <Tip
      content={
        <div>
          <div className="tooltip-title">{t('status.allBlocks')}</div>
          <BlockList row={row} />
        </div>
      }
    >
      <span className={`status status-blocked tone-${blockTone(first.reason)}`} data-testid="status-blocked" data-block={first.reason}>
        {t(`block.${first.reason}`)}
        {extra && <span className="status-extra">{extra}</span>}
        {row.blocks.length > 1 && <span className="status-more">+{row.blocks.length - 1}</span>}
      </span>
    </Tip>
  );
}

export function DueCell({ dueAt, overdue, closed }: { dueAt: number | null; overdue: boolean; closed: boolean }) {
  const { t } = useTranslation();
  if (dueAt === null) return <span className="due due-asap">{t('time.asap')}</span>;
  return (
    <span className={overdue && !closed ? 'due due-overdue' : 'due'}>
      <span className="due-time">{formatShortDateTime(dueAt)}</span>
      {!closed && <span className="due-rel">{relativeToNow(dueAt)}</span>}
    </span>
  );
}
