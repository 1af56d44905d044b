import { useCallback, useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '../../core/contract/views-cases';
import { formatFen } from '../../core/vouchers/describe';
import { useStore } from '../store';
import { agoFromNow, formatShortDateTime } from '../format';
import { ticketCodeOf } from './tickets/labels';
import '../styles/tickets.css';
import { useDismiss } from './useDismiss';

/** notifications.list also records SLA breaches that fell due, so polling it is what raises them. */
const POLL_MS = 30_000;

/** The bell in the top bar: SLA breaches and voucher decisions for the signed-in user. */
export function NotificationBell() {
  const { t } = useTranslation('tickets');
  const userId = useStore((s) => s.session?.currentUser?.id ?? null);
  const notifications = useStore((s) => s.notifications);
  // Until the first poll for this user answers, the previous user's list is not theirs to see.
  const own = notifications.forUser === userId;
  const unread = own ? notifications.unread : 0;
  const rows = own ? notifications.rows : [];
  const poll = useStore((s) => s.pollNotifications);
  const markRead = useStore((s) => s.markNotificationsRead);
  const openTicket = useStore((s) => s.openTicket);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!userId) return;
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [userId, poll]);

  useDismiss(ref, open, useCallback(() => setOpen(false), []));

  // A new breach or voucher decision is said to a screen reader (politely): the newest unread one's title,
  // whenever the unread count goes up. The live region is always on the page, empty until then.
  const [said, setSaid] = useState('');
  const seen = useRef(unread);
  const newest = rows.find((n) => n.readAt === null);
  const newestTitle = newest ? title(t, newest) : '';
  useEffect(() => {
    if (unread > seen.current && newestTitle) setSaid(newestTitle);
    seen.current = unread;
  }, [unread, newestTitle]);

  const pick = (n: NotificationView) => {
    setOpen(false);
    if (n.readAt === null) void markRead([n.id]);
    if (n.ticketId) openTicket(n.ticketId, true);
  };

  // The badge's text is part of the button's name (WCAG 2.5.3: a voice user says what they see).
  const shown = unread > 99 ? '99+' : String(unread);
  return (
    <div className="tk-bell-wrap" ref={ref}>
      <span className="sr-only" aria-live="polite" data-testid="notification-live">
        {said}
      </span>
      <button
        type="button"
        className={unread > 0 ? 'tk-bell has-unread' : 'tk-bell'}
        data-testid="notification-bell"
        data-unread={unread}
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={t('bell.label', { count: unread, shown })}
        title={t('bell.label', { count: unread, shown })}
        onClick={() => {
          if (!open) void poll();
          setOpen(!open);
        }}
      >
        <svg viewBox="0 0 24 24" width="17" height="17" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.2 2.2 0 0 0 2.2-2.2H9.8A2.2 2.2 0 0 0 12 22zm6.6-6.1V11a6.6 6.6 0 0 0-5.1-6.4v-.8a1.5 1.5 0 0 0-3 0v.8A6.6 6.6 0 0 0 5.4 11v4.9L3.5 17.8v1h17v-1z"
          />
        </svg>
        {unread > 0 && (
          <span className="tk-bell-count" data-testid="notification-count">
            {shown}
          </span>
        )}
      </button>
      {open && (
        <div className="tk-bell-menu" role="menu" data-testid="notification-menu">
          <div className="tk-bell-head">
            <span>{t('bell.title')}</span>
            <button type="button" className="link-button" data-testid="notifications-read-all" disabled={unread === 0} onClick={() => void markRead('all')}>
              {t('bell.markAll')}
            </button>
          </div>
          {rows.length === 0 ? (
            <div className="tk-bell-empty">{t('bell.empty')}</div>
          ) : (
            <ul className="tk-bell-list">
              {rows.map((n) => (
                <li key={n.id}>
                  <button
                    type="button"
                    role="menuitem"
                    className={n.readAt === null ? `tk-note tk-note-${n.kind} unread` : `tk-note tk-note-${n.kind}`}
                    data-testid="notification"
                    data-kind={n.kind}
                    onClick={() => pick(n)}
                  >
                    <span className="tk-note-icon" aria-hidden="true" />
                    <span className="tk-note-body">
                      <span className="tk-note-title">{title(t, n)}</span>
                      {n.ticketSubject && <span className="tk-note-subject">{n.ticketSubject}</span>}
                      <span className="tk-note-when">{detailLine(t, n)}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

type T = TFunction<'tickets'>;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function title(t: T, n: NotificationView): string {
  const code = n.ticketId ? ticketCodeOf(n.ticketId) : '';
  const voucher = str(n.data.code);
  const value = typeof n.data.valueFen === 'number' ? formatFen(n.data.valueFen) : '';
  switch (n.kind) {
    case 'sla_breach':
      return t('bell.breach', { code, clock: t(`clockName.${str(n.data.clock) || 'resolution'}`) });
    case 'voucher_pending':
      return t('bell.pending', { voucher, value });
    case 'voucher_approved':
      return t('bell.approved', { voucher, value });
    case 'voucher_rejected':
      return t('bell.rejected', { voucher });
  }
}

function detailLine(t: T, n: NotificationView): string {
  const when = `${formatShortDateTime(n.at)} · ${agoFromNow(n.at)}`;
  if (n.kind === 'sla_breach' && typeof n.data.dueAt === 'number') return t('bell.breachDue', { due: formatShortDateTime(n.data.dueAt), when });
  if (n.kind === 'voucher_rejected' && str(n.data.reason)) return t('bell.rejectedWhy', { reason: str(n.data.reason), when });
  if (n.kind !== 'sla_breach' && n.ticketId) return t('bell.onTicket', { code: ticketCodeOf(n.ticketId), when });
  return when;
}
