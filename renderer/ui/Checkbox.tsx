import { useId, type ComponentProps, type ReactNode } from 'react';
import './checkbox.css';

export type CheckboxProps = Omit<ComponentProps<'input'>, 'type' | 'children'> & {
  /** The words beside the box: its accessible name; clicking them ticks the box. */
  label: ReactNode;
  /** A line under the label, read as the box's description (not its name). */
  hint?: ReactNode;
  /** 'switch': an on/off toggle drawn as a track (a filter, a setting that applies at once); still a checkbox. */
  appearance?: 'box' | 'switch';
  /** Classes for the <label> around the box and its words (a chip look, a place in a toolbar). */
  className?: string;
};

/**
 * A labelled checkbox: a native <input type="checkbox"> (Space ticks it, the form and the screen reader
 * know it) drawn in the kit's look, inside its <label>. Every other prop (checked, onChange, disabled,
 * data-testid, aria-*) goes to the input. With a hint, the label's words alone name the box and the hint
 * describes it (after any aria-describedby of the caller's own).
 */
export function Checkbox({ label, hint, appearance = 'box', className, id, 'aria-describedby': describedBy, 'aria-labelledby': labelledBy, ...rest }: CheckboxProps) {
  const base = useId();
  const hasHint = hint !== undefined && hint !== null && hint !== false && hint !== '';
  const labelId = `${base}-label`;
  const hintId = `${base}-hint`;
  return (
    <label className={['ui-check', appearance === 'switch' && 'ui-check-switch', className].filter(Boolean).join(' ')}>
      <input
        type="checkbox"
        id={id}
        className="ui-check-box"
        aria-labelledby={labelledBy ?? (hasHint ? labelId : undefined)}
        aria-describedby={[describedBy, hasHint && hintId].filter(Boolean).join(' ') || undefined}
        {...rest}
      />
      <span className="ui-check-text">
        <span id={labelId} className="ui-check-label">
          {label}
        </span>
        {hasHint && (
          <span id={hintId} className="ui-check-hint">
            {hint}
          </span>
        )}
      </span>
    </label>
  );
}
