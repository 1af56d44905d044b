import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoucherView } from '../../../core/contract/views-cases';
import { beijingDayStart } from '../../../core/vouchers/policy';
import { formatFen } from '../../../core/vouchers/describe';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { now } from '../../format';
import { useCaseSettings } from '../sla-board/common';
import { Card, Stat, Stats, ToneText } from '../../ui';

const DAY_MS = 86_400_000;
/** The most of the agent's own vouchers read to sum today's; one agent issues far fewer in a day. */
const SCAN = 500;

/**
 * What the signed-in agent may still issue alone today. The back end's figure needs a customer
 * (vouchers.quote), so this page sums the same thing it does: the agent's vouchers issued today without
 * an approver, still issued or redeemed (a voided one gives its value back).
 */
function usedToday(rows: VoucherView[], at: number): number {
  const day = beijingDayStart(at);
  return rows
    .filter((v) => v.decidedBy === null && v.issuedAt !== null && v.issuedAt >= day && v.issuedAt < day + DAY_MS)
    .filter((v) => v.state === 'issued' || v.state === 'redeemed' || v.state === 'expired')
    .reduce((sum, v) => sum + v.valueFen, 0);
}

export function AgentAllowance({ reloadKey }: { reloadKey: number }) {
  const { t } = useTranslation('sla');
  const meId = useStore((s) => s.session?.currentUser?.id);
  const settings = useCaseSettings(reloadKey);
  const [used, setUsed] = useState<number | null>(null);
  const [partial, setPartial] = useState(false);

  useEffect(() => {
    let live = true;
    void call('vouchers.list', { mine: true, limit: SCAN }).then((r) => {
      if (!live || !r.ok) return;
      setUsed(usedToday(r.value.rows, now()));
      setPartial(r.value.total > r.value.rows.length);
    });
    return () => {
      live = false;
    };
  }, [reloadKey, meId]);

  if (!settings) return null;
  const remaining = used === null ? null : Math.max(0, settings.agentDailyLimitFen - used);
  return (
    <Card title={t('allowance.title')} titleId="allowance-title" intro={t('allowance.intro')} data-testid="allowance">
      <Stats>
        <Stat label={t('allowance.perVoucher')} value={formatFen(settings.agentVoucherLimitFen)} />
        <Stat label={t('allowance.daily')} value={formatFen(settings.agentDailyLimitFen)} />
        <Stat label={t('allowance.usedToday')} value={used === null ? '—' : formatFen(used)} valueTestId="allowance-used" />
        <Stat
          label={t('allowance.remaining')}
          value={remaining === null ? '—' : formatFen(remaining)}
          tone={remaining === 0 ? 'bad' : 'ok'}
          valueTestId="allowance-remaining"
        />
      </Stats>
      <p className="muted small">{t('allowance.rule')}</p>
      {partial && (
        <ToneText as="p" tone="warn" className="small">
          {t('allowance.partial', { n: SCAN })}
        </ToneText>
      )}
    </Card>
  );
}
