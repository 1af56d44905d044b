import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitPhones } from '../../core/rules/phone-text';
import { call } from '../api/client';
import { useStore } from '../store';
import { errorText } from '../store/workspace';
import '../styles/masked-text.css';
import { Button } from '../ui';

/**
 * Free text written by people (ticket descriptions and comments, callback and attempt notes) with every
 * phone number in it masked like the phone field (138****5678). "Reveal" goes through the same audited
 * path as the customer's phone (customers.revealPhone writes the audit entry), then shows the text as
 * written. Text that is not linked to a customer has nobody to audit the reveal against: it stays masked.
 */
export function MaskedText({ text, customerId }: { text: string; customerId: string | null }) {
  const { t } = useTranslation();
  const parts = useMemo(() => splitPhones(text), [text]);
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const notify = useStore((s) => s.notify);
  if (!parts.some((p) => p.phone)) return <>{text}</>;

  const reveal = async () => {
    if (!customerId || busy) return;
    setBusy(true);
    const r = await call('customers.revealPhone', { customerId });
    setBusy(false);
    if (r.ok) setShown(true);
    else notify('error', errorText(r.error));
  };

  return (
    <span className="masked-text" data-testid="masked-text" data-revealed={shown ? 'true' : 'false'}>
      {parts.map((p, i) =>
        p.phone ? (
          <span key={i} className="masked-phone mono" data-testid="text-phone" title={shown ? undefined : t('workspace.textPhoneMasked')}>
            {shown ? p.text : p.phone.masked}
          </span>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}{' '}
      {shown ? (
        <span className="reveal-note" data-testid="text-phone-note">
          {t('workspace.textPhoneShown')}
        </span>
      ) : customerId ? (
        <Button size="small" className="reveal-inline" data-testid="reveal-text-phone" disabled={busy} onClick={() => void reveal()}>
          {busy ? t('workspace.revealing') : t('workspace.reveal')}
        </Button>
      ) : (
        <span className="muted tiny" data-testid="text-phone-note">
          {t('workspace.textPhoneNoCustomer')}
        </span>
      )}
    </span>
  );
}
