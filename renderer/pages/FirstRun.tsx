import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { applyLocale, type Locale } from '../i18n';
import { apiErrorText } from '../i18n/apiError';
import { useStore } from '../store';

type Mode = 'demo' | 'empty';

export default function FirstRun() {
  const { t, i18n } = useTranslation();
  const setSession = useStore((s) => s.setSession);
  const invalidateQueue = useStore((s) => s.invalidateQueue);
  const [mode, setMode] = useState<Mode>('demo');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';

  useEffect(() => {
    if (!busy) return;
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [busy]);

  const valid = name.trim().length > 0 && name.trim().length <= 64;

  const start = async () => {
    if (!valid || busy) return;
    setBusy(true);
    setElapsed(0);
    setError(null);
    const r = await call('session.setUp', { mode, agentName: name.trim(), locale });
    if (!r.ok) {
      setBusy(false);
      setError(t('firstRun.failed', { message: apiErrorText(r.error) }));
      return;
    }
    setSession(r.value);
    invalidateQueue();
  };

  return (
    <div className="firstrun" data-testid="first-run">
      <form
        className="firstrun-card"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <div className="firstrun-brand">
          <span className="brand-mark big" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="26" height="26">
              <path
                fill="currentColor"
                d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z"
              />
            </svg>
          </span>
          <div>
            <h1>{t('firstRun.title')}</h1>
            <p className="muted">{t('firstRun.intro')}</p>
          </div>
        </div>

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
          <label className="field-label" htmlFor="first-run-name">
            {t('firstRun.nameLabel')}
          </label>
          <input
            id="first-run-name"
            className="input"
            data-testid="first-run-name"
            value={name}
            maxLength={64}
            autoFocus
            placeholder={t('firstRun.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
          <p className="hint">{t('firstRun.nameHint')}</p>
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
          <button type="submit" className="btn btn-primary btn-large" data-testid="first-run-start" disabled={!valid || busy}>
            {t('firstRun.start')}
          </button>
        </div>
      </form>
    </div>
  );
}
