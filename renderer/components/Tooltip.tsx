import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useStore } from '../store';

/*
 * One floating tooltip for the whole app, rendered at the top level with fixed positioning, so it is
 * never clipped by the scrolling queue table. Triggers register content on hover/focus (the ui slice's
 * tip, showTip, hideTip).
 */

export function TooltipLayer() {
  const tip = useStore((s) => s.tip);
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    if (!tip || !ref.current) {
      setPos(null);
      return;
    }
    const box = ref.current.getBoundingClientRect();
    const margin = 8;
    let left = tip.rect.left;
    if (left + box.width > window.innerWidth - margin) left = window.innerWidth - margin - box.width;
    left = Math.max(margin, left);
    let top = tip.rect.bottom + 6;
    if (top + box.height > window.innerHeight - margin) top = tip.rect.top - 6 - box.height;
    setPos({ left, top: Math.max(margin, top) });
  }, [tip]);

  if (!tip) return null;
  return (
    <div
      ref={ref}
      className="tooltip"
      role="tooltip"
      data-testid="tooltip"
      style={{ left: pos?.left ?? -9999, top: pos?.top ?? -9999 }}
    >
      {tip.content}
    </div>
  );
}

export function Tip({ content, children, className }: { content: ReactNode; children: ReactNode; className?: string }) {
  const show = useStore((s) => s.showTip);
  const hide = useStore((s) => s.hideTip);
  const open = (el: HTMLElement) => show(content, el.getBoundingClientRect());
  return (
    <span
      className={className ? `tip-anchor ${className}` : 'tip-anchor'}
      onMouseEnter={(e) => open(e.currentTarget)}
      onMouseLeave={hide}
      onFocus={(e) => open(e.currentTarget)}
      onBlur={hide}
    >
      {children}
    </span>
  );
}

/** Hides any open tooltip (e.g. when the table scrolls under it). */
export const hideTooltip = () => useStore.getState().hideTip();
