import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../core/auth/password';
import type { SetUpResult } from '../../core/contract/views';
import { call } from '../api/client';
import { applyLocale, type Locale } from '../i18n';
import { apiErrorText } from '../i18n/apiError';
import { useStore } from '../store';
import { JoinTeamForm, useJoined } from '../components/JoinTeamForm';
import { Button, Field, FieldGroup, FieldMessage, TextInput } from '../ui';
import { PasswordInput } from '../components/PasswordInput';
import { BrandHeading } from '../components/Brand';

type Mode = 'demo' | 'empty';

export default function FirstRun() {
  const { t, i18n } = useTranslation();
  const setSession = useStore((s) => s.setSession);
  const invalidateQueue = useStore((s) => s.invalidateQueue);
  const [mode, setMode] = useState<Mode>('demo');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  /** After a demo setup: the colleagues' demo passwords, shown once before the console opens. */
  const [done, setDone] = useState<SetUpResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  /** Joining a team server instead of creating the first supervisor. */
  const [joining, setJoining] = useState(false);
  const joined = useJoined();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';

  useEffect(() => {
    if (!busy) return;
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [busy]);

  const passwordLength = [...password.normalize('NFC')].length;
  const passwordProblem =
    password === ''
      ? null
      : passwordLength < PASSWORD_MIN_LENGTH
        ? t('firstRun.passwordTooShort', { min: PASSWORD_MIN_LENGTH })
        : passwordLength > PASSWORD_MAX_LENGTH
          ? t('firstRun.passwordTooLong', { max: PASSWORD_MAX_LENGTH })
          : confirm !== '' && confirm !== password
            ? t('firstRun.passwordMismatch')
            : null;
  const valid = name.trim().length > 0 && name.trim().length <= 64 && password !== '' && confirm === password && passwordProblem === null;

  const start = async () => {
    if (!valid || busy) return;
    setBusy(true);
    setElapsed(0);
    setError(null);
    const r = await call('session.setUp', { mode, name: name.trim(), password, locale });
    if (!r.ok) {
      setBusy(false);
      setError(t('firstRun.failed', { message: apiErrorText(r.error) }));
      return;
    }
    if (r.value.demoAccounts.length > 0) {
      setBusy(false);
      setDone(r.value);
      return;
    }
    setSession(r.value);
    invalidateQueue();
  };

  if (done) {
    return (
      <div className="firstrun" data-testid="first-run">
        <div className="firstrun-card" data-testid="first-run-accounts">
          <h1>{t('firstRun.accountsTitle')}</h1>
          <p className="muted">{t('firstRun.accountsIntro')}</p>
          <table className="firstrun-accounts">
            <tbody>
              {done.demoAccounts.map((a) => (
                <tr key={a.name} data-testid="first-run-account">
                  <td>{a.name}</td>
                  <td>{t(`user.roles.${a.role}`)}</td>
                  <td>
                    <code>{a.password}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="firstrun-actions">
            <Button
              variant="primary"
              size="large"
              data-testid="first-run-continue"
              autoFocus
              onClick={() => {
                setSession(done);
                invalidateQueue();
              }}
            >
              {t('firstRun.continue', { name: done.currentUser?.name ?? '' })}
            </Button>
          </div>
        </div>
      </div>
    );
  }

  if (joining) {
    return (
      <div className="firstrun" data-testid="first-run">
        <div className="firstrun-card" data-testid="first-run-join">
          <BrandHeading title={t('sync:join.title')} intro={t('sync:join.intro')} />
          <JoinTeamForm variant="first-run" autoFocus onJoined={joined} />
          <div className="firstrun-join">
            <Button variant="ghost" data-testid="first-run-join-back" onClick={() => setJoining(false)}>
              ← {t('sync:join.back')}
            </Button>
            <Button
              variant="ghost"
              data-testid="first-run-join-lang"
              onClick={() => void applyLocale(locale === 'en' ? 'zh-CN' : 'en')}
            >
              {t(`lang.${locale === 'en' ? 'zh-CN' : 'en'}`)}
            </Button>
          </div>
        </div>
      </div>
    );
  }

  return (
    <div className="firstrun" data-testid="first-run">
      <form
        className="firstrun-card"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <BrandHeading title={t('firstRun.title')} intro={t('firstRun.intro')} />

        <fieldset disabled={busy}>
          <legend className="field-label">{t('firstRun.langLabel')}</legend>
          <div className="segmented" role="radiogroup" data-testid="first-run-lang">
            {(['zh-CN', 'en'] as const).map((l) => (
              <button
                key={l}
                type="button"
                role="radio"
                aria-checked={locale === l}
                className={locale === l ? 'seg active' : 'seg'}
                data-testid={`first-run-lang-${l}`}
                onClick={() => void applyLocale(l)}
              >
                {t(`lang.${l}`)}
              </button>
            ))}
          </div>
        </fieldset>

        <fieldset disabled={busy}>
          <legend className="field-label">{t('firstRun.dataTitle')}</legend>
          <div className="choice-cards">
            <button
              type="button"
              className={mode === 'demo' ? 'choice selected' : 'choice'}
              aria-pressed={mode === 'demo'}
              data-testid="first-run-demo"
              onClick={() => setMode('demo')}
            >
              <span className="choice-title">{t('firstRun.demo')}</span>
              <span className="choice-hint">{t('firstRun.demoHint')}</span>
            </button>
            <button
              type="button"
              className={mode === 'empty' ? 'choice selected' : 'choice'}
              aria-pressed={mode === 'empty'}
              data-testid="first-run-empty"
              onClick={() => setMode('empty')}
            >
              <span className="choice-title">{t('firstRun.empty')}</span>
              <span className="choice-hint">{t('firstRun.emptyHint')}</span>
            </button>
          </div>
        </fieldset>

        <fieldset disabled={busy}>
          <FieldGroup>
            <Field label={t('firstRun.nameLabel')} hint={t('firstRun.nameHint')}>
              <TextInput
                id="first-run-name"
                data-testid="first-run-name"
                value={name}
                maxLength={64}
                autoFocus
                placeholder={t('firstRun.namePlaceholder')}
                onChange={(e) => setName(e.target.value)}
              />
            </Field>
            <Field label={t('firstRun.passwordLabel')}>
              <PasswordInput
                purpose="new"
                id="first-run-password"
                data-testid="first-run-password"
                value={password}
                aria-describedby="first-run-password-hint"
                onChange={(e) => setPassword(e.target.value)}
              />
            </Field>
            <Field label={t('firstRun.confirmLabel')}>
              <PasswordInput
                purpose="new"
                id="first-run-password2"
                data-testid="first-run-password-confirm"
                value={confirm}
                aria-describedby="first-run-password-hint"
                onChange={(e) => setConfirm(e.target.value)}
              />
            </Field>
            <FieldMessage
              id="first-run-password-hint"
              tone={passwordProblem ? 'error' : 'hint'}
              data-testid="first-run-password-hint"
              role={passwordProblem ? 'alert' : undefined}
            >
              {passwordProblem ?? t('firstRun.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            </FieldMessage>
          </FieldGroup>
        </fieldset>

        {error && (
          <div className="banner banner-error" role="alert" data-testid="first-run-error">
            {error}
          </div>
        )}

        <div className="firstrun-actions">
          {busy && (
            <span className="progress" role="status" data-testid="first-run-progress">
              <span className="spinner small" aria-hidden="true" />
              {mode === 'demo' ? t('firstRun.loadingDemo') : t('firstRun.loadingEmpty')}
              {elapsed > 0 && <span className="muted"> {elapsed}s</span>}
            </span>
          )}
          <Button variant="primary" size="large" type="submit" data-testid="first-run-start" disabled={!valid || busy}>
            {t('firstRun.start')}
          </Button>
        </div>

        <div className="firstrun-join">
          <p>{t('sync:join.linkHint')}</p>
          <Button variant="ghost" data-testid="first-run-join-link" disabled={busy} onClick={() => setJoining(true)}>
            {t('sync:join.link')} →
          </Button>
        </div>
      </form>
    </div>
  );
}
