import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/contract/result';
import type { SlaBoard } from '../../core/contract/views-cases';
import { call } from '../api/client';
import { useStore } from '../store';
import { formatTime, syncClock } from '../format';
import { useNow } from '../components/useNow';
import { csvTimestamp, downloadCsv, toCsv } from '../csv';
import { formatNumber } from './admin/shared';
import { Attainment } from './sla-board/Attainment';
import { BoardFilters, NO_FILTER, isFiltered, toBoardQuery, type BoardFilter } from './sla-board/BoardFilters';
import { BoardTable } from './sla-board/BoardTable';
import { SyncDelayedTable } from './sla-board/SyncDelayed';
import { levelBoard, type BoardItem } from './sla-board/boardModel';
import { SlaErrorNotice, categoryName, useCaseSettings } from './sla-board/common';
import '../styles/sla.css';
import { Alert, Button, ButtonRow, Card, FieldMessage, Page, PageHeader } from '../ui';

/** The board refreshes on its own this often; the countdowns tick every second in between. */
const REFRESH_MS = 30_000;

type Data = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; board: SlaBoard; at: number };

export default function SlaBoardPage() {
  const { t, i18n } = useTranslation('sla');
  const role = useStore((s) => s.session?.currentUser?.role);
  const userId = useStore((s) => s.session?.currentUser?.id);
  // A row opens the ticket in the Tickets page's detail panel, where it is worked.
  const openTicket = useStore((s) => s.openTicket);
  const notify = useStore((s) => s.notify);
  const settings = useCaseSettings();
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  const [data, setData] = useState<Data>({ state: 'loading' });
  const [reload, setReload] = useState(0);
  // Pulled changes from the team server (the store's one invalidation signal) re-read the board.
  const pulled = useStore((s) => s.pulledVersion);
  const now = useNow(1000);

  const query = toBoardQuery(filter);
  const queryKey = JSON.stringify(query);

  const load = useCallback(async (q: NonNullable<ReturnType<typeof toBoardQuery>>) => {
    // Records breaches that came due since anyone last looked, so escalations show on this answer.
    await call('tickets.sweep', {});
    const r = await call('tickets.board', q);
    if (!r.ok) return { state: 'error', error: r.error } as const;
    syncClock(r.value.now);
    return { state: 'ready', board: r.value, at: r.value.now } as const;
  }, []);

  useEffect(() => {
    const q = JSON.parse(queryKey) as ReturnType<typeof toBoardQuery>;
    if (q === null || role !== 'supervisor') return;
    let live = true;
    const run = () => void load(q).then((d) => live && setData(d));
    run();
    const timer = setInterval(run, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [queryKey, reload, pulled, load, role, userId]);

  const board = data.state === 'ready' ? data.board : null;
  const levelled = useMemo(() => (board ? levelBoard(board.atRisk, board.breached, now) : null), [board, now]);

  if (role !== 'supervisor') {
    return (
      <Page>
        <PageHead />
        <Alert tone="info" role="note" data-testid="board-supervisors-only">
          {t('board.supervisorsOnly')}
        </Alert>
      </Page>
    );
  }

  const change = (patch: Partial<BoardFilter>) => setFilter((f) => ({ ...f, ...patch }));

  function exportBoard() {
    if (!levelled) return;
    const items: BoardItem[] = [...levelled.breached, ...levelled.atRisk];
    if (items.length === 0) return;
    const header = [
      t('csv.level'),
      t('csv.code'),
      t('csv.subject'),
      t('csv.customer'),
      t('csv.category'),
      t('csv.priority'),
      t('csv.assignee'),
      t('csv.status'),
      t('csv.escalated'),
      t('csv.clock'),
      t('csv.dueAt'),
      t('csv.leftMinutes'),
      t('csv.targetMinutes'),
      t('csv.overBusinessMinutes'),
      t('csv.createdAt'),
      t('csv.ticketId'),
    ];
    const body = items.map((i) => [
      i.tone === 'breached' ? t('level.breached') : t('level.warning'),
      i.row.code,
      i.row.subject,
      i.row.customerName ?? '',
      categoryName(settings, i.row.category, i18n.language),
      i.row.priority,
      i.row.assigneeName ?? '',
      t(`status.${i.row.status}`),
      i.row.escalated ? t('csv.yes') : t('csv.no'),
      t(`clock.${i.clock}`),
      i.state.dueAt !== null ? csvTimestamp(i.state.dueAt) : '',
      Math.round((i.state.dueAt !== null ? i.state.dueAt - now : i.leftMs) / 60_000),
      i.state.target,
      i.state.breachedByMinutes,
      csvTimestamp(i.row.createdAt),
      i.row.id,
    ]);
    const stamp = csvTimestamp(now).replace(/[-: ]/g, '').slice(0, 12);
    downloadCsv(`${t('board.exportFile')}-${stamp}.csv`, toCsv([header, ...body]));
    notify('success', t('board.exported', { n: formatNumber(items.length) }));
  }

  const open = (id: string) => openTicket(id, true);

  const total = levelled ? levelled.breached.length + levelled.atRisk.length : 0;

  return (
    <Page>
      <PageHead />
      <Card>
        <BoardFilters filter={filter} settings={settings} onChange={change} />
        <div className="sla-toolbar">
          <span className="muted small" data-testid="board-refreshed" aria-live="polite">
            {data.state === 'ready' ? t('board.refreshedAt', { time: formatTime(data.at, undefined, true) }) : ''}
          </span>
          <ButtonRow end>
            {isFiltered(filter) && (
              <Button variant="link" onClick={() => setFilter(NO_FILTER)}>
                {t('filter.clear')}
              </Button>
            )}
            <Button data-testid="board-refresh" onClick={() => setReload((x) => x + 1)}>
              {t('board.refresh')}
            </Button>
            <Button variant="primary" data-testid="board-export" disabled={total === 0} onClick={exportBoard}>
              {t('board.export')}
            </Button>
          </ButtonRow>
        </div>
        {query === null && (
          <FieldMessage tone="error" role="alert">
            {t('filter.dateOrder')}
          </FieldMessage>
        )}
      </Card>

      {data.state === 'error' && (
        <SlaErrorNotice error={data.error}>
          <Button size="small" onClick={() => setReload((x) => x + 1)}>
            {t('common.retry')}
          </Button>
        </SlaErrorNotice>
      )}
      {data.state === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {levelled && (
        <>
          <BoardTable tone="breached" items={levelled.breached} now={now} settings={settings} onOpen={open} />
          <BoardTable tone="warning" items={levelled.atRisk} now={now} settings={settings} onOpen={open} />
          {board && board.syncDelayed.length > 0 && <SyncDelayedTable items={board.syncDelayed} onOpen={open} />}
        </>
      )}

      <Attainment query={query} reloadKey={reload} settings={settings} />
    </Page>
  );
}

function PageHead() {
  const { t } = useTranslation('sla');
  return (
    <PageHeader title={t('board.title')} intro={t('board.intro')} />
  );
}
