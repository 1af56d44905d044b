import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLocale } from '../i18n';
import { useStore } from '../store';
import { Button } from '../ui';

const KNOWN = ['DB_CORRUPT', 'DB_LOCKED', 'DB_NEWER_SCHEMA', 'DB_UNAVAILABLE'] as const;
type Known = (typeof KNOWN)[number];

/** Shown instead of the console when the database cannot be used: what happened, where, what to do. */
export default function DbErrorScreen() {
  const { t, i18n } = useTranslation();
  const boot = useStore((s) => s.boot);
  const bootstrap = useStore((s) => s.bootstrap);
  const [checking, setChecking] = useState(false);
  if (boot.phase !== 'db-error') return null;
  const { error, status } = boot;
  const key: Known | 'OTHER' = (KNOWN as readonly string[]).includes(error.code) ? (error.code as Known) : 'OTHER';
  const path = status?.db.state === 'error' ? status.db.path : null;
  const steps = t(`dbError.${key}.steps`).split('\n');
  const other = i18n.language === 'en' ? 'zh-CN' : 'en';

  const retry = async () => {
    setChecking(true);
    await bootstrap();
    setChecking(false);
  };

  return (
    <div className="dberror" data-testid="db-error" data-code={error.code}>
      <div className="dberror-card" role="alert">
        <div className="dberror-top">
          <span className="dberror-icon" aria-hidden="true">
            !
          </span>
          <div>
            <div className="muted small">{t('dbError.title')}</div>
            <h1>{t(`dbError.${key}.headline`)}</h1>
          </div>
          <button type="button" className="lang-toggle" data-testid="lang-toggle" onClick={() => void applyLocale(other)}>
            {t(`lang.${other}`)}
          </button>
        </div>
        <p className="dberror-explain">{t(`dbError.${key}.explain`)}</p>

        <dl className="dberror-facts">
          {path && (
            <>
              <dt>{t('dbError.path')}</dt>
              <dd className="mono selectable" data-testid="db-error-path">
                {path}
              </dd>
            </>
          )}
          {!path && status?.dataDir && (
            <>
              <dt>{t('dbError.dataDir')}</dt>
              <dd className="mono selectable">{status.dataDir}</dd>
            </>
          )}
          <dt>{t('dbError.code')}</dt>
          <dd className="mono">{error.code}</dd>
        </dl>

        <h2>{t('dbError.whatToDo')}</h2>
        <ol className="dberror-steps">
          {steps.map((s) => (
            <li key={s}>{s.replace(/^\d+\.\s*/, '')}</li>
          ))}
        </ol>

        <details className="dberror-details">
          <summary>{t('dbError.details')}</summary>
          <pre className="selectable">{error.message}</pre>
          {status && (
            <pre className="selectable">
              v{status.appVersion} · schema {status.schemaVersion}
            </pre>
          )}
        </details>

        <div className="panel-actions">
          <Button variant="primary" className="panel-action-main" data-testid="db-error-retry" disabled={checking} onClick={() => void retry()}>
            {checking ? t('common.loading') : t('dbError.retry')}
          </Button>
        </div>
      </div>
    </div>
  );
}
