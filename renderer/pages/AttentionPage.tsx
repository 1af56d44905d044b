import { useEffect, useRef, useState } from 'react';
import { AttentionEdit } from './AttentionEdit';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/contract/result';
import type { AttentionItem } from '../../core/contract/views-sync';
import { useStore } from '../store';
import { agoFromNow, formatShortDateTime } from '../format';
import { apiErrorText } from '../i18n/apiError';
import { describeChange } from '../sync/describe';
import '../styles/sync.css';
import { Alert, AlertDetail, Button, Card, Page, PageHeader } from '../ui';

/**
 * "Needs attention": changes made on this console that the team server refused. Each says what it was,
 * who made it and when, why it was refused (in the UI language, with the server's own words), and offers
 * Retry (sent again as a new change) or Discard (confirmed, recorded in the audit log). Nothing leaves
 * this list silently.
 */
export default function AttentionPage() {
  const { t } = useTranslation('sync');
  const attention = useStore((s) => s.attention);
  const load = useStore((s) => s.loadAttention);
  const connected = useStore((s) => (s.syncStatus?.state ?? 'disconnected') !== 'disconnected');

  useEffect(() => {
    void load();
  }, [load]);

  const items = attention.items;

  return (
    <Page data-testid="attention-page">
      <PageHeader
        title={
          <>
            {t('attention.title')}
            {items.length > 0 && (
              <span className="nav-badge" data-testid="attention-count">
                {items.length}
              </span>
            )}
          </>
        }
        intro={t('attention.intro')}
      />

      {attention.error && (
        <Alert tone="danger" role="alert">
          <strong>{t('attention.loadFailed')}</strong>
          <AlertDetail>{attention.error}</AlertDetail>
        </Alert>
      )}

      {!attention.loaded && attention.loading ? (
        <p className="muted" role="status">
          {t('common.loading', { ns: 'admin' })}
        </p>
      ) : items.length === 0 && !attention.error ? (
        <Card className="att-empty" data-testid="attention-empty" role="status">
          <strong>{t('attention.empty')}</strong>
          <span>{connected ? t('attention.emptyHint') : t('attention.standalone')}</span>
        </Card>
      ) : (
        <ul className="att-list" aria-label={t('attention.title')}>
          {items.map((item) => (
            <AttentionRow key={item.seq} item={item} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function AttentionRow({ item }: { item: AttentionItem }) {
  const { t, i18n } = useTranslation('sync');
  const retry = useStore((s) => s.retryChange);
  const discard = useStore((s) => s.discardChange);
  const notify = useStore((s) => s.notify);
  const [busy, setBusy] = useState<'retry' | 'discard' | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const discardRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const summary = describeChange(item, i18n.language);
  const reason = apiErrorText(item.error as ApiError);
  const serverSaid = item.error.message && item.error.message !== reason ? item.error.message : null;
  const titleId = `att-${item.seq}-title`;

  const doRetry = async (args?: Record<string, unknown>) => {
    setBusy('retry');
    const ok = await retry(item.seq, args);
    setBusy(null);
    if (ok) {
      setEditing(false);
      notify('info', t('attention.retried'));
    }
  };
  const doDiscard = async () => {
    setBusy('discard');
    const ok = await discard(item.seq);
    setBusy(null);
    setConfirming(false);
    if (ok) notify('success', t('attention.discarded'));
  };

  return (
    <li className="att-item" data-testid="attention-item" data-seq={item.seq} data-mutation={item.name} aria-labelledby={titleId}>
      <div>
        <div className="att-head">
          <h3 className="att-action" id={titleId} data-testid="attention-action">
            {summary.action}
          </h3>
          <span className="att-meta" data-testid="attention-meta" title={formatShortDateTime(item.createdAt)}>
            {t('attention.by', { name: item.authorName ?? t('attention.unknownAuthor'), when: i18n.language === 'en' ? `${formatShortDateTime(item.createdAt)} (${agoFromNow(item.createdAt)})` : `${formatShortDateTime(item.createdAt)}（${agoFromNow(item.createdAt)}）` })}
          </span>
        </div>
        {summary.facts.length > 0 && (
          <dl className="att-facts">
            {summary.facts.map((f, i) => (
              <div key={`${f.key}-${i}`}>
                <dt>{t(`fact.${f.key}`)}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      <div className="att-buttons">
        <Button variant="primary" data-testid="attention-retry" disabled={busy !== null || confirming || editing} onClick={() => void doRetry()}>
          {busy === 'retry' ? t('attention.retrying') : t('attention.retry')}
        </Button>
        {item.editable.length > 0 && (
          <Button data-testid="attention-edit-open" disabled={busy !== null || confirming} aria-expanded={editing} onClick={() => setEditing((x) => !x)}>
            {t('attention.edit')}
          </Button>
        )}
        <Button
          ref={discardRef}
          data-testid="attention-discard"
          disabled={busy !== null}
          aria-expanded={confirming}
          onClick={() => setConfirming(true)}
        >
          {t('attention.discard')}
        </Button>
      </div>
      <div className="att-reason" data-testid="attention-reason">
        <strong>{t('attention.reason')}{i18n.language === 'en' ? ': ' : '：'}</strong>
        {reason}
        {serverSaid && <span className="att-server">{t('attention.serverSaid', { message: serverSaid })}</span>}
      </div>
      {editing && <AttentionEdit item={item} busy={busy === 'retry'} onSubmit={(args) => void doRetry(args)} onCancel={() => setEditing(false)} />}
      {confirming && (
        <div
          className="att-confirm"
          role="alertdialog"
          aria-labelledby={`${titleId}-confirm`}
          aria-describedby={`${titleId}-confirm-body`}
          data-testid="attention-discard-confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setConfirming(false);
              discardRef.current?.focus();
            }
          }}
        >
          <p>
            <strong id={`${titleId}-confirm`}>{t('attention.discardTitle')}</strong>
          </p>
          <p id={`${titleId}-confirm-body`}>{t('attention.discardBody', { what: summary.action })}</p>
          <div className="att-confirm-actions">
            <Button variant="danger" ref={confirmRef} data-testid="attention-discard-yes" disabled={busy !== null} onClick={() => void doDiscard()}>
              {t('attention.discardConfirm')}
            </Button>
            <Button
              disabled={busy !== null}
              onClick={() => {
                setConfirming(false);
                discardRef.current?.focus();
              }}
            >
              {t('attention.cancel')}
            </Button>
          </div>
        </div>
      )}
      <details className="att-original">
        <summary>{t('attention.showOriginal')}</summary>
        <pre data-testid="attention-args">{JSON.stringify(item.args, null, 2)}</pre>
      </details>
    </li>
  );
}
