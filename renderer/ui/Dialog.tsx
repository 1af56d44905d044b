import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/*
 * The one modal dialog of the design system: rendered into <body> over everything, role="dialog" with
 * aria-modal and a name from its title, and keyboard-safe:
 * - focus moves in when it opens (an element marked data-autofocus, else the first field, else the panel);
 * - Tab and Shift+Tab cycle inside it, and focus that lands outside (a click on the backdrop, a page
 *   element that grabbed it) is brought back: only the topmost open dialog does this;
 * - Esc closes it (unless busy, or an expanded combobox / a popup marked data-owns-escape has it first),
 *   before anything under it sees the key;
 * - on close, focus returns to the element that had it when the dialog opened (the opener), if it is
 *   still on the page.
 * Keys typed inside do not reach window listeners (a page's shortcuts must not fire from a dialog).
 * Styling is the caller's: class names for the layer, backdrop and panel are passed in.
 */

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
  '[contenteditable="true"]',
].join(',');
const FIRST_FIELD = '[data-autofocus], input:not([type=checkbox]):not([type=radio]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

/** Open dialogs, the topmost last: only it traps focus and answers Esc. */
const stack: HTMLElement[] = [];

export function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && (el.offsetParent !== null || el === document.activeElement));
}

export function Dialog({
  title,
  onClose,
  busy = false,
  layerClassName,
  backdropClassName,
  className,
  testId,
  header,
  children,
}: {
  /** The dialog's accessible name (shown by `header`, or read only by assistive technology). */
  title: string;
  onClose: () => void;
  /** While busy, Esc and the backdrop do not close it. */
  busy?: boolean;
  layerClassName?: string;
  backdropClassName?: string;
  className?: string;
  testId?: string;
  /** The visible head; receives the id its title element should carry (aria-labelledby). */
  header?: (titleId: string) => ReactNode;
  children: ReactNode;
}) {
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  const busyRef = useRef(busy);
  useEffect(() => {
    closeRef.current = onClose;
    busyRef.current = busy;
  });

  useEffect(() => {
    const el = panel.current!;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    stack.push(el);
    const top = () => stack[stack.length - 1] === el;
    (el.querySelector<HTMLElement>(FIRST_FIELD) ?? focusableIn(el)[0] ?? el).focus();

    const onKey = (e: KeyboardEvent) => {
      if (!top()) return;
      if (e.key === 'Tab') {
        const items = focusableIn(el);
        if (items.length === 0) {
          e.preventDefault();
          el.focus();
          return;
        }
        const first = items[0]!;
        const last = items[items.length - 1]!;
        const active = document.activeElement;
        if (e.shiftKey && (active === first || active === el || !el.contains(active))) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && (active === last || !el.contains(active))) {
          e.preventDefault();
          first.focus();
        }
        return;
      }
      if (e.key !== 'Escape' || busyRef.current) return;
      // An expanded combobox (a search list) or a popup that owns Esc (a date picker's calendar) closes
      // first; the next Esc closes the dialog.
      if (e.target instanceof HTMLElement && (e.target.getAttribute('aria-expanded') === 'true' || e.target.closest('[data-owns-escape]'))) return;
      e.stopPropagation();
      e.preventDefault();
      closeRef.current();
    };
    // Focus that leaves the topmost dialog (not to another dialog stacked over it) comes back in.
    const onFocusIn = (e: FocusEvent) => {
      if (!top() || !(e.target instanceof Node) || el.contains(e.target)) return;
      if (stack.some((d) => d !== el && d.contains(e.target as Node))) return;
      (focusableIn(el)[0] ?? el).focus();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocusIn);
      stack.splice(stack.indexOf(el), 1);
      // Back to the opener once this dialog is gone (a microtask: React removes the panel after cleanup).
      if (opener) queueMicrotask(() => opener.isConnected && !stack.some((d) => d.contains(document.activeElement)) && opener.focus());
    };
  }, []);

  return createPortal(
    <div className={layerClassName} onKeyDown={(e) => e.stopPropagation()}>
      <div className={backdropClassName} aria-hidden="true" onClick={() => !busyRef.current && closeRef.current()} />
      <div
        ref={panel}
        className={className}
        role="dialog"
        aria-modal="true"
        {...(header ? { 'aria-labelledby': titleId } : { 'aria-label': title })}
        tabIndex={-1}
        data-testid={testId}
      >
        {header?.(titleId)}
        {children}
      </div>
    </div>,
    document.body,
  );
}
