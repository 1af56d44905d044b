import type { KeyboardEvent } from 'react';

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
