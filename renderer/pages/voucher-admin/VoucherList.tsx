import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoucherView } from '../../../core/contract/views-cases';
import { VOUCHER_STATES, type VoucherState } from '../../../core/vouchers/policy';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { formatNumber, formatShortDateTime } from '../../format';
import { SlaErrorNotice } from '../sla-board/common';
import { StateBadge } from './format';
import { CustomerName, ReasonRow, TicketCell, useVoucherAction, useVoucherRows, ValueReasonCell } from './VoucherCells';
import { Button, ButtonRow, Card, EmptyState, Field, Pager, Select, Table } from '../../ui';

const PAGE = 50;

/**
 * Vouchers with a state filter and paging: every voucher for a supervisor, the signed-in agent's own
 * otherwise. Issued vouchers can be redeemed, or voided with a reason (by a supervisor or their issuer).
 */
export function VoucherList({ mine, reloadKey, onChanged }: { mine: boolean; reloadKey: number; onChanged: () => void }) {
  const { t } = useTranslation('sla');
  const me = useStore((s) => s.session?.currentUser);
  const [state, setState] = useState<'' | VoucherState>('');
  const [offset, setOffset] = useState(0);
  const data = useVoucherRows({ ...(state ? { state } : {}), mine, offset, limit: PAGE }, reloadKey);
  const { busy, run } = useVoucherAction(onChanged);
  const [voiding, setVoiding] = useState<string | null>(null);

  const redeem = (v: VoucherView) => run(v, () => call('vouchers.redeem', { id: v.id }), t('vouchers.redeemed', { code: v.code }));
  const voidIt = (v: VoucherView, reason: string) =>
    run(v, () => call('vouchers.void', { id: v.id, reason }), t('vouchers.voided', { code: v.code }), () => setVoiding(null));

  const canVoid = (v: VoucherView) => v.state === 'issued' && (me?.role === 'supervisor' || v.requestedBy === me?.id);
  const rows = data.state === 'ready' ? data.rows : [];
  const total = data.state === 'ready' ? data.total : 0;

  return (
    <Card
      title={mine ? t('vouchers.mineTitle') : t('vouchers.allTitle')}
      titleId="vouchers-title"
      intro={mine ? t('vouchers.mineIntro') : t('vouchers.allIntro')}
      actions={
        <Field label={t('vouchers.filterState')}>
          <Select
            value={state}
            data-testid="vouchers-state"
            onChange={(e) => {
              setState(e.target.value as '' | VoucherState);
              setOffset(0);
            }}
          >
            <option value="">{t('vouchers.allStates')}</option>
            {VOUCHER_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`voucher.state.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
      }
      data-testid="voucher-list"
    >
      {data.state === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {data.state === 'error' && <SlaErrorNotice error={data.error} />}
      {data.state === 'ready' && rows.length === 0 && (
        <EmptyState data-testid="vouchers-empty">
          {state ? t('vouchers.emptyState', { state: t(`voucher.state.${state}`) }) : mine ? t('vouchers.emptyMine') : t('vouchers.empty')}
        </EmptyState>
      )}
      {rows.length > 0 && (
        <Table className="sla-vouchers-table">
          <thead>
            <tr>
              <th>{t('voucher.colCode')}</th>
              <th>{t('voucher.colCustomer')}</th>
              <th>{t('voucher.colTicket')}</th>
              <th>{t('voucher.colValue')}</th>
              <th>{t('voucher.colState')}</th>
              {!mine && <th>{t('voucher.colRequester')}</th>}
              <th>{t('voucher.colDates')}</th>
              <th>{t('voucher.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <Fragment key={v.id}>
                <tr data-testid="voucher-row" data-id={v.id} data-code={v.code}>
                  <td className="mono nowrap">{v.code}</td>
                  <td>
                    <CustomerName v={v} />
                  </td>
                  <TicketCell v={v} />
                  <ValueReasonCell v={v} />
                  <td>
                    <StateBadge state={v.state} />
                    {v.stateReason && <div className="small muted sla-wrap">{v.stateReason}</div>}
                    {v.decidedByName && (
                      <div className="small muted">{t('vouchers.decidedBy', { name: v.decidedByName })}</div>
                    )}
                  </td>
                  {!mine && <td>{v.requestedByName ?? '—'}</td>}
                  <td className="small nowrap">
                    <div>{t('vouchers.requestedAt', { at: formatShortDateTime(v.requestedAt) })}</div>
                    <div className="muted">{t('vouchers.expiresAt', { at: formatShortDateTime(v.expiresAt) })}</div>
                  </td>
                  <td>
                    {v.state === 'issued' ? (
                      <ButtonRow actions>
                        <Button
                          size="small"
                          disabled={busy !== null}
                          data-testid="voucher-redeem"
                          onClick={() => void redeem(v)}
                        >
                          {t('vouchers.redeem')}
                        </Button>
                        {canVoid(v) && (
                          <Button
                            size="small"
                            className="sla-btn-danger"
                            disabled={busy !== null}
                            data-testid="voucher-void"
                            onClick={() => setVoiding(voiding === v.id ? null : v.id)}
                          >
                            {t('vouchers.void')}
                          </Button>
                        )}
                      </ButtonRow>
                    ) : (
                      <span className="muted small">—</span>
                    )}
                  </td>
                </tr>
                {voiding === v.id && (
                  <ReasonRow
                    colSpan={mine ? 7 : 8}
                    label={t('vouchers.voidReason', { code: v.code })}
                    confirm={t('vouchers.confirmVoid')}
                    busy={busy === v.id}
                    testId="void-form"
                    onSubmit={(reason) => void voidIt(v, reason)}
                    onCancel={() => setVoiding(null)}
                  />
                )}
              </Fragment>
            ))}
          </tbody>
        </Table>
      )}
      {total > 0 && (
        <Pager
          rangeTestId="vouchers-range"
          range={t('common.range', {
            from: formatNumber(Math.min(offset + 1, total)),
            to: formatNumber(Math.min(offset + rows.length, total)),
            total: formatNumber(total),
          })}
        >
          <Button size="small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('common.prev')}
          </Button>
          <Button size="small" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            {t('common.next')}
          </Button>
        </Pager>
      )}
    </Card>
  );
}
