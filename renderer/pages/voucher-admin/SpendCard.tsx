import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import type { SpendSummary } from '../../../core/contract/views-cases';
import { formatFen } from '../../../core/vouchers/describe';
import { call } from '../../api/client';
import { formatNumber } from '../../format';
import { SlaErrorNotice } from '../sla-board/common';

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
    <section className="adm-card" aria-labelledby="spend-title" data-testid="spend-card">
      <div className="adm-card-head">
        <div>
          <h3 id="spend-title" className="adm-card-title">
            {t('spend.title')}
          </h3>
          <p className="adm-muted adm-small">{t('spend.intro')}</p>
        </div>
        <label className="adm-field">
          <span className="adm-label">{t('spend.month')}</span>
          <input type="month" value={month} data-testid="spend-month" onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </label>
      </div>
      {data.state === 'loading' && <p className="adm-muted">{t('common.loading')}</p>}
      {data.state === 'error' && <SlaErrorNotice error={data.error} />}
      {data.state === 'ready' && <SpendBody spend={data.spend} />}
    </section>
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
      <dl className="adm-stats sla-spend-stats">
        <div className="adm-stat">
          <dt>{t('spend.budget', { month: spend.month })}</dt>
          <dd data-testid="spend-budget">{formatFen(spend.budgetFen)}</dd>
        </div>
        <div className="adm-stat sla-stat-spent">
          <dt>
            <span className="sla-key sla-key-spent" aria-hidden="true" />
            {t('spend.spent')}
          </dt>
          <dd data-testid="spend-spent">{formatFen(spend.spentFen)}</dd>
        </div>
        <div className="adm-stat">
          <dt>
            <span className="sla-key sla-key-pending" aria-hidden="true" />
            {t('spend.pending')}
          </dt>
          <dd data-testid="spend-pending">{formatFen(spend.pendingFen)}</dd>
        </div>
        <div className={`adm-stat ${remaining === 0 ? 'adm-stat-bad' : tight ? 'adm-stat-warn' : 'adm-stat-ok'}`}>
          <dt>{t('spend.remaining')}</dt>
          <dd data-testid="spend-remaining">{formatFen(remaining)}</dd>
        </div>
      </dl>
      {tight && (
        <div className="adm-alert adm-alert-warn" role="note">
          {t('spend.tight')}
        </div>
      )}
      <div>
        <div className="adm-group-title">{t('spend.byReason')}</div>
        {spend.byReason.length === 0 ? (
          <p className="adm-muted adm-small">{t('spend.noSpend')}</p>
        ) : (
          <table className="adm-table sla-reason-table" data-testid="spend-by-reason">
            <thead>
              <tr>
                <th>{t('spend.reason')}</th>
                <th className="adm-num">{t('spend.count')}</th>
                <th className="adm-num">{t('spend.value')}</th>
                <th className="adm-num">{t('spend.share')}</th>
              </tr>
            </thead>
            <tbody>
              {spend.byReason.map((r) => (
                <tr key={r.reasonCode}>
                  <td>{t(`voucher.reason.${r.reasonCode}`, { defaultValue: r.reasonCode })}</td>
                  <td className="adm-num">{formatNumber(r.count)}</td>
                  <td className="adm-num">{formatFen(r.valueFen)}</td>
                  <td className="adm-num">{spend.spentFen > 0 ? `${formatNumber(Math.round((r.valueFen / spend.spentFen) * 1000) / 10)}%` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
