import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { useStore } from '../../store';
import { Button, Field, IconButton, TextArea } from '../../ui';

const REASON_MAX = 500;

/*
 * A dialog over everything (the call workspace included), on the design system's Dialog: Esc or the
 * backdrop closes it unless it is busy, focus starts on the first field so the agent can type at once,
 * Tab stays inside, and focus goes back to the button that opened it.
 * Keys typed in it stay in it: the call's shortcuts (1–8, Ctrl+Enter saves, N takes the next callback)
 * and the questionnaire's number keys must not fire from a dialog.
 */
export function Modal({
  title,
  subtitle,
  onClose,
  busy = false,
  wide = false,
  testId,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  onClose: () => void;
  busy?: boolean;
  wide?: boolean;
  testId?: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  const { t } = useTranslation('tickets');

  useEffect(() => {
    useStore.getState().script.setKeysActive(false);
  }, []);

  return (
    <Dialog
      title={title}
      onClose={onClose}
      busy={busy}
      layerClassName="tk-modal-layer"
      backdropClassName="tk-modal-backdrop"
      className={wide ? 'tk-modal wide' : 'tk-modal'}
      testId={testId}
      header={(titleId) => (
        <header className="tk-modal-head">
          <div>
            <h2 id={titleId}>{title}</h2>
            {subtitle && <div className="tk-modal-sub">{subtitle}</div>}
          </div>
          <IconButton size="large" label={t('common.close')} disabled={busy} onClick={onClose}>
            ×
          </IconButton>
        </header>
      )}
    >
      <div className="tk-modal-body">{children}</div>
      <footer className="tk-modal-foot">{footer}</footer>
    </Dialog>
  );
}

/** Asks for a reason (reject, void, reopen…) before an action; `required` keeps the button off until one is typed. */
export function ReasonDialog({
  title,
  subtitle,
  label,
  placeholder,
  confirm,
  danger = false,
  required = true,
  testId,
  error = null,
  onSubmit,
  onClose,
}: {
  title: string;
  subtitle?: ReactNode;
  label: string;
  /** The last failure, shown inside the dialog (the panel behind it is covered). */
  error?: string | null;
  placeholder?: string;
  confirm: string;
  danger?: boolean;
  required?: boolean;
  testId?: string;
  /** Resolves true when done (the dialog closes), false to stay open (the error is shown by the caller). */
  onSubmit: (reason: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation('tickets');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const ready = !required || reason.trim() !== '';
  const submit = async () => {
    if (!ready || busy) return;
    setBusy(true);
    const done = await onSubmit(reason.trim());
    setBusy(false);
    if (done) onClose();
  };
  return (
    <Modal
      title={title}
      subtitle={subtitle}
      onClose={onClose}
      busy={busy}
      testId={testId ?? 'reason-dialog'}
      footer={
        <>
          <Button disabled={busy} onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant={danger ? 'danger' : 'primary'} data-testid="reason-confirm" disabled={!ready || busy} onClick={() => void submit()}>
            {busy ? t('common.working') : confirm}
          </Button>
        </>
      }
    >
      <Field
        label={
          <>
            {label}
            {!required && <span className="muted"> {t('common.optional')}</span>}
          </>
        }
        limit={{ length: reason.length, max: REASON_MAX }}
      >
        <TextArea
          rows={3}
          maxLength={REASON_MAX}
          value={reason}
          placeholder={placeholder}
          data-testid="reason-input"
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
          }}
        />
      </Field>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="reason-error">
          <span>{error}</span>
        </div>
      )}
    </Modal>
  );
}
