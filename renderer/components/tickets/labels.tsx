import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import type { TicketLevel, TicketRow, VoucherView } from '../../../core/contract/views-cases';
import type { TicketPriority } from '../../../core/sla/policy';
import type { TicketStatus } from '../../../core/tickets/model';
import type { VoucherState } from '../../../core/vouchers/policy';
import { describeVoucher } from '../../../core/vouchers/describe';
import { useStore } from '../../store';
import { uiLocale } from '../../format';
import { apiErrorText } from '../../i18n/apiError';

/* Small shared pieces of the ticket screens: badges, category names, countdown text, error lines. */

const PRIORITY_CLASS: Record<TicketPriority, string> = { P1: 'prio-1', P2: 'prio-2', P3: 'prio-3', P4: 'prio-4' };

export function TicketPriorityBadge({ priority }: { priority: TicketPriority }) {
  const { t } = useTranslation('tickets');
  return (
    <span className={`prio ${PRIORITY_CLASS[priority]}`} title={t(`priority.hint.${priority}`)} data-priority={priority}>
      {priority}
    </span>
  );
}

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation('tickets');
  return (
    <span className={`tk-status tk-status-${status}`} data-testid="ticket-status" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

export function VoucherStateBadge({ state }: { state: VoucherState }) {
  const { t } = useTranslation('tickets');
  return (
    <span className={`tk-vstate tk-vstate-${state}`} data-testid="voucher-state" data-state={state}>
      {t(`voucherState.${state}`)}
    </span>
  );
}

/** Category keys in the user's language, from the team's settings (supervisors add their own). */
export function useCategoryLabel(): (key: string) => string {
  const settings = useStore((s) => s.caseSettings);
  const load = useStore((s) => s.loadCaseSettings);
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!settings) void load();
  }, [settings, load]);
  const en = i18n.language === 'en';
  return (key) => {
    const c = settings?.categories.find((x) => x.key === key);
    return c ? (en ? c.en : c.zh) : key;
  };
}

/** The short reference agents read out, made as the back end makes it. */
export { ticketCode as ticketCodeOf } from '../../../core/tickets';

/** A voucher as the customer hears it, e.g. "返现 ¥88.00（CV-7K3M-Q9XZ）". */
export function voucherText(v: Pick<VoucherView, 'amountFen' | 'percentOff' | 'points' | 'code'> & { kind: string }): string {
  return describeVoucher(v, uiLocale());
}

/**
 * The level a row has at `now`: the back end levels it as of its answer; between refreshes the
 * countdown crosses the warning and due instants on its own.
 */
export function liveLevel(row: Pick<TicketRow, 'status' | 'level' | 'nextDueAt' | 'nextWarnAt' | 'firstResponse' | 'resolution'>, now: number): TicketLevel {
  if (row.status === 'resolved' || row.status === 'closed') return 'done';
  if (row.firstResponse.level === 'breached' || row.resolution.level === 'breached') return 'breached';
  if (row.nextDueAt !== null && row.nextDueAt <= now) return 'breached';
  if (row.status === 'pending_customer') return 'paused';
  if (row.level === 'warning' || (row.nextWarnAt !== null && row.nextWarnAt <= now)) return 'warning';
  return 'ok';
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Calendar time as a ticking countdown with its units (29分05秒, 4小时08分05秒, 2天4小时08分): a bare
 * "01:03" reads as an hour as easily as a minute.
 */
export function formatCountdown(t: TFunction<'tickets'>, ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return t('countdown.days', { d, h, m: pad(m) });
  if (h > 0) return t('countdown.hms', { h, m: pad(m), s: pad(s) });
  return t('countdown.ms', { m, s: pad(s) });
}

/** Business minutes in words: 30 分钟, 4 小时, 4 小时 30 分钟. */
export function formatBizMinutes(t: TFunction<'tickets'>, minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return t('span.minutes', { count: m });
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest === 0 ? t('span.hours', { count: h }) : t('span.hoursMinutes', { h, m: rest });
}

/** A calendar span in words (how far over a breach went). */
export function formatSpan(t: TFunction<'tickets'>, ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60 * 48) return formatBizMinutes(t, minutes);
  return t('span.days', { count: Math.round(minutes / 1440) });
}

/** A back-end error as one line in the UI language, as precise as its details allow. */
export function useTicketErrorLine(): (error: ApiError) => string {
  const { t } = useTranslation('tickets');
  return (error) => ticketErrorLine(t, error);
}

export function ticketErrorLine(_t: TFunction<'tickets'>, error: ApiError): string {
  return apiErrorText(error);
}
