import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import type { ReportFilter } from '../../../core/contract/api-reports';
import { call } from '../../api/client';
import { ErrorNotice } from '../ErrorNotice';
import { ComplaintsSection } from './ComplaintsSection';
import { OutcomesSection } from './OutcomesSection';
import { SatisfactionSection } from './SatisfactionSection';
import { Button } from '../../ui';

/*
 * The three report sections (four reports), loaded in parallel for the page's filter. Kept in its own module so the
 * charting library is fetched only when a supervisor opens the reports.
 */

type Load<T> = { state: 'loading'; last: T | null } | { state: 'error'; error: ApiError } | { state: 'ready'; value: T };

function useReport<T>(fetch: () => Promise<{ ok: true; value: T } | { ok: false; error: ApiError }>, key: string): [Load<T>, () => void] {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading', last: null });
  const [again, setAgain] = useState(0);
  useEffect(() => {
    let live = true;
    // Keep the previous figures on screen (dimmed) while the new ones are counted.
    setLoad((l) => ({ state: 'loading', last: l.state === 'ready' ? l.value : l.state === 'loading' ? l.last : null }));
    void fetch().then((r) => {
      if (live) setLoad(r.ok ? { state: 'ready', value: r.value } : { state: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
    // `fetch` is rebuilt each render; `key` says when its input changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, again]);
  return [load, () => setAgain((n) => n + 1)];
}

export default function ReportBody({ query, files, reload }: { query: ReportFilter; files: (chart: string) => string; reload: number }) {
  const { t } = useTranslation('reports');
  const [questionKey, setQuestionKey] = useState<string | undefined>(undefined);
  const { from, to, agentId, reason, purpose, category } = query;
  const base = { from, to, ...(agentId ? { agentId } : {}) };
  const key = JSON.stringify({ query, reload });
  const [outcomes, retryOutcomes] = useReport(() => call('reports.outcomes', { ...base, ...(reason ? { reason } : {}) }), key);
  const [callbacks, retryCallbacks] = useReport(() => call('reports.callbacks', { from, to, ...(reason ? { reason } : {}) }), key);
  const [satisfaction, retrySatisfaction] = useReport(
    () => call('reports.satisfaction', { ...base, ...(purpose ? { purpose } : {}), ...(questionKey ? { questionKey } : {}) }),
    `${key}|${questionKey ?? ''}`,
  );
  const [complaints, retryComplaints] = useReport(() => call('reports.complaints', { ...base, ...(category ? { category } : {}) }), key);

  const shared = { files, agentFiltered: agentId !== undefined };
  return (
    <div className="rp-body">
      <Part
        load={both(outcomes, callbacks)}
        retry={() => (outcomes.state === 'error' ? retryOutcomes() : retryCallbacks())}
        testId="rp-part-outcomes"
        label={t('sections.outcomes')}
      >
        {(r) => <OutcomesSection report={r} {...shared} filtered={agentId !== undefined || reason !== undefined} />}
      </Part>
      <Part load={satisfaction} retry={retrySatisfaction} testId="rp-part-satisfaction" label={t('sections.satisfaction')}>
        {(r) => <SatisfactionSection report={r} {...shared} filtered={agentId !== undefined || purpose !== undefined} onQuestion={setQuestionKey} />}
      </Part>
      <Part load={complaints} retry={retryComplaints} testId="rp-part-complaints" label={t('sections.complaints')}>
        {(r) => <ComplaintsSection report={r} {...shared} filtered={agentId !== undefined || category !== undefined} />}
      </Part>
    </div>
  );
}

/** Two reports shown as one section: an error in either, loading until both are in. */
function both<A, B>(a: Load<A>, b: Load<B>): Load<{ calls: A; callbacks: B }> {
  if (a.state === 'error') return a;
  if (b.state === 'error') return b;
  if (a.state === 'ready' && b.state === 'ready') return { state: 'ready', value: { calls: a.value, callbacks: b.value } };
  const lastA = a.state === 'ready' ? a.value : a.last;
  const lastB = b.state === 'ready' ? b.value : b.last;
  return { state: 'loading', last: lastA !== null && lastB !== null ? { calls: lastA, callbacks: lastB } : null };
}

function Part<T>({ load, retry, testId, label, children }: { load: Load<T>; retry: () => void; testId: string; label: string; children: (value: T) => ReactNode }) {
  const { t } = useTranslation('reports');
  if (load.state === 'error') {
    return (
      <div data-testid={testId} data-state="error">
        <ErrorNotice error={load.error} title={label}>
          <Button size="small" onClick={retry}>
            {t('retry')}
          </Button>
        </ErrorNotice>
      </div>
    );
  }
  const value = load.state === 'ready' ? load.value : load.last;
  return (
    <div data-testid={testId} data-state={load.state} className={load.state === 'loading' ? 'rp-part rp-loading' : 'rp-part'} aria-busy={load.state === 'loading'}>
      {value === null ? (
        <p className="muted rp-wait">
          {label} · {t('loading')}
        </p>
      ) : (
        children(value)
      )}
    </div>
  );
}
