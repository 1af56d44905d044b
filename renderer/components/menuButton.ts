import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useDismiss } from './useDismiss';

/** The items of an open menu (role="menuitem"), in order. */
export function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
}

/**
 * The menu button pattern's keys inside an open menu (WAI-ARIA APG), shared by the top bar's menus: the
 * arrows move between items and wrap, Home/End jump, Esc closes back to the button, Tab closes and moves on.
 */
export function onMenuKeyDown(e: KeyboardEvent, menu: HTMLElement | null, close: (refocus: boolean) => void): void {
  const all = menuItems(menu);
  const at = all.indexOf(document.activeElement as HTMLElement);
  const go = (i: number) => {
    e.preventDefault();
    all[(i + all.length) % all.length]?.focus();
  };
  if (e.key === 'ArrowDown') go(at + 1);
  else if (e.key === 'ArrowUp') go(at - 1);
  else if (e.key === 'Home') go(0);
  else if (e.key === 'End') go(all.length - 1);
  else if (e.key === 'Escape') {
    e.preventDefault();
    e.stopPropagation();
    close(true);
  } else if (e.key === 'Tab') close(false);
}

/**
 * The state and wiring of a menu button (WAI-ARIA APG) of the top bar: a click outside closes it; opening
 * by Enter, Space, ↓ or a click focuses the first item, by ↑ the last; `beforeOpen` runs first (to place
 * the menu). Spread `buttonProps` on the button and `menuProps` on the role="menu" list.
 */
export function useMenuButton(menuId: string, beforeOpen?: (button: HTMLButtonElement | null) => void) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const focusOnOpen = useRef<'first' | 'last' | null>(null);

  useDismiss(ref, open, useCallback(() => setOpen(false), []));

  useEffect(() => {
    if (!open || !focusOnOpen.current) return;
    const all = menuItems(menuRef.current);
    (focusOnOpen.current === 'last' ? all[all.length - 1] : all[0])?.focus();
    focusOnOpen.current = null;
  }, [open]);

  const openWith = (which: 'first' | 'last') => {
    beforeOpen?.(buttonRef.current);
    focusOnOpen.current = which;
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  return {
    open,
    close,
    ref,
    buttonProps: {
      ref: buttonRef,
      'aria-haspopup': 'menu' as const,
      'aria-expanded': open,
      'aria-controls': open ? menuId : undefined,
      onClick: () => (open ? setOpen(false) : openWith('first')),
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          openWith(e.key === 'ArrowUp' ? 'last' : 'first');
        }
      },
    },
    menuProps: {
      id: menuId,
      role: 'menu' as const,
      ref: menuRef,
      onKeyDown: (e: KeyboardEvent) => onMenuKeyDown(e, menuRef.current, close),
    },
  };
}
