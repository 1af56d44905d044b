import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store';
import { AgentAllowance } from './voucher-admin/AgentAllowance';
import { ApprovalQueue } from './voucher-admin/ApprovalQueue';
import { SpendCard } from './voucher-admin/SpendCard';
import { VoucherList } from './voucher-admin/VoucherList';
import '../styles/sla.css';
import { Page, PageHeader } from '../ui';

const REFRESH_MS = 30_000;

/**
 * Compensation vouchers. Supervisors: the approval queue, this month's spend against the budget and
 * every voucher. Agents: their own vouchers and what they may still issue alone today. Vouchers are
 * requested from a ticket (Tickets page), not here.
 */
export default function VouchersPage() {
  const { t } = useTranslation('sla');
  const role = useStore((s) => s.session?.currentUser?.role);
  // One counter for the whole page: a decision changes the queue, the spend and the list together.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const supervisor = role === 'supervisor';
  // Pulled changes from the team server (the store's one invalidation signal): re-read everything.
  const pulled = useStore((s) => s.pulledVersion);
  useEffect(() => {
    if (pulled > 0) setVersion((v) => v + 1);
  }, [pulled]);

  // Requests arrive from other agents (and, later, other consoles): re-read now and then.
  useEffect(() => {
    const timer = setInterval(() => setVersion((v) => v + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  return (
    <Page data-testid="vouchers-page">
      <PageHeader title={t('vouchers.title')} intro={supervisor ? t('vouchers.introSupervisor') : t('vouchers.introAgent')} />
      {supervisor ? (
        <>
          <ApprovalQueue reloadKey={version} onChanged={changed} />
          <SpendCard reloadKey={version} />
          <VoucherList mine={false} reloadKey={version} onChanged={changed} />
        </>
      ) : (
        <>
          <AgentAllowance reloadKey={version} />
          <VoucherList mine reloadKey={version} onChanged={changed} />
        </>
      )}
    </Page>
  );
}
