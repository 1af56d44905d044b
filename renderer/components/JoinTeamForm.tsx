import { useEffect, useId, useState } from 'react';
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/contract/result';
import type { SyncStatus } from '../../core/contract/views-sync';
import { call } from '../api/client';
import { apiErrorText } from '../i18n/apiError';
import { useStore } from '../store';
import '../styles/sync.css';
import { Button, Checkbox, Field, FieldGroup, FieldGroups, TextInput } from '../ui';
import { PasswordInput } from './PasswordInput';

/** The server address rule of the contract (sync.connect): http(s)://host[:port][/path]. */
export const SERVER_URL_PATTERN = /^https?:\/\/[^\s/]+(\/[^\s]*)?$/i;

/** The address as typed, tidied: trimmed, a trailing slash dropped. */
export function normalizeServerUrl(value: string): string {
  return value.trim().replace(/\/+$/, '');
}

/** The error of a refused join, in words for the form. */
export function joinErrorText(error: ApiError, lng?: string): string {
  if (error.code === 'UNAUTHENTICATED') return i18n.t('sync:server.wrong', { lng });
  if (error.code === 'FORBIDDEN') return i18n.t('sync:server.supervisorOnly', { lng });
  return i18n.t('sync:server.failed', { message: apiErrorText(error, lng), lng });
}

/**
 * Joins this console to a team on a central server (sync.connect): address, the team account's name or
 * phone and password, and an explicit "my local data will be replaced" confirmation. On the first-run
 * screen no one is signed in yet; in Settings a supervisor is. Either way the caller ends up signed in
 * as the server account, and `onJoined` takes over.
 */
export function JoinTeamForm({ onJoined, autoFocus = false, variant }: { onJoined: (status: SyncStatus) => void | Promise<void>; autoFocus?: boolean; variant: 'first-run' | 'settings' }) {
  const { t, i18n } = useTranslation('sync');
  const ids = useId();
  const busyLocale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [url, setUrl] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [touchedUrl, setTouchedUrl] = useState(false);
  const [busy, setBusy] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!busy) return;
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [busy]);

  const address = normalizeServerUrl(url);
  const urlProblem = address !== '' && !SERVER_URL_PATTERN.test(address) ? t('server.addressInvalid') : null;
  const valid = address !== '' && urlProblem === null && login.trim() !== '' && password !== '' && confirmed;

  const submit = async () => {
    if (!valid || busy) return;
    setBusy(true);
    setElapsed(0);
    setError(null);
    const r = await call('sync.connect', { serverUrl: address, login: login.trim(), password, replaceLocalData: true, locale: busyLocale });
    if (!r.ok) {
      setBusy(false);
      setPassword('');
      setError(joinErrorText(r.error));
      return;
    }
    await onJoined(r.value);
    setBusy(false);
  };

  const urlError = touchedUrl && urlProblem ? urlProblem : undefined;

  return (
    <form
      className="sync-form"
      data-testid="join-team-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FieldGroups disabled={busy}>
        <FieldGroup>
          <Field label={t('server.address')} hint={urlError ? undefined : t('server.addressHint')} error={urlError} errorRole="alert">
            <TextInput
              type="url"
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              data-testid="join-server-url"
              value={url}
              maxLength={200}
              autoFocus={autoFocus}
              placeholder={t('server.addressPlaceholder')}
              onBlur={() => setTouchedUrl(true)}
              onChange={(e) => setUrl(e.target.value)}
            />
          </Field>
          <Field label={t('server.login')} hint={t('server.loginHint')}>
            <TextInput type="text" autoComplete="username" data-testid="join-login" value={login} maxLength={128} onChange={(e) => setLogin(e.target.value)} />
          </Field>
          <Field label={t('server.password')}>
            <PasswordInput
              purpose="current"
              data-testid="join-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>

          <div className="sync-replace" data-testid="join-replace-warning">
            <strong id={`${ids}-replace-title`}>{t('server.replaceTitle')}</strong>
            <p id={`${ids}-replace-body`}>{t('server.replaceBody')}</p>
            <Checkbox
              className="sync-replace-confirm"
              label={t('server.replaceConfirm')}
              data-testid="join-confirm-replace"
              checked={confirmed}
              aria-describedby={`${ids}-replace-body`}
              onChange={(e) => setConfirmed(e.target.checked)}
            />
          </div>
        </FieldGroup>
      </FieldGroups>

      {error && (
        <div className="banner banner-error" role="alert" data-testid="join-error" style={{ marginTop: 12 }}>
          {error}
        </div>
      )}

      <div className="sync-form-actions">
        <Button type="submit" variant="primary" size={variant === 'first-run' ? 'large' : 'normal'} data-testid="join-submit" disabled={!valid || busy}>
          {t('server.connect')}
        </Button>
        {busy && (
          <span className="progress" role="status" data-testid="join-progress">
            <span className="spinner small" aria-hidden="true" />
            {t('server.connecting')}
            {elapsed > 0 && <span className="muted"> {elapsed}s</span>}
          </span>
        )}
      </div>
    </form>
  );
}

/** What the app does once a console has joined: the session is the server account, every view starts over. */
export function useJoined(): (status: SyncStatus) => Promise<void> {
  const acceptSyncStatus = useStore((s) => s.acceptSyncStatus);
  const setSession = useStore((s) => s.setSession);
  const refreshAfterPull = useStore((s) => s.refreshAfterPull);
  const notify = useStore((s) => s.notify);
  const { t } = useTranslation('sync');
  return async (status) => {
    acceptSyncStatus(status);
    const session = await call('session.get', {});
    if (session.ok) setSession(session.value);
    refreshAfterPull();
    notify('success', t('server.connected', { server: status.serverUrl ?? '' }));
  };
}
