import { useTranslation } from 'react-i18next';
import { useStore, type Page } from '../store';
import { SUPERVISOR_PAGES } from '../store/ui';
import { formatClockDate, formatNumber, formatTime } from '../format';
import { useNow } from './useNow';
import { NotificationBell } from './NotificationBell';
import { SyncIndicator } from './SyncIndicator';
import { useMenuButton } from './menuButton';
import { TopNav } from './TopNav';
import { BrandMark } from './Brand';
import './topbar.css';

const PAGES: Page[] = ['queue', 'tickets', 'board', 'vouchers', 'import', 'scripts', 'surveys', 'reports', 'faq', 'audit', 'settings'];

export function TopBar() {
  const { t } = useTranslation();
  const page = useStore((s) => s.page);
  const setPage = useStore((s) => s.setPage);
  const role = useStore((s) => s.session?.currentUser?.role);
  // "Needs attention" has no tab (eleven are enough): the sync indicator's badge leads to it.
  const pages = PAGES.filter((p) => role === 'supervisor' || !SUPERVISOR_PAGES.includes(p));

  return (
    <header className="topbar">
      <div className="brand">
        <BrandMark />
        <span className="brand-name" data-testid="app-name">
          {t('app.name')}
        </span>
      </div>
      <TopNav pages={pages} page={page} onPick={setPage} />
      <div className="topbar-right">
        <SyncIndicator />
        <Clock />
        <NotificationBell />
        <LangToggle />
        <UserSwitcher />
      </div>
    </header>
  );
}

/** The queue's counts; shown in the queue page's header (the top bar has no room beside eleven tabs). */
export function SummaryChips() {
  const { t } = useTranslation();
  const summary = useStore((s) => s.summary);
  const setPage = useStore((s) => s.setPage);
  const setFilter = useStore((s) => s.setFilter);
  const go = (status: 'open' | 'callable' | 'closed') => {
    setPage('queue');
    setFilter({ status });
  };
  const n = (v: number | undefined) => (v === undefined ? '–' : formatNumber(v));
  return (
    <div className="summary" aria-live="polite">
      <button type="button" className="chip chip-open" data-testid="summary-open" onClick={() => go('open')}>
        <span className="chip-label">{t('summary.open')}</span>
        <span className="chip-value">{n(summary?.open)}</span>
      </button>
      <button type="button" className="chip chip-callable" data-testid="summary-callable" onClick={() => go('callable')}>
        <span className="chip-label">{t('summary.callableNow')}</span>
        <span className="chip-value">{n(summary?.callableNow)}</span>
      </button>
      <button type="button" className="chip chip-overdue" data-testid="summary-overdue" onClick={() => go('open')}>
        <span className="chip-label">{t('summary.overdue')}</span>
        <span className="chip-value">{n(summary?.overdue)}</span>
      </button>
      <button type="button" className="chip chip-closed" data-testid="summary-closed" onClick={() => go('closed')}>
        <span className="chip-label">{t('summary.closedToday')}</span>
        <span className="chip-value">{n(summary?.closedToday)}</span>
      </button>
    </div>
  );
}

function Clock() {
  const { t } = useTranslation();
  const now = useNow(1000);
  return (
    <div className="clock" data-testid="clock" title={t('clock.zone')}>
      <span className="clock-time">{formatTime(now, undefined, true)}</span>
      <span className="clock-date">
        {formatClockDate(now)} · {t('clock.zone')}
      </span>
    </div>
  );
}

function LangToggle() {
  const { t, i18n } = useTranslation();
  const setLocale = useStore((s) => s.setLocale);
  const other = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className="lang-toggle"
      data-testid="lang-toggle"
      title={t('lang.toggle')}
      aria-label={`${t('lang.toggle')}: ${t(`lang.${other}`)}`}
      onClick={() => void setLocale(other)}
    >
      <svg viewBox="0 0 24 24" width="15" height="15" aria-hidden="true">
        <path
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          d="M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm-9 9h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"
        />
      </svg>
      {t(`lang.${other}`)}
    </button>
  );
}

/** The signed-in user of this window / tab; "switch user" signs out so the next person signs in. */
function UserSwitcher() {
  const { t } = useTranslation();
  const session = useStore((s) => s.session);
  const signOut = useStore((s) => s.signOut);
  const isDirty = useStore((s) => s.isDirty);
  const notify = useStore((s) => s.notify);
  const menu = useMenuButton('user-menu');

  const me = session?.currentUser ?? null;
  const leave = async () => {
    menu.close(false);
    if (isDirty()) {
      notify('error', t('workspace.finishFirst'));
      return;
    }
    await signOut();
    notify('info', t('user.signedOut'));
  };

  return (
    <div className="user-switcher" ref={menu.ref}>
      <button type="button" className="user-button" data-testid="user-switcher" title={t('user.menu')} {...menu.buttonProps}>
        <span className="avatar" aria-hidden="true">
          {me ? initials(me.name) : '?'}
        </span>
        <span className="user-name" data-testid="current-user">
          {me?.name ?? t('user.none')}
        </span>
        {me && <span className={`role role-${me.role}`}>{t(`user.roles.${me.role}`)}</span>}
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {menu.open && (
        <ul className="menu" aria-label={t('user.menu')} {...menu.menuProps}>
          <li role="none" className="menu-title" aria-hidden="true">
            {t('user.label')}
          </li>
          <li role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              data-testid="user-switch"
              title={t('user.switchUserHint')}
              onClick={() => void leave()}
            >
              <span className="menu-item-name">{t('user.switchUser')}</span>
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" tabIndex={-1} className="menu-item" data-testid="user-sign-out" onClick={() => void leave()}>
              <span className="menu-item-name">{t('user.signOut')}</span>
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}

/** Chinese names show their last two characters (芳芳 for 王芳芳), others their initials. */
function initials(name: string): string {
  const trimmed = name.trim();
  if (/[\u3400-\u9fff]/.test(trimmed)) return trimmed.slice(-2);
  const parts = trimmed.split(/\s+/).filter(Boolean);
  return parts
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
}
