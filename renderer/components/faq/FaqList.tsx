import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../core/contract/api';
import type { FaqPage } from '../../../core/contract/views-faq';
import type { ApiError } from '../../../core/contract/result';
import { FAQ_STATUSES } from '../../../core/faq/workflow';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { formatShortDateTime } from '../../format';
import { StatusBadge, useCategories, useCategoryLabel, useFaqError } from './shared';
import { Alert, Badge, Button, EmptyState, Select, Table, TextInput } from '../../ui';

/*
 * Every entry with its workflow state, flagged ones first. The filter survives leaving the page (module
 * state), so coming back from an entry returns to the same list.
 */

type StatusFilter = NonNullable<InputOf<'faq.list'>['status']>;
interface Filter {
  status: StatusFilter;
  category: string;
  needsReview: boolean;
  search: string;
}

let remembered: Filter = { status: 'active', category: '', needsReview: false, search: '' };

export function FaqList({ onOpen, reloadKey }: { onOpen(id: string): void; reloadKey: number }) {
  const { t, i18n } = useTranslation('faq');
  const categories = useCategories();
  const label = useCategoryLabel();
  const errorText = useFaqError();
  const [filter, setFilterState] = useState<Filter>(remembered);
  const [page, setPage] = useState<FaqPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Entries a colleague changed, pulled from the team server, re-read the list.
  const pulled = useStore((s) => s.pulledVersion);
  const setFilter = (patch: Partial<Filter>) => {
    remembered = { ...filter, ...patch };
    setFilterState(remembered);
  };

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(
      async () => {
        const r = await call('faq.list', {
          status: filter.status,
          needsReview: filter.needsReview,
          search: filter.search.trim(),
          ...(filter.category ? { category: filter.category } : {}),
        });
        if (stale) return;
        if (r.ok) {
          setPage(r.value);
          setError(null);
        } else setError(r.error);
      },
      filter.search ? 250 : 0,
    );
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [filter, reloadKey, attempt, pulled]);

  const counts = page?.counts;
  const statusTabs: StatusFilter[] = ['active', ...FAQ_STATUSES];
  const tabCount = (s: StatusFilter) =>
    !counts ? null : s === 'active' ? counts.draft + counts.in_review + counts.published : s === 'all' ? null : counts[s];

  return (
    <div className="faq-list" data-testid="faq-list">
      {counts && counts.needsReview > 0 && !filter.needsReview && (
        <div className="faq-flag faq-flag-banner" role="alert" data-testid="faq-needs-review-banner">
          <strong>⚑ {t('flag.title')}</strong>
          <span>{t('list.needsReviewBanner', { count: counts.needsReview })}</span>
          <Button size="small" className="faq-flag-action" onClick={() => setFilter({ needsReview: true })}>
            {t('list.showFlagged')}
          </Button>
        </div>
      )}
      <div className="faq-toolbar">
        <div className="segmented small" role="group" aria-label={t('list.status')}>
          {statusTabs.map((s) => (
            <button
              key={s}
              type="button"
              className={filter.status === s ? 'seg active' : 'seg'}
              aria-pressed={filter.status === s}
              onClick={() => setFilter({ status: s })}
              data-testid={`faq-filter-${s}`}
            >
              {s === 'active' ? t('filter.active') : t(`status.${s}`)}
              {tabCount(s) !== null && <span className="faq-tab-count">{tabCount(s)}</span>}
            </button>
          ))}
        </div>
        <button
          type="button"
          className={filter.needsReview ? 'faq-toggle faq-toggle-on' : 'faq-toggle'}
          aria-pressed={filter.needsReview}
          onClick={() => setFilter({ needsReview: !filter.needsReview })}
          data-testid="faq-filter-needs-review"
        >
          ⚑ {t('filter.needsReview')}
          {counts ? ` ${counts.needsReview}` : ''}
        </button>
        <Select value={filter.category} onChange={(e) => setFilter({ category: e.target.value })} aria-label={t('filter.category')} data-testid="faq-filter-category">
          <option value="">{t('filter.allCategories')}</option>
          {categories.map((c) => (
            <option key={c.key} value={c.key}>
              {i18n.language === 'en' ? c.en : c.zh}
            </option>
          ))}
        </Select>
        <TextInput
          type="search"
          className="faq-search"
          aria-label={t('filter.search')}
          value={filter.search}
          placeholder={t('filter.search')}
          onChange={(e) => setFilter({ search: e.target.value })}
          data-testid="faq-search"
        />
        {page && <span className="faq-muted faq-small faq-total">{t('list.total', { count: page.total })}</span>}
      </div>

      {error ? (
        <Alert tone="danger" role="alert">
          {errorText(error)}{' '}
          <Button size="small" onClick={() => setAttempt((n) => n + 1)}>
            {t('retry')}
          </Button>
        </Alert>
      ) : !page ? (
        <p className="faq-muted">{t('loading')}</p>
      ) : page.rows.length === 0 ? (
        <EmptyState data-testid="faq-empty">
          {counts && counts.draft + counts.in_review + counts.published + counts.retired === 0 ? t('list.empty') : t('list.emptyFiltered')}
        </EmptyState>
      ) : (
        <Table className="faq-table" wrapClassName="faq-table-wrap">
          <thead>
            <tr>
              <th>{t('list.question')}</th>
              <th>{t('list.category')}</th>
              <th>{t('list.status')}</th>
              <th>{t('list.revision')}</th>
              <th className="ui-num">{t('list.sources')}</th>
              <th>{t('list.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((r) => (
              <tr
                key={r.id}
                className={r.needsReview ? 'faq-row faq-row-flagged' : 'faq-row'}
                onClick={() => onOpen(r.id)}
                data-testid="faq-row"
                data-entry-id={r.id}
                data-status={r.status}
              >
                <td>
                  <button
                    type="button"
                    className="faq-link faq-row-question"
                    onClick={(e) => {
                      // The row opens the entry too; one open per click.
                      e.stopPropagation();
                      onOpen(r.id);
                    }}
                  >
                    {r.question}
                  </button>
                  {r.questionEn && (
                    <div className="faq-muted faq-small" lang="en">
                      {r.questionEn}
                    </div>
                  )}
                  {r.needsReview && (
                    <div className="faq-row-flag" data-testid="faq-row-flag">
                      ⚑ {t('flag.title')}
                      {r.needsReviewTicket ? ` · ${r.needsReviewTicket.code}` : ''}
                    </div>
                  )}
                </td>
                <td className="nowrap">{label(r.category)}</td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td className="nowrap faq-small">
                  {r.publishedRevision !== null && <Badge tone="ok" className="faq-live">
                      {t('list.live', { n: r.publishedRevision })}
                    </Badge>}
                  {r.publishedRevision !== r.latestRevision && (
                    <span className="faq-muted">
                      {r.publishedRevision !== null ? t('list.newer', { n: r.latestRevision, status: t(`status.${r.status}`) }) : `v${r.latestRevision}`}
                    </span>
                  )}
                </td>
                <td className="ui-num">{r.sourceCount}</td>
                <td className="nowrap faq-muted faq-small">{formatShortDateTime(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
