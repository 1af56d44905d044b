import { useTranslation } from 'react-i18next';
import { useStore } from '../store';

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useStore((s) => s.toasts);
  const dismiss = useStore((s) => s.dismissToast);
  return (
    // One polite live region, always on the page (a region added together with its text is often not
    // read): a save, a sync result, a breach notice are announced when the agent pauses. Errors are
    // alerts, read at once. Each toast has no live role of its own, so nothing is read twice.
    <div className="toasts" aria-live="polite" aria-relevant="additions text" data-testid="toasts">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast-${toast.kind}`}
          role={toast.kind === 'error' ? 'alert' : undefined}
          data-testid="toast"
          data-kind={toast.kind}
        >
          <span className="toast-icon" aria-hidden="true">
            {toast.kind === 'success' ? '✓' : toast.kind === 'error' ? '!' : 'i'}
          </span>
          <span className="toast-text">{toast.text}</span>
          <button type="button" className="toast-close" aria-label={t('common.dismiss')} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
