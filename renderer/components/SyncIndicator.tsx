import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/contract/result';
import type { SyncStatus } from '../../core/contract/views-sync';
import { useStore } from '../store';
import { CLOCK_SKEW_WARN_MS } from '../store/sync';
import { agoFromNow, formatNumber, formatShortDateTime } from '../format';
import { apiErrorText } from '../i18n/apiError';
import { useNow } from './useNow';
import { useDismiss } from './useDismiss';
import '../styles/sync.css';
import { Button } from '../ui';

/** The clock difference worth a warning, in whole minutes (null when none). */
export function skewMinutes(status: Pick<SyncStatus, 'clockSkewMs'> | null): number | null {
  const skew = status?.clockSkewMs;
  if (skew === null || skew === undefined || Math.abs(skew) <= CLOCK_SKEW_WARN_MS) return null;
  return Math.round(Math.abs(skew) / 60_000);
}

/**
 * The top bar's sync status: a chip (state, pending count, attention count) that opens a panel with the
 * details and "Sync now". A standalone console (no server) shows a quiet "单机" chip and nothing else.
 */
export function SyncIndicator() {
  const { t, i18n } = useTranslation('sync');
  const status = useStore((s) => s.syncStatus);
  const busy = useStore((s) => s.syncBusy);
  const syncNow = useStore((s) => s.syncNow);
  const setPage = useStore((s) => s.setPage);
  const onAttention = useStore((s) => s.page === 'attention');
  const now = useNow(15_000);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, open, useCallback(() => setOpen(false), []));

  if (!status) return null;
  if (status.state === 'disconnected') {
    return (
      <span className="sync-standalone" data-testid="sync-indicator" data-state="disconnected" title={t('indicator.standaloneHint')}>
        {t('indicator.standalone')}
      </span>
    );
  }

  const state = busy ? 'syncing' : status.state;
  const skew = skewMinutes(status);
  const last = status.lastSyncedAt !== null ? t('indicator.lastSynced', { when: agoFromNow(status.lastSyncedAt, now) }) : t('indicator.never');
  const waiting = status.waitingFor.join(t('listSep', { ns: 'apiErrors' }));
  const progress = status.progress && status.progress.total > 0 ? status.progress : null;
  const percent = progress ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  // One sentence for screen readers; it changes only when something worth hearing changes.
  const spoken = [
    t(`state.${status.state}`),
    progress ? t('indicator.progress', { done: formatNumber(progress.done), total: formatNumber(progress.total) }) : null,
    status.pending > 0 ? t('indicator.pending', { count: status.pending }) : null,
    status.refused > 0 ? t('indicator.attention', { count: status.refused }) : null,
  ]
    .filter(Boolean)
    .join(i18n.language === 'en' ? ', ' : '，');

  const goAttention = () => {
    setOpen(false);
    setPage('attention');
  };

  return (
    <div className="sync-wrap" ref={ref}>
      <span className="sr-only" role="status" aria-live="polite" data-testid="sync-live">
        {spoken}
      </span>
      <button
        type="button"
        className={`sync-chip sync-${state}`}
        data-testid="sync-indicator"
        data-state={status.state}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={`${t('indicator.label')}: ${spoken}. ${last}`}
        title={`${t(`stateHint.${status.state}`)}\n${last}`}
        onClick={() => setOpen(!open)}
      >
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-label">{t(`state.${state}`)}</span>
        {status.pending > 0 && (
          <span className="sync-count" data-testid="sync-pending" title={t('indicator.pendingHint', { count: status.pending })}>
            {status.pending > 999 ? '999+' : formatNumber(status.pending)}
          </span>
        )}
        {skew !== null && (
          <svg className="sync-skew-icon" data-testid="sync-skew-icon" aria-hidden="true" viewBox="0 0 24 24" width="13" height="13">
            <path fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" d="M12 7v5l3 2M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z" />
          </svg>
        )}
        {progress && (
          <span className="sync-mini-bar" aria-hidden="true">
            <span style={{ width: `${percent}%` }} />
          </span>
        )}
      </button>
      {(status.refused > 0 || onAttention) && (
        <button
          type="button"
          className={status.refused > 0 ? 'sync-attention-chip' : 'sync-attention-chip quiet'}
          data-testid="sync-attention-badge"
          data-count={status.refused}
          aria-current={onAttention ? 'page' : undefined}
          title={t('indicator.attentionHint', { count: status.refused })}
          onClick={goAttention}
        >
          {status.refused > 0 ? t('indicator.attention', { count: status.refused }) : t('nav')}
        </button>
      )}
      {open && (
        <div className="sync-panel" role="dialog" aria-label={t('indicator.details')} data-testid="sync-panel">
          <div className="sync-panel-head">
            <span className={`sync-state-pill sync-${state}`}>
              <span className="sync-dot" aria-hidden="true" />
              {t(`state.${state}`)}
            </span>
            <span className="sync-panel-last" data-testid="sync-last">
              {last}
              {status.lastSyncedAt !== null && <span className="sync-abs"> · {formatShortDateTime(status.lastSyncedAt)}</span>}
            </span>
          </div>
          <p className="sync-panel-hint">{t(`stateHint.${status.state}`)}</p>

          {progress && (
            <div className="sync-progress" data-testid="sync-progress">
              <div className="sync-progress-text">
                {t('indicator.progress', { done: formatNumber(progress.done), total: formatNumber(progress.total) })}
                <span>{percent}%</span>
              </div>
              <div
                className="sync-progress-bar"
                role="progressbar"
                aria-label={t('indicator.progressLabel')}
                aria-valuemin={0}
                aria-valuemax={progress.total}
                aria-valuenow={progress.done}
              >
                <span style={{ width: `${percent}%` }} />
              </div>
            </div>
          )}

          <dl className="sync-facts">
            <dt>{t('indicator.server')}</dt>
            <dd className="sync-url" data-testid="sync-server">
              {status.serverUrl ?? '–'}
            </dd>
            <dt>{t('server.pending')}</dt>
            <dd>{status.pending > 0 ? t('indicator.pending', { count: status.pending }) : t('server.none')}</dd>
          </dl>

          {status.waitingFor.length > 0 && (
            <div className="sync-note sync-note-info" data-testid="sync-waiting">
              <strong>{t('indicator.waiting', { names: waiting })}</strong>
              <span>{t('indicator.waitingHint', { names: waiting })}</span>
            </div>
          )}
          {skew !== null && (
            <div className="sync-note sync-note-warn" data-testid="sync-skew">
              <strong>{t('indicator.skew', { minutes: skew })}</strong>
              <span>
                {t('indicator.skewHint', {
                  minutes: skew,
                  // clockSkewMs is server minus console: positive means this machine is behind.
                  direction: (status.clockSkewMs ?? 0) > 0 ? t('indicator.skewBehind') : t('indicator.skewAhead'),
                })}
              </span>
            </div>
          )}
          {status.lastError && status.state !== 'online' && (
            <div className="sync-note sync-note-error" data-testid="sync-error">
              <strong>{t('indicator.lastError')}</strong>
              <span>{apiErrorText(status.lastError as ApiError)}</span>
            </div>
          )}
          {status.refused > 0 && (
            <button type="button" className="sync-note sync-note-attention" onClick={goAttention} data-testid="sync-panel-attention">
              <strong>{t('indicator.attention', { count: status.refused })}</strong>
              <span>{t('indicator.attentionHint', { count: status.refused })}</span>
            </button>
          )}

          <div className="sync-panel-actions">
            <Button
              variant="ghost"
              onClick={() => {
                setOpen(false);
                setPage('settings');
              }}
            >
              {t('indicator.openSettings')}
            </Button>
            <Button
              variant="primary"
              data-testid="sync-now"
              disabled={busy || status.state === 'upgrade_required'}
              onClick={() => void syncNow()}
            >
              {busy ? t('indicator.syncing') : t('indicator.syncNow')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
