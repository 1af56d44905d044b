import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useScript } from '../script/state';

/*
 * A dialog over everything (the call workspace included): rendered into <body>, Esc or the backdrop
 * closes it unless it is busy, and focus starts on the first field so the agent can type at once.
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
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const busyRef = useRef(busy);
  busyRef.current = busy;

  useEffect(() => {
    useScript.getState().setKeysActive(false);
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus], input:not([type=checkbox]):not([type=radio]), textarea, select');
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || busyRef.current) return;
      // An expanded combobox (the customer search) or an open popup that owns Esc (a date picker's calendar)
      // closes first; the next Esc closes the dialog.
      if (e.target instanceof HTMLElement && (e.target.getAttribute('aria-expanded') === 'true' || e.target.closest('[data-owns-escape]'))) return;
      // The dialog owns Esc while it is open: the call workspace under it must not see it.
      e.stopPropagation();
      e.preventDefault();
      closeRef.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  return createPortal(
    <div className="tk-modal-layer" onKeyDown={(e) => e.stopPropagation()}>
      <div className="tk-modal-backdrop" aria-hidden="true" onClick={() => !busy && onClose()} />
      <div ref={ref} className={wide ? 'tk-modal wide' : 'tk-modal'} role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <header className="tk-modal-head">
          <div>
            <h2>{title}</h2>
            {subtitle && <div className="tk-modal-sub">{subtitle}</div>}
          </div>
          <button type="button" className="btn btn-ghost icon" aria-label={t('common.close')} disabled={busy} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="tk-modal-body">{children}</div>
        <footer className="tk-modal-foot">{footer}</footer>
      </div>
    </div>,
    document.body,
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
          <button type="button" className="btn btn-secondary" disabled={busy} onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={danger ? 'btn btn-danger' : 'btn btn-primary'}
            data-testid="reason-confirm"
            disabled={!ready || busy}
            onClick={() => void submit()}
          >
            {busy ? t('common.working') : confirm}
          </button>
        </>
      }
    >
      <label className="tk-field">
        <span className="tk-label">
          {label}
          {!required && <span className="muted"> {t('common.optional')}</span>}
        </span>
        <textarea
          className="notes"
          rows={3}
          maxLength={500}
          value={reason}
          placeholder={placeholder}
          data-testid="reason-input"
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
          }}
        />
      </label>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="reason-error">
          <span>{error}</span>
        </div>
      )}
    </Modal>
  );
}
