import { useId, type ComponentProps, type ReactNode } from 'react';
import './field.css';
import './input.css';

/*
 * Text boxes in the kit's look. Put them inside a Field for the label, hint and error: the Field gives
 * them their id, aria-describedby and aria-invalid. They keep every native attribute and behaviour.
 */

function cls(base: string, extra?: string) {
  return [base, extra].filter(Boolean).join(' ');
}

type InputType = 'text' | 'search' | 'email' | 'tel' | 'url' | 'password' | 'time' | 'date' | 'month';

/**
 * A one-line text box (also the time, date and month inputs that have no picker of their own).
 * `figures` for figures typed freely (an amount with decimals, checked by the form rather than the
 * browser): as narrow as a NumberInput ('wide' for longer ones), with even-width digits.
 */
export function TextInput({
  type = 'text',
  figures,
  className,
  ...rest
}: Omit<ComponentProps<'input'>, 'type'> & { type?: InputType; figures?: 'normal' | 'wide' }) {
  const figureClass = figures && ['ui-input-number', figures === 'wide' && 'ui-input-wide'].filter(Boolean).join(' ');
  return <input type={type} className={cls(['ui-input', figureClass].filter(Boolean).join(' '), className)} {...rest} />;
}

/** A multi-line text box; it grows by dragging its corner downwards only. */
export function TextArea({ className, ...rest }: ComponentProps<'textarea'>) {
  return <textarea className={cls('ui-input ui-textarea', className)} {...rest} />;
}

/**
 * A number box, narrow (figures, not sentences), optionally with a unit after it ("minutes", "¥"). The
 * unit is read with the box: its id is added to the box's aria-describedby (after the Field's own list).
 * `width="wide"` for numbers longer than four figures.
 */
export function NumberInput({
  unit,
  width = 'normal',
  className,
  'aria-describedby': describedBy,
  ...rest
}: Omit<ComponentProps<'input'>, 'type'> & { unit?: ReactNode; width?: 'normal' | 'wide' }) {
  const unitId = useId();
  const hasUnit = unit !== undefined && unit !== null && unit !== '';
  const input = (
    <input
      type="number"
      className={cls(['ui-input ui-input-number', width === 'wide' && 'ui-input-wide'].filter(Boolean).join(' '), className)}
      aria-describedby={[describedBy, hasUnit && unitId].filter(Boolean).join(' ') || undefined}
      {...rest}
    />
  );
  if (!hasUnit) return input;
  return (
    <span className="ui-field-with-unit">
      {input}
      <span id={unitId} className="ui-field-unit">
        {unit}
      </span>
    </span>
  );
}
