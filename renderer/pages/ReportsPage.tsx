import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFilter } from '../../core/contract/api-reports';
import type { CaseSettings } from '../../core/contract/views-cases';
import { call } from '../api/client';
import { DEFAULT_FILTER, rangeOf, ReportFilters, type PageFilter } from '../components/reports/ReportFilters';
import { now } from '../format';
import { useStore } from '../store';
import '../styles/reports.css';
import { Button, Page, PageHeader } from '../ui';

/*
 * Supervisor reports: one date range and one set of filters for three sections (callback outcomes,
 * satisfaction, complaints), each chart with its table and CSV. The charts load as their own chunk.
 */

const ReportBody = lazy(() => import('../components/reports/ReportBody'));

export default function ReportsPage() {
  const { t } = useTranslation('reports');
  const users = useStore((s) => s.session?.users ?? []);
  const [filter, setFilter] = useState<PageFilter>(DEFAULT_FILTER);
  const [categories, setCategories] = useState<CaseSettings['categories']>([]);
  const [reload, setReload] = useState(0);
  // Work pulled from the team server re-reads the reports (both only grow, so their sum changes with either).
  const pulled = useStore((s) => s.pulledVersion);

  useEffect(() => {
    let live = true;
    void call('cases.getSettings', {}).then((r) => {
      if (live && r.ok) setCategories(r.value.categories);
    });
    return () => {
      live = false;
    };
  }, []);

  const range = rangeOf(filter, now());
  const query: ReportFilter | null = range && {
    from: range.from,
    to: range.to,
    ...(filter.agentId ? { agentId: filter.agentId } : {}),
    ...(filter.reason ? { reason: filter.reason } : {}),
    ...(filter.purpose ? { purpose: filter.purpose } : {}),
    ...(filter.category ? { category: filter.category } : {}),
  };
  const files = (chart: string) => `reports-${chart}-${range?.fromIso ?? ''}_${range?.toIso ?? ''}`;

  return (
    <Page data-testid="reports-page">
      <PageHeader
        className="rp-head"
        title={t('title')}
        intro={t('intro')}
        actions={
          <Button data-testid="rp-refresh" onClick={() => setReload((n) => n + 1)}>
            {t('refresh')}
          </Button>
        }
      />
      <ReportFilters filter={filter} onChange={setFilter} now={now()} users={users} categories={categories} />
      {query && (
        <Suspense fallback={<p className="muted rp-wait">{t('loading')}</p>}>
          <ReportBody query={query} files={files} reload={reload + pulled} />
        </Suspense>
      )}
    </Page>
  );
}
