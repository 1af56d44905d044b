import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TicketEventView } from '../../../core/contract/views-cases';
import { useStore } from '../../store';
import { formatDateTime, formatShortDateTime } from '../../format';
import { MaskedText } from '../MaskedText';
import { formatBizMinutes, formatSpan, useCategoryLabel } from './labels';

/**
 * Every fact of the ticket, newest first: who did what and when. Replies to the customer and internal
 * notes look different on purpose (only a reply counts as a response), breaches stand out in red.
 */
export function TicketTimeline({ events, customerId }: { events: TicketEventView[]; customerId: string | null }) {
  const { t } = useTranslation('tickets');
  const users = useStore((s) => s.session?.users);
  const categoryLabel = useCategoryLabel();
  const nameOf = (id: unknown) => (typeof id === 'string' ? (users?.find((u) => u.id === id)?.name ?? t('timeline.someone')) : null);
  // The back end sends them in the order they happened (time, then id): newest first is that, reversed.
  const ordered = [...events].reverse();

  return (
    <ol className="tk-timeline" data-testid="ticket-timeline">
      {ordered.map((e) => (
        <li key={e.id} className={`tk-ev tk-ev-${e.type}`} data-testid="timeline-event" data-type={e.type}>
          <div className="tk-ev-meta">
            <span className="tk-ev-who">{e.actorName ?? t('timeline.system')}</span>
            <time className="tk-ev-when" dateTime={new Date(e.at).toISOString()} title={formatDateTime(e.at)}>
              {formatShortDateTime(e.at)}
            </time>
          </div>
          <EventBody e={e} t={t} nameOf={nameOf} categoryLabel={categoryLabel} customerId={customerId} />
        </li>
      ))}
    </ol>
  );
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

function EventBody({
  e,
  t,
  nameOf,
  categoryLabel,
  customerId,
}: {
  e: TicketEventView;
  customerId: string | null;
  t: TFunction<'tickets'>;
  nameOf: (id: unknown) => string | null;
  categoryLabel: (key: string) => string;
}) {
  const d = e.data;
  switch (e.type) {
    case 'created':
      return (
        <div className="tk-ev-text">
          {t('timeline.created', { channel: t(`channel.${str(d.channel) || 'other'}`) })}
          {d.assigneeId ? t('timeline.createdAssigned', { name: nameOf(d.assigneeId) }) : ''}
          {str(d.description) && (
            <blockquote className="tk-ev-quote">
              <MaskedText text={str(d.description)} customerId={customerId} />
            </blockquote>
          )}
        </div>
      );
    case 'sla_applied':
      return (
        <div className="tk-ev-text muted">
          {t('timeline.slaApplied', { first: formatBizMinutes(t, num(d.firstResponseMinutes)), resolve: formatBizMinutes(t, num(d.resolutionMinutes)) })}
        </div>
      );
    case 'assigned':
      return <div className="tk-ev-text">{d.assigneeId ? t('timeline.assigned', { name: nameOf(d.assigneeId) }) : t('timeline.unassigned')}</div>;
    case 'status_changed':
      return (
        <div className="tk-ev-text">
          {t('timeline.status', { from: t(`status.${str(d.from)}`), to: t(`status.${str(d.to)}`) })}
          {str(d.reason) && (
            <blockquote className="tk-ev-quote">
              <MaskedText text={str(d.reason)} customerId={customerId} />
            </blockquote>
          )}
        </div>
      );
    case 'priority_changed':
      return <div className="tk-ev-text">{t('timeline.priority', { from: str(d.from), to: str(d.to) })}</div>;
    case 'category_changed':
      return <div className="tk-ev-text">{t('timeline.category', { from: categoryLabel(str(d.from)), to: categoryLabel(str(d.to)) })}</div>;
    case 'replied':
      return (
        <div className="tk-bubble tk-bubble-reply">
          <span className="tk-bubble-tag">{t('timeline.reply')}</span>
          <p>
            <MaskedText text={str(d.body)} customerId={customerId} />
          </p>
        </div>
      );
    case 'noted':
      return (
        <div className="tk-bubble tk-bubble-note">
          <span className="tk-bubble-tag">{t('timeline.note')}</span>
          <p>
            <MaskedText text={str(d.body)} customerId={customerId} />
          </p>
        </div>
      );
    case 'breach_recorded': {
      const due = num(d.dueAt);
      return (
        <div className="tk-ev-text tk-ev-breach">
          <strong>{t('timeline.breach', { clock: t(`clockName.${str(d.clock)}`) })}</strong>{' '}
          {t('timeline.breachDetail', { due: formatShortDateTime(due), over: formatSpan(t, e.at - due) })}
        </div>
      );
    }
    default:
      return <div className="tk-ev-text muted">{t('timeline.other', { type: e.type })}</div>;
  }
}
