import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import type { VoucherView } from '../../../core/contract/views-cases';
import { formatFen } from '../../../core/vouchers/describe';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { formatNumber, formatShortDateTime } from '../../format';
import { SlaErrorNotice, useSlaErrorLine } from '../sla-board/common';
import { ValueCell } from './format';
import { ReasonForm } from './ReasonForm';

const LIMIT = 200;

type Data = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; rows: VoucherView[]; total: number };

/**
 * Vouchers waiting for a supervisor. A supervisor's own request is listed (so nothing hides) but its
 * buttons are off: the approver must be a different person from the requester.
 */
export function ApprovalQueue({ reloadKey, onChanged }: { reloadKey: number; onChanged: () => void }) {
  const { t } = useTranslation('sla');
  const meId = useStore((s) => s.session?.currentUser?.id);
  const notify = useStore((s) => s.notify);
  const errorLine = useSlaErrorLine();
  const [data, setData] = useState<Data>({ state: 'loading' });
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('vouchers.list', { state: 'pending_approval', limit: LIMIT }).then((r) => {
      if (live) setData(r.ok ? { state: 'ready', rows: r.value.rows, total: r.value.total } : { state: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [reloadKey, meId]);

  async function approve(v: VoucherView) {
    setBusy(v.id);
    const r = await call('vouchers.approve', { id: v.id });
    setBusy(null);
    if (!r.ok) return notify('error', errorLine(r.error));
    notify('success', t('approvals.approved', { code: v.code, value: formatFen(v.valueFen) }));
    onChanged();
  }

  async function reject(v: VoucherView, reason: string) {
    setBusy(v.id);
    const r = await call('vouchers.reject', { id: v.id, reason });
    setBusy(null);
    if (!r.ok) return notify('error', errorLine(r.error));
    setRejecting(null);
    notify('success', t('approvals.rejected', { code: v.code }));
    onChanged();
  }

  const rows = data.state === 'ready' ? data.rows : [];
  return (
    <section className="adm-card" aria-labelledby="approvals-title" data-testid="approvals">
      <div className="adm-card-head">
        <div>
          <h3 id="approvals-title" className="adm-card-title">
            {t('approvals.title')}
            {data.state === 'ready' && <span className="sla-count">{formatNumber(data.total)}</span>}
          </h3>
          <p className="adm-muted adm-small">{t('approvals.intro')}</p>
        </div>
      </div>
      {data.state === 'loading' && <p className="adm-muted">{t('common.loading')}</p>}
      {data.state === 'error' && <SlaErrorNotice error={data.error} />}
      {data.state === 'ready' && rows.length === 0 && (
        <p className="sla-empty" data-testid="approvals-empty">
          {t('approvals.empty')}
        </p>
      )}
      {rows.length > 0 && (
        <div className="adm-table-wrap">
          <table className="adm-table sla-approvals-table">
            <thead>
              <tr>
                <th>{t('voucher.colCustomer')}</th>
                <th>{t('voucher.colTicket')}</th>
                <th>{t('voucher.colValue')}</th>
                <th>{t('voucher.colRequester')}</th>
                <th>{t('approvals.colWhy')}</th>
                <th>{t('voucher.colRequestedAt')}</th>
                <th>{t('voucher.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => {
                const mine = v.requestedBy === meId;
                return (
                  <Fragment key={v.id}>
                    <tr data-testid="approval-row" data-id={v.id} data-code={v.code}>
                      <td>
                        {v.customerName ?? <span className="adm-muted">{v.customerId.slice(0, 8)}</span>}
                        <div className="mono adm-small adm-muted">{v.code}</div>
                      </td>
                      <td className="sla-wrap">{v.ticketSubject ?? <span className="adm-muted">{t('voucher.noTicket')}</span>}</td>
                      <td>
                        <ValueCell v={v} />
                        <div className="adm-small adm-muted">{t(`voucher.reason.${v.reasonCode}`, { defaultValue: v.reasonCode })}</div>
                      </td>
                      <td>{v.requestedByName ?? '—'}</td>
                      <td className="sla-wrap">
                        {v.approvalReasons.length === 0
                          ? t('approvals.why.none')
                          : v.approvalReasons.map((reason) => (
                              <div key={reason}>{t(`approvals.why.${reason}`)}</div>
                            ))}
                        {v.note && <div className="adm-small adm-muted">“{v.note}”</div>}
                      </td>
                      <td className="adm-nowrap">{formatShortDateTime(v.requestedAt)}</td>
                      <td>
                        {mine ? (
                          <span className="sla-own-request" data-testid="approval-own">
                            {t('approvals.ownRequest')}
                          </span>
                        ) : (
                          <div className="adm-actions">
                            <button
                              type="button"
                              className="adm-btn adm-btn-primary adm-btn-small"
                              disabled={busy !== null}
                              data-testid="approval-approve"
                              onClick={() => void approve(v)}
                            >
                              {t('approvals.approve')}
                            </button>
                            <button
                              type="button"
                              className="adm-btn adm-btn-small"
                              disabled={busy !== null}
                              data-testid="approval-reject"
                              onClick={() => setRejecting(rejecting === v.id ? null : v.id)}
                            >
                              {t('approvals.reject')}
                            </button>
                          </div>
                        )}
                      </td>
                    </tr>
                    {rejecting === v.id && (
                      <tr className="sla-inline-row">
                        <td colSpan={7}>
                          <ReasonForm
                            label={t('approvals.rejectReason', { code: v.code })}
                            confirm={t('approvals.confirmReject')}
                            busy={busy === v.id}
                            testId="reject-form"
                            onSubmit={(reason) => void reject(v, reason)}
                            onCancel={() => setRejecting(null)}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {data.state === 'ready' && data.total > rows.length && (
        <p className="adm-muted adm-small">{t('approvals.more', { shown: formatNumber(rows.length), total: formatNumber(data.total) })}</p>
      )}
    </section>
  );
}
