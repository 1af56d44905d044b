import { memo, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { QueueSort } from '../../core/contract/api';
import type { QueueRow } from '../../core/contract/views';
import { useStore } from '../store';
import { PAGE_SIZE } from '../store/queue';
import { formatNumber, formatShortDateTime } from '../format';
import { DueCell, PriorityBadge, ReasonTag, StatusCell } from './labels';
import { hideTooltip } from './Tooltip';

export const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 36;

type Column = { id: string; sort?: QueueSort; className: string };
const COLUMNS: Column[] = [
  { id: 'name', sort: 'name', className: 'c-name' },
  { id: 'phone', className: 'c-phone' },
  { id: 'reason', className: 'c-reason' },
  { id: 'priority', sort: 'priority', className: 'c-prio' },
  { id: 'due', sort: 'due', className: 'c-due' },
  { id: 'attempts', sort: 'attempts', className: 'c-attempts' },
  { id: 'status', className: 'c-status' },
  { id: 'created', sort: 'created', className: 'c-created' },
];

export function QueueTable() {
  const { t } = useTranslation();
  const cache = useStore((s) => s.cache);
  const sort = useStore((s) => s.sort);
  const direction = useStore((s) => s.direction);
  const filter = useStore((s) => s.filter);
  const setSort = useStore((s) => s.setSort);
  const ensureRows = useStore((s) => s.ensureRows);
  const openRow = useStore((s) => s.openRow);
  const openId = useStore((s) => s.workspace?.detail.callback.id ?? null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const total = cache.total ?? 0;
  // Before the first page answers, show a screenful of skeleton rows.
  const count = cache.total === null ? 12 : total;

  // The sticky header lives inside the scroll element (so columns line up even with a classic
  // scrollbar); the rows start below it.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
  });

  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  // Load the pages the visible range needs (the store skips pages loaded or in flight).
  useEffect(() => {
    if (cache.total === null && Object.keys(cache.loading).length > 0) return;
    ensureRows(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, cache.key, cache.total, cache.loading, ensureRows]);

  // A new query (filter or sort, not a refresh) starts at the top.
  const queryKey = JSON.stringify([filter, sort, direction]);
  useEffect(() => {
    virtualizer.scrollToOffset(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey]);

  const onHeader = (col: Column) => {
    if (!col.sort) return;
    if (sort !== col.sort) setSort(col.sort, 'asc');
    else if (direction === 'asc') setSort(col.sort, 'desc');
    else setSort('queue', 'asc'); // third click: back to the default urgency order
  };

  const rowAt = (index: number): QueueRow | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    const offset = index % PAGE_SIZE;
    return cache.pages[page]?.[offset] ?? cache.stale[page]?.[offset];
  };

  return (
    <div className="qtable" role="table" aria-rowcount={total} data-testid="queue-table">
      <div className="qbody" ref={scrollRef} onScroll={hideTooltip} data-testid="queue-scroll">
      <div className="qrow qhead" role="row" style={{ height: HEADER_HEIGHT }}>
        {COLUMNS.map((col) => {
          const active = col.sort !== undefined && sort === col.sort;
          const label = t(`queue.columns.${col.id}`);
          return (
            <div
              key={col.id}
              role="columnheader"
              className={`qcell ${col.className}${col.sort ? ' sortable' : ''}${active ? ' sorted' : ''}`}
              aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {col.sort ? (
                <button
                  type="button"
                  className="sort-button"
                  data-testid={`sort-${col.sort}`}
                  title={t('queue.sortBy', { column: label })}
                  onClick={() => onHeader(col)}
                >
                  {label}
                  <span className="sort-arrow" aria-hidden="true">
                    {active ? (direction === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              ) : (
                label
              )}
            </div>
          );
        })}
      </div>
        {cache.total === 0 && <div className="qempty">{t('queue.emptyFiltered')}</div>}
        {cache.error && cache.total === null && (
          <div className="qempty error">{t('queue.loadError', { message: cache.error })}</div>
        )}
        <div className="qspacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = cache.total === null ? undefined : rowAt(item.index);
            return (
              <div
                key={item.key}
                className="qvrow"
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
                data-index={item.index}
              >
                {row ? (
                  <Row row={row} open={row.id === openId} onOpen={openRow} odd={item.index % 2 === 1} />
                ) : (
                  <SkeletonRow />
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div className="qfoot" data-testid="queue-footer">
        {cache.total !== null && total > 0 && (
          <span>
            {formatNumber(Math.min(total, firstIndex + 1))}–{formatNumber(Math.min(total, lastIndex + 1))} / {formatNumber(total)}
          </span>
        )}
      </div>
    </div>
  );
}

const Row = memo(function Row({
  row,
  open,
  odd,
  onOpen,
}: {
  row: QueueRow;
  open: boolean;
  odd: boolean;
  onOpen: (row: QueueRow) => Promise<void>;
}) {
  // Subscribing to the language re-renders rows (labels, dates) when it changes.
  useTranslation();
  const closed = row.state === 'closed';
  return (
    <div
      role="row"
      tabIndex={0}
      className={`qrow${odd ? ' odd' : ''}${open ? ' open' : ''}${closed ? ' closed' : ''}${row.callable ? ' callable' : ''}`}
      data-testid="queue-row"
      data-id={row.id}
      data-callable={row.callable ? 'true' : 'false'}
      onClick={() => void onOpen(row)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void onOpen(row);
      }}
    >
      <div role="cell" className="qcell c-name">
        <span className="cust-name">{row.customerName}</span>
        {row.leasedByMe && <span className="mine-dot" aria-hidden="true" />}
      </div>
      <div role="cell" className="qcell c-phone mono">
        {row.phoneMasked}
      </div>
      <div role="cell" className="qcell c-reason">
        <ReasonTag reason={row.reason} />
      </div>
      <div role="cell" className="qcell c-prio">
        <PriorityBadge priority={row.priority} />
      </div>
      <div role="cell" className="qcell c-due">
        <DueCell dueAt={row.dueAt} overdue={row.overdue} closed={closed} />
      </div>
      <div role="cell" className="qcell c-attempts num">
        {row.attempts}
      </div>
      <div role="cell" className="qcell c-status">
        <StatusCell row={row} />
      </div>
      <div role="cell" className="qcell c-created muted">
        {formatShortDateTime(row.createdAt)}
      </div>
    </div>
  );
});

function SkeletonRow() {
  return (
    <div className="qrow skeleton" aria-hidden="true" data-testid="queue-skeleton">
      {COLUMNS.map((c) => (
        <div key={c.id} className={`qcell ${c.className}`}>
          <span className="bone" />
        </div>
      ))}
    </div>
  );
}
