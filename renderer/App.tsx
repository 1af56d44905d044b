import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from './store';
import { TopBar } from './components/TopBar';
import { Toasts } from './components/Toasts';
import { TooltipLayer } from './components/Tooltip';
import FirstRun from './pages/FirstRun';
import SignIn from './pages/SignIn';
import QueuePage from './pages/QueuePage';
import DbErrorScreen from './pages/DbErrorScreen';
import ImportPage from './pages/ImportPage';
import SettingsPage from './pages/SettingsPage';
import AuditPage from './pages/AuditPage';
import ScriptsPage from './pages/ScriptsPage';
import SurveyReportPage from './pages/SurveyReportPage';
import TicketsPage from './pages/TicketsPage';
import SlaBoardPage from './pages/SlaBoardPage';
import VouchersPage from './pages/VouchersPage';
import ReportsPage from './pages/ReportsPage';
import FaqPage from './pages/FaqPage';
import AttentionPage from './pages/AttentionPage';

let booted = false;

export default function App() {
  const boot = useStore((s) => s.boot);
  const bootstrap = useStore((s) => s.bootstrap);
  const { t, i18n } = useTranslation();

  useEffect(() => {
    document.title = t('app.name');
  }, [t, i18n.language]);

  useEffect(() => {
    if (booted) return; // StrictMode runs effects twice in development
    booted = true;
    void bootstrap();
  }, [bootstrap]);

  // Readiness marker for end-to-end tests: set once the first real screen has rendered.
  useEffect(() => {
    if (boot.phase === 'loading') return;
    document.body.dataset.screen = boot.phase;
    requestAnimationFrame(() => {
      document.body.dataset.ready = 'true';
    });
  }, [boot.phase]);

  let screen;
  switch (boot.phase) {
    case 'loading':
      screen = (
        <div className="boot-splash" role="status">
          <div className="spinner" aria-hidden="true" />
          <span>{t('app.loading')}</span>
        </div>
      );
      break;
    case 'db-error':
      screen = <DbErrorScreen />;
      break;
    case 'first-run':
      screen = <FirstRun />;
      break;
    case 'sign-in':
      screen = <SignIn />;
      break;
    case 'ready':
      screen = <Shell />;
      break;
  }

  return (
    <>
      {screen}
      <Toasts />
      <TooltipLayer />
    </>
  );
}

function Shell() {
  const page = useStore((s) => s.page);
  const refreshSummary = useStore((s) => s.refreshSummary);
  const invalidateQueue = useStore((s) => s.invalidateQueue);
  const mainRef = useRef<HTMLElement>(null);

  // Counts and callability move with the clock (calling windows open and close): refresh regularly.
  useEffect(() => {
    void refreshSummary();
    const summaryTimer = setInterval(() => void refreshSummary(), 30_000);
    const queueTimer = setInterval(() => {
      const s = useStore.getState();
      if (s.page === 'queue' && !s.opening) s.invalidateQueue();
    }, 60_000);
    return () => {
      clearInterval(summaryTimer);
      clearInterval(queueTimer);
    };
  }, [refreshSummary, invalidateQueue]);

  // Sync with the team server: the store's one poller of sync.status (pulled changes refresh every view).
  const startSyncPolling = useStore((s) => s.startSyncPolling);
  useEffect(() => startSyncPolling(), [startSyncPolling]);

  return (
    <div className="shell">
      <TopBar />
      <main className="shell-main" ref={mainRef} data-page={page}>
        {page === 'queue' && <QueuePage />}
        {page === 'import' && (
          <div className="admin-page">
            <ImportPage />
          </div>
        )}
        {page === 'scripts' && (
          <div className="admin-page">
            <ScriptsPage />
          </div>
        )}
        {page === 'surveys' && (
          <div className="admin-page">
            <SurveyReportPage />
          </div>
        )}
        {page === 'tickets' && <TicketsPage />}
        {page === 'board' && (
          <div className="admin-page">
            <SlaBoardPage />
          </div>
        )}
        {page === 'vouchers' && (
          <div className="admin-page">
            <VouchersPage />
          </div>
        )}
        {page === 'reports' && (
          <div className="admin-page">
            <ReportsPage />
          </div>
        )}
        {page === 'faq' && (
          <div className="admin-page">
            <FaqPage />
          </div>
        )}
        {page === 'audit' && (
          <div className="admin-page">
            <AuditPage />
          </div>
        )}
        {page === 'attention' && (
          <div className="admin-page">
            <AttentionPage />
          </div>
        )}
        {page === 'settings' && (
          <div className="admin-page">
            <SettingsPage />
          </div>
        )}
      </main>
    </div>
  );
}
