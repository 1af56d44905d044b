import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import type { SpendSummary } from '../../../core/contract/views-cases';
import { formatFen } from '../../../core/vouchers/describe';
import { call } from '../../api/client';
import { formatNumber } from '../../format';
import { SlaErrorNotice } from '../sla-board/common';
import { Alert, Card, Field, FieldGroupTitle, Stat, Stats, Table, TextInput } from '../../ui';

type Data = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; spend: SpendSummary };

const share = (part: number, whole: number) => (whole <= 0 ? 0 : Math.min(100, Math.max(0, (part / whole) * 100)));

/**
 * This month's voucher spend against the team budget. Pending requests are drawn after the spend,
 * hatched: they are not spent yet, but approving them would take that much.
 */
export function SpendCard({ reloadKey }: { reloadKey: number }) {
  const { t } = useTranslation('sla');
  const [month, setMonth] = useState('');
  const [data, setData] = useState<Data>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    void call('vouchers.spend', month ? { month } : {}).then((r) => {
      if (!live) return;
      setData(r.ok ? { state: 'ready', spend: r.value } : { state: 'error', error: r.error });
      if (r.ok && !month) setMonth(r.value.month);
    });
    return () => {
      live = false;
    };
  }, [month, reloadKey]);

  return (
    <Card
      title={t('spend.title')}
      titleId="spend-title"
      intro={t('spend.intro')}
      actions={
        <Field label={t('spend.month')}>
          <TextInput type="month" value={month} data-testid="spend-month" onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </Field>
      }
      data-testid="spend-card"
    >
      {data.state === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {data.state === 'error' && <SlaErrorNotice error={data.error} />}
      {data.state === 'ready' && <SpendBody spend={data.spend} />}
    </Card>
  );
}

function SpendBody({ spend }: { spend: SpendSummary }) {
  const { t } = useTranslation('sla');
  const remaining = Math.max(0, spend.budgetFen - spend.spentFen);
  const spentPct = share(spend.spentFen, spend.budgetFen);
  const pendingPct = Math.min(100 - spentPct, share(spend.pendingFen, spend.budgetFen));
  const tight = spend.spentFen + spend.pendingFen > spend.budgetFen;
  // Not clamped: spend plus pending may well read over 100 %.
  const pct = (v: number) => (spend.budgetFen > 0 ? `${formatNumber(Math.round((v / spend.budgetFen) * 1000) / 10)}%` : '—');
  return (
    <>
      <div className="sla-spend-caption">
        <span data-testid="spend-used-pct">{t('spend.usedPct', { pct: pct(spend.spentFen) })}</span>
        <span>{t('spend.withPendingPct', { pct: pct(spend.spentFen + spend.pendingFen) })}</span>
      </div>
      <div
        className="sla-spend-bar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={spend.budgetFen}
        aria-valuenow={spend.spentFen}
        aria-valuetext={t('spend.meterText', { spent: formatFen(spend.spentFen), budget: formatFen(spend.budgetFen) })}
        aria-label={t('spend.title')}
        data-testid="spend-bar"
        data-spent-fen={spend.spentFen}
        data-pending-fen={spend.pendingFen}
      >
        <span className="sla-spend-spent" style={{ width: `${spentPct}%` }} data-testid="spend-bar-spent" />
        <span className="sla-spend-pending" style={{ width: `${pendingPct}%` }} />
      </div>
      <Stats className="sla-spend-stats">
        <Stat label={t('spend.budget', { month: spend.month })} value={formatFen(spend.budgetFen)} valueTestId="spend-budget" />
        <Stat
          className="sla-stat-spent"
          label={
            <>
              <span className="sla-key sla-key-spent" aria-hidden="true" />
              {t('spend.spent')}
            </>
          }
          value={formatFen(spend.spentFen)}
          valueTestId="spend-spent"
        />
        <Stat
          label={
            <>
              <span className="sla-key sla-key-pending" aria-hidden="true" />
              {t('spend.pending')}
            </>
          }
          value={formatFen(spend.pendingFen)}
          valueTestId="spend-pending"
        />
        <Stat label={t('spend.remaining')} value={formatFen(remaining)} tone={remaining === 0 ? 'bad' : tight ? 'warn' : 'ok'} valueTestId="spend-remaining" />
      </Stats>
      {tight && (
        <Alert tone="warn" role="note">
          {t('spend.tight')}
        </Alert>
      )}
      <div>
        <FieldGroupTitle>{t('spend.byReason')}</FieldGroupTitle>
        {spend.byReason.length === 0 ? (
          <p className="muted small">{t('spend.noSpend')}</p>
        ) : (
          <Table bare className="sla-reason-table" data-testid="spend-by-reason">
            <thead>
              <tr>
                <th>{t('spend.reason')}</th>
                <th className="ui-num">{t('spend.count')}</th>
                <th className="ui-num">{t('spend.value')}</th>
                <th className="ui-num">{t('spend.share')}</th>
              </tr>
            </thead>
            <tbody>
              {spend.byReason.map((r) => (
                <tr key={r.reasonCode}>
                  <td>{t(`voucher.reason.${r.reasonCode}`, { defaultValue: r.reasonCode })}</td>
                  <td className="ui-num">{formatNumber(r.count)}</td>
                  <td className="ui-num">{formatFen(r.valueFen)}</td>
                  <td className="ui-num">{spend.spentFen > 0 ? `${formatNumber(Math.round((r.valueFen / spend.spentFen) * 1000) / 10)}%` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </>
  );
}
