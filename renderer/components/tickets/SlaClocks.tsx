import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../core/contract/views-cases';
import type { ClockState, SlaClock } from '../../../core/tickets/model';
import { formatDateTime, formatShortDateTime } from '../../format';
import { useNow } from '../useNow';
import { formatBizMinutes, formatCountdown } from './labels';

type Level = 'ok' | 'warning' | 'breached' | 'paused' | 'done' | 'idle';

/** A clock's colour now: the figures are as of the last read, the due and warning instants are live. */
function clockLevel(c: ClockState, now: number): Level {
  if (c.status === 'met') return 'done';
  if (c.status === 'missed') return 'breached';
  if (c.status === 'not_started') return 'idle';
  if (c.level === 'breached' || (c.dueAt !== null && c.dueAt <= now)) return 'breached';
  if (c.status === 'paused') return 'paused';
  if (c.level === 'warning' || (c.warnAt !== null && c.warnAt <= now)) return 'warning';
  return 'ok';
}

/** Both SLA clocks of a ticket side by side: target, used, left or over, due time, level. */
export function SlaClocks({ detail }: { detail: TicketDetail }) {
  const { t } = useTranslation('tickets');
  const now = useNow(1000);
  const tk = detail.ticket;
  return (
    <section className="tk-clocks" aria-label={t('detail.sla')} data-testid="sla-clocks">
      <Clock name="first_response" clock={tk.firstResponse} now={now} />
      <Clock name="resolution" clock={tk.resolution} now={now} />
      <div className="tk-clocks-foot tiny muted">
        {tk.calendarVersion ? t('clock.calendar', { v: tk.calendarVersion }) : t('clock.calendarDefault')}
        {' · '}
        {t('clock.asOf', { time: formatShortDateTime(detail.now) })}
      </div>
    </section>
  );
}

function Clock({ name, clock: c, now }: { name: SlaClock; clock: ClockState; now: number }) {
  const { t } = useTranslation('tickets');
  const level = clockLevel(c, now);
  const biz = (m: number) => formatBizMinutes(t, m);

  let live: string | null = null;
  if (c.status === 'running' && c.dueAt !== null) {
    live = c.dueAt > now ? t('countdown.left', { time: formatCountdown(t, c.dueAt - now) }) : t('countdown.over', { time: formatCountdown(t, now - c.dueAt) });
  }

  return (
    <div className={`tk-clock tk-lv-${level}`} data-testid={`clock-${name}`} data-level={level} data-status={c.status}>
      <div className="tk-clock-head">
        <span className="tk-clock-name">{t(`clockName.${name}`)}</span>
        <span className="tk-clock-status">{t(`clockStatus.${c.status}`)}</span>
      </div>
      {live && <div className="tk-clock-live mono">{live}</div>}
      <dl className="tk-clock-facts">
        <div>
          <dt>{t('clock.target')}</dt>
          <dd>{c.target > 0 ? biz(c.target) : '—'}</dd>
        </div>
        <div>
          <dt>{t('clock.used')}</dt>
          <dd>{biz(c.consumedMinutes)}</dd>
        </div>
        {c.breachedByMinutes > 0 ? (
          <div>
            <dt>{t('clock.over')}</dt>
            <dd className="tk-over">{biz(c.breachedByMinutes)}</dd>
          </div>
        ) : (
          // A stopped clock has nothing left to count down.
          c.status !== 'met' && (
            <div>
              <dt>{t('clock.remaining')}</dt>
              <dd>{biz(c.remainingMinutes)}</dd>
            </div>
          )
        )}
      </dl>
      <div className="tk-clock-when">
        {c.status === 'running' && c.dueAt !== null && t('clock.dueAt', { time: formatDateTime(c.dueAt) })}
        {c.status === 'paused' && t('clock.pausedNote')}
        {(c.status === 'met' || c.status === 'missed') && c.stoppedAt !== null && t(`clock.stopped_${c.status}`, { time: formatDateTime(c.stoppedAt) })}
        {c.status === 'not_started' && t('clock.notStartedNote')}
      </div>
      {c.breachedAt !== null && <div className="tk-clock-breach">{t('clock.breachedAt', { time: formatDateTime(c.breachedAt) })}</div>}
    </div>
  );
}
