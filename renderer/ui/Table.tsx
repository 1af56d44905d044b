import type { ComponentProps, ReactNode } from 'react';
import './table.css';

/**
 * A data table in its scroll container: wide tables scroll sideways inside their border instead of
 * widening the page. `scroll` also caps the height (long error lists) and makes the container a
 * focusable, named region so a keyboard user can scroll it. Cells with the class "ui-num" are right-aligned
 * figures; "ui-clip" cuts a long value to one line (its title holds the whole). A caption names the table
 * for a screen reader (visually hidden unless `showCaption`).
 */
export function Table({
  caption,
  showCaption = false,
  scroll = false,
  label,
  wrapClassName,
  wrapTestId,
  bare = false,
  className,
  children,
  ...rest
}: ComponentProps<'table'> & {
  caption?: ReactNode;
  showCaption?: boolean;
  scroll?: boolean;
  /** The scroll region's name (with `scroll`). */
  label?: string;
  wrapClassName?: string;
  wrapTestId?: string;
  /** No container: a small table inside a card section that draws its own frame. */
  bare?: boolean;
}) {
  const table = (
    <table className={['ui-table', className].filter(Boolean).join(' ')} {...rest}>
      {caption !== undefined && <caption className={showCaption ? 'ui-table-caption' : 'ui-visually-hidden'}>{caption}</caption>}
      {children}
    </table>
  );
  if (bare) return table;
  const region = scroll && label !== undefined ? { tabIndex: 0, role: 'region', 'aria-label': label } : {};
  return (
    <div className={['ui-table-wrap', scroll && 'ui-table-scroll', wrapClassName].filter(Boolean).join(' ')} data-testid={wrapTestId} {...region}>
      {table}
    </div>
  );
}

/**
 * Under a paged table: which rows are shown ("1–50 of 1,234") on the left, the page buttons (children)
 * on the right.
 */
export function Pager({ range, rangeTestId, className, children, ...rest }: ComponentProps<'div'> & { range: ReactNode; rangeTestId?: string }) {
  return (
    <div className={['ui-pager', className].filter(Boolean).join(' ')} {...rest}>
      <span className="ui-pager-range" data-testid={rangeTestId}>
        {range}
      </span>
      {children}
    </div>
  );
}
