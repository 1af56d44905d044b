import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../../../core/contract/views-cases';
import type { ClockState } from '../../../core/tickets/model';
import { formatBizMinutes, formatCountdown, liveLevel } from './labels';

type Clocks = Pick<TicketRow, 'status' | 'level' | 'nextDueAt' | 'nextWarnAt' | 'firstResponse' | 'resolution'>;

/** The running clock that is due first (the one the countdown is about). */
export function nextClock(row: Clocks): { name: 'first_response' | 'resolution'; clock: ClockState } | null {
  const candidates = (
    [
      ['first_response', row.firstResponse],
      ['resolution', row.resolution],
    ] as const
  ).filter(([, c]) => c.status === 'running' && c.dueAt !== null);
  if (candidates.length === 0) return null;
  const [name, clock] = candidates.reduce((a, b) => (b[1].dueAt! < a[1].dueAt! ? b : a));
  return { name, clock };
}

/**
 * The list's SLA cell: calendar time left to the next breach (ticking), with that clock's business-time
 * target beside it; amber inside the warning threshold, red once over; paused while the customer has
 * the ticket; done once resolved or closed.
 */
export function SlaCountdown({ row, now }: { row: Clocks; now: number }) {
  const { t } = useTranslation('tickets');
  const level = liveLevel(row, now);
  const next = nextClock(row);
  let main: string;
  if (level === 'done') main = t('sla.done');
  else if (level === 'paused') main = t('sla.paused');
  else if (row.nextDueAt === null) main = level === 'breached' ? t('sla.breached') : t('sla.noClock');
  else if (row.nextDueAt <= now) main = t('countdown.over', { time: formatCountdown(t, now - row.nextDueAt) });
  else main = t('countdown.left', { time: formatCountdown(t, row.nextDueAt - now) });

  // Amber and green say the same words ("… left"): the at-risk and breached chips carry an icon too, and
  // every level is said in words to a screen reader.
  const levelText = t(`sla.level.${level}`);
  return (
    <span className={`tk-sla tk-lv-${level}`} data-testid="sla-countdown" data-level={level} title={levelText || undefined}>
      {level === 'warning' || level === 'breached' ? (
        <span className="tk-sla-icon" aria-hidden="true">
          {level === 'warning' ? '▲' : '✕'}
        </span>
      ) : (
        <span className="tk-sla-dot" aria-hidden="true" />
      )}
      {levelText && (level === 'ok' || level === 'warning' || level === 'breached') && <span className="sr-only">{levelText}</span>}
      <span className="tk-sla-main mono">{main}</span>
      {next && (level === 'ok' || level === 'warning' || level === 'breached') && (
        <span className="tk-sla-target">
          {t(`clockShort.${next.name}`)} {formatBizMinutes(t, next.clock.target)}
        </span>
      )}
    </span>
  );
}
