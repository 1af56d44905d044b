import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store';
import { formatNumber } from '../format';
import { FilterBar } from '../components/FilterBar';
import { QueueTable } from '../components/QueueTable';
import { isTypingTarget } from '../components/keys';
import CallWorkspace from './CallWorkspace';
import { AfterCallBar } from '../components/tickets/CallCaseActions';
import { SummaryChips } from '../components/TopBar';
import { Button } from '../ui';

export default function QueuePage() {
  const { t } = useTranslation();
  const total = useStore((s) => s.cache.total);
  const takeNext = useStore((s) => s.takeNext);
  const opening = useStore((s) => s.opening);
  const workspace = useStore((s) => s.workspace);
  const myLease = useStore((s) => s.summary?.myLease ?? null);
  const nothingCallable = useStore((s) => s.nothingCallable);
  const clearNothing = useStore((s) => s.clearNothingCallable);
  const setFilter = useStore((s) => s.setFilter);
  const invalidateQueue = useStore((s) => s.invalidateQueue);
  const setPage = useStore((s) => s.setPage);
  const queueEmpty = useStore((s) => s.summary?.open === 0);

  // Coming back from another page (an import, new settings): refresh what is shown.
  useEffect(() => {
    const { cache } = useStore.getState();
    if (cache.total !== null) invalidateQueue();
    else useStore.getState().ensureRows(0, 0);
  }, [invalidateQueue]);

  // N = next, whenever no callback is open and the agent is not typing.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'n' && e.key !== 'N') return;
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (useStore.getState().workspace) return;
      e.preventDefault();
      void takeNext();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [takeNext]);

  const working = workspace?.mode === 'work';

  // The workspace closed (saved, released, closed): focus would fall to <body>. It goes to the after-call
  // bar when there is one (what to do about the call just saved), else to Next.
  const isOpen = workspace !== null;
  const wasOpen = useRef(isOpen);
  useEffect(() => {
    const closed = wasOpen.current && !isOpen;
    wasOpen.current = isOpen;
    if (!closed) return;
    const frame = requestAnimationFrame(() => {
      if (document.activeElement && document.activeElement !== document.body) return;
      const target =
        document.querySelector<HTMLElement>('[data-testid="after-call"]') ?? document.querySelector<HTMLElement>('[data-testid="next-button"]:not(:disabled)');
      target?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [isOpen]);

  return (
    <div className="queue-page">
      <div className="queue-header">
        <div className="queue-title">
          <h1>{t('queue.title')}</h1>
          <span className="queue-total" data-testid="queue-total" data-total={total ?? ''}>
            {total === null ? t('common.loading') : t('queue.total', { n: formatNumber(total) })}
          </span>
          <SummaryChips />
        </div>
        {/* The queue's call to action keeps its own width, size and weight (.queue-next in styles.css). */}
        <Button
          variant="primary"
          size="large"
          className="queue-next"
          data-testid="next-button"
          title={t('queue.nextHint')}
          disabled={opening || working}
          onClick={() => void takeNext()}
        >
          <span>{myLease ? t('queue.resume') : t('queue.next')}</span>
          <kbd>N</kbd>
        </Button>
      </div>

      {nothingCallable !== null && queueEmpty && (
        <div className="banner banner-info" role="status" data-testid="nothing-callable" data-empty="true">
          <div className="banner-body">
            <strong>{t('queue.emptyQueue')}</strong>
            <p>{t('queue.emptyQueueWhy')}</p>
          </div>
          <div className="banner-actions">
            <Button
              onClick={() => {
                clearNothing();
                setPage('import');
              }}
            >
              {t('queue.goImport')}
            </Button>
            <Button variant="ghost" aria-label={t('common.close')} onClick={clearNothing}>
              ×
            </Button>
          </div>
        </div>
      )}
      {nothingCallable !== null && !queueEmpty && (
        <div className="banner banner-warn" role="status" data-testid="nothing-callable">
          <div className="banner-body">
            <strong>{t('queue.nothingCallable')}</strong>
            {nothingCallable.reasons.length > 0 && (
              <p data-testid="nothing-callable-reasons">
                {t('queue.mainReasons', { n: formatNumber(nothingCallable.sample) })}
                {nothingCallable.reasons
                  .map(([reason, n]) => t('queue.reasonCount', { reason: t(`block.${reason}`), n: formatNumber(n) }))
                  .join(t('queue.listSeparator'))}
              </p>
            )}
            <p>{t('queue.nothingCallableWhy')}</p>
          </div>
          <div className="banner-actions">
            <Button
              onClick={() => {
                clearNothing();
                setFilter({ status: 'blocked' });
              }}
            >
              {t('queue.showBlocked')}
            </Button>
            <Button variant="ghost" aria-label={t('common.close')} onClick={clearNothing}>
              ×
            </Button>
          </div>
        </div>
      )}

      <AfterCallBar />
      <FilterBar />
      <QueueTable />
      {workspace && <CallWorkspace />}
    </div>
  );
}
