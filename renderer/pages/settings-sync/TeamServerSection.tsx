import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import { useStore } from '../../store';
import { agoFromNow, formatNumber, formatShortDateTime } from '../../format';
import { apiErrorText } from '../../i18n/apiError';
import { JoinTeamForm, useJoined } from '../../components/JoinTeamForm';
import { skewMinutes } from '../../components/SyncIndicator';
import { useNow } from '../../components/useNow';
import '../../styles/sync.css';
import { Alert, Button, Card } from '../../ui';

/** Settings → Team server: join one (supervisors, standalone console) or see the connection. */
export function TeamServerSection() {
  const { t } = useTranslation('sync');
  const status = useStore((s) => s.syncStatus);
  const role = useStore((s) => s.session?.currentUser?.role);
  const busy = useStore((s) => s.syncBusy);
  const syncNow = useStore((s) => s.syncNow);
  const setPage = useStore((s) => s.setPage);
  const joined = useJoined();
  const now = useNow(15_000);

  if (!status) return null;
  const connected = status.state !== 'disconnected';
  const skew = skewMinutes(status);

  return (
    <Card
      title={t('server.title')}
      titleId="team-server-title"
      intro={connected ? t('server.introConnected') : t('server.introDisconnected')}
      actions={
        connected && (
          <Button variant="primary" data-testid="team-server-sync-now" disabled={busy || status.state === 'upgrade_required'} onClick={() => void syncNow()}>
            {busy ? t('indicator.syncing') : t('indicator.syncNow')}
          </Button>
        )
      }
      data-testid="team-server"
    >
      {!connected && role !== 'supervisor' && (
        <Alert tone="info" role="note" data-testid="team-server-supervisor-only">
          {t('server.supervisorOnly')}
        </Alert>
      )}
      {!connected && role === 'supervisor' && <JoinTeamForm variant="settings" onJoined={joined} />}

      {connected && (
        <>
          <dl className="sync-server-facts">
            <div className="sync-server-fact">
              <dt>{t('indicator.server')}</dt>
              <dd className="sync-url" data-testid="team-server-url">
                {status.serverUrl}
              </dd>
            </div>
            <div className="sync-server-fact">
              <dt>{t('server.status')}</dt>
              <dd data-testid="team-server-state">
                <span className={`sync-state-pill sync-${busy ? 'syncing' : status.state}`}>
                  <span className="sync-dot" aria-hidden="true" />
                  {t(`state.${busy ? 'syncing' : status.state}`)}
                </span>
              </dd>
            </div>
            <div className="sync-server-fact">
              <dt>{t('server.lastSync')}</dt>
              <dd data-testid="team-server-last">
                {status.lastSyncedAt !== null ? (
                  <span title={formatShortDateTime(status.lastSyncedAt)}>
                    {agoFromNow(status.lastSyncedAt, now)} · {formatShortDateTime(status.lastSyncedAt)}
                  </span>
                ) : (
                  t('indicator.never')
                )}
              </dd>
            </div>
            <div className="sync-server-fact">
              <dt>{t('server.pending')}</dt>
              <dd>{formatNumber(status.pending)}</dd>
            </div>
            <div className="sync-server-fact">
              <dt>{t('server.refused')}</dt>
              <dd>
                {formatNumber(status.refused)}
                {status.refused > 0 && (
                  <Button variant="link" size="small" onClick={() => setPage('attention')}>
                    {t('server.viewAttention')}
                  </Button>
                )}
              </dd>
            </div>
            <div className="sync-server-fact">
              <dt>{t('server.clock')}</dt>
              <dd>{skew === null ? t('server.clockOk') : t('indicator.skew', { minutes: skew })}</dd>
            </div>
          </dl>
          {status.progress && status.progress.total > 0 && (
            <div className="sync-progress">
              <div className="sync-progress-text">{t('indicator.progress', { done: formatNumber(status.progress.done), total: formatNumber(status.progress.total) })}</div>
              <div
                className="sync-progress-bar"
                role="progressbar"
                aria-label={t('indicator.progressLabel')}
                aria-valuemin={0}
                aria-valuemax={status.progress.total}
                aria-valuenow={status.progress.done}
              >
                <span style={{ width: `${Math.min(100, Math.round((status.progress.done / status.progress.total) * 100))}%` }} />
              </div>
            </div>
          )}
          {status.waitingFor.length > 0 && (
            <Alert tone="info" role="note">
              {t('indicator.waitingHint', { names: status.waitingFor.join(t('listSep', { ns: 'apiErrors' })) })}
            </Alert>
          )}
          <p className="muted small">{t(`stateHint.${status.state}`)}</p>
          {status.lastError && status.state !== 'online' && (
            <Alert tone="warn" role="note" data-testid="team-server-error">
              {apiErrorText(status.lastError as ApiError)}
            </Alert>
          )}
        </>
      )}
    </Card>
  );
}
