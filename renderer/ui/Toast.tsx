import type { ReactNode } from 'react';
import './toast.css';

export type ToastKind = 'success' | 'error' | 'info';

/**
 * Where toasts appear: one polite live region, always on the page (a region added together with its text
 * is often not read), so a save, a sync result or a breach notice is announced when the agent pauses.
 */
export function ToastRegion({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="ui-toasts" aria-live="polite" aria-relevant="additions text" data-testid={testId}>
      {children}
    </div>
  );
}

/**
 * One notice. The kind is in a glyph as well as the colour; an error is an alert (read at once), the others
 * have no live role of their own, so the region reads them once.
 */
export function Toast({ kind, children, dismissLabel, onDismiss, testId }: { kind: ToastKind; children: ReactNode; dismissLabel: string; onDismiss(): void; testId?: string }) {
  return (
    <div className={`ui-toast ui-toast-${kind}`} role={kind === 'error' ? 'alert' : undefined} data-testid={testId} data-kind={kind}>
      <span className="ui-toast-icon" aria-hidden="true">
        {kind === 'success' ? '✓' : kind === 'error' ? '!' : 'i'}
      </span>
      <span className="ui-toast-text">{children}</span>
      <button type="button" className="ui-toast-close" aria-label={dismissLabel} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
