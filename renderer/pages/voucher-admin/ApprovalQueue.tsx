import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoucherView } from '../../../core/contract/views-cases';
import { formatFen } from '../../../core/vouchers/describe';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { formatNumber, formatShortDateTime } from '../../format';
import { SlaErrorNotice } from '../sla-board/common';
import { CustomerName, ReasonRow, TicketCell, useVoucherAction, useVoucherRows, ValueReasonCell } from './VoucherCells';
import { Button, ButtonRow, Card, EmptyState, Table } from '../../ui';

const LIMIT = 200;

/**
 * Vouchers waiting for a supervisor. A supervisor's own request is listed (so nothing hides) but its
 * buttons are off: the approver must be a different person from the requester.
 */
export function ApprovalQueue({ reloadKey, onChanged }: { reloadKey: number; onChanged: () => void }) {
  const { t } = useTranslation('sla');
  const meId = useStore((s) => s.session?.currentUser?.id);
  const data = useVoucherRows({ state: 'pending_approval', limit: LIMIT }, reloadKey);
  const { busy, run } = useVoucherAction(onChanged);
  const [rejecting, setRejecting] = useState<string | null>(null);

  const approve = (v: VoucherView) =>
    run(v, () => call('vouchers.approve', { id: v.id }), t('approvals.approved', { code: v.code, value: formatFen(v.valueFen) }));
  const reject = (v: VoucherView, reason: string) =>
    run(v, () => call('vouchers.reject', { id: v.id, reason }), t('approvals.rejected', { code: v.code }), () => setRejecting(null));

  const rows = data.state === 'ready' ? data.rows : [];
  return (
    <Card
      title={<>{t('approvals.title')}{data.state === 'ready' && <span className="sla-count">{formatNumber(data.total)}</span>}</>}
      titleId="approvals-title"
      intro={t('approvals.intro')}
      data-testid="approvals"
    >
      {data.state === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {data.state === 'error' && <SlaErrorNotice error={data.error} />}
      {data.state === 'ready' && rows.length === 0 && (
        <EmptyState data-testid="approvals-empty">
          {t('approvals.empty')}
        </EmptyState>
      )}
      {rows.length > 0 && (
        <Table className="sla-approvals-table">
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
                      <CustomerName v={v} />
                      <div className="mono small muted">{v.code}</div>
                    </td>
                    <TicketCell v={v} />
                    <ValueReasonCell v={v} />
                    <td>{v.requestedByName ?? '—'}</td>
                    <td className="sla-wrap">
                      {v.approvalReasons.length === 0
                        ? t('approvals.why.none')
                        : v.approvalReasons.map((reason) => (
                            <div key={reason}>{t(`approvals.why.${reason}`)}</div>
                          ))}
                      {v.note && <div className="small muted">“{v.note}”</div>}
                    </td>
                    <td className="nowrap">{formatShortDateTime(v.requestedAt)}</td>
                    <td>
                      {mine ? (
                        <span className="sla-own-request" data-testid="approval-own">
                          {t('approvals.ownRequest')}
                        </span>
                      ) : (
                        <ButtonRow actions>
                          <Button
                            variant="primary"
                            size="small"
                            disabled={busy !== null}
                            data-testid="approval-approve"
                            onClick={() => void approve(v)}
                          >
                            {t('approvals.approve')}
                          </Button>
                          <Button
                            size="small"
                            disabled={busy !== null}
                            data-testid="approval-reject"
                            onClick={() => setRejecting(rejecting === v.id ? null : v.id)}
                          >
                            {t('approvals.reject')}
                          </Button>
                        </ButtonRow>
                      )}
                    </td>
                  </tr>
                  {rejecting === v.id && (
                    <ReasonRow
                      colSpan={7}
                      label={t('approvals.rejectReason', { code: v.code })}
                      confirm={t('approvals.confirmReject')}
                      busy={busy === v.id}
                      testId="reject-form"
                      onSubmit={(reason) => void reject(v, reason)}
                      onCancel={() => setRejecting(null)}
                    />
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </Table>
      )}
      {data.state === 'ready' && data.total > rows.length && (
        <p className="muted small">{t('approvals.more', { shown: formatNumber(rows.length), total: formatNumber(data.total) })}</p>
      )}
    </Card>
  );
}
