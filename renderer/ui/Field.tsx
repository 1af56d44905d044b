import { cloneElement, isValidElement, useId, type ComponentProps, type ReactElement, type ReactNode } from 'react';
import { TextCounter } from './TextCounter';
import './field.css';

/** The ids a field gives its control and the texts that describe it (pure, so it can be tested alone). */
export function fieldIds(base: string, parts: { hint: boolean; error: boolean; limit: boolean; suffix?: boolean; prefix?: boolean }, own?: string) {
  const hintId = parts.hint ? `${base}-hint` : undefined;
  const errorId = parts.error ? `${base}-error` : undefined;
  const counterId = parts.limit ? `${base}-count` : undefined;
  const suffixId = parts.suffix ? `${base}-unit` : undefined;
  const prefixId = parts.prefix ? `${base}-prefix` : undefined;
  // The unit right after the name ("Max attempts, times"; "Amount, ¥"), then the problem before the advice.
  const describedBy = [own, prefixId, suffixId, errorId, hintId, counterId].filter(Boolean).join(' ') || undefined;
  return { hintId, errorId, counterId, suffixId, prefixId, describedBy };
}

type ControlProps = { id?: string; 'aria-describedby'?: string; 'aria-invalid'?: unknown };

/**
 * A labelled control: label, the control (one element, passed as the child), a hint, an error and a
 * length counter. It wires them so nobody has to remember: the label's htmlFor names the control (its own
 * id if it has one), aria-describedby lists the error, hint and counter, and aria-invalid is set while
 * there is an error. The error is words under the field, not only a red border.
 */
export function Field({
  label,
  hint,
  hintTestId,
  error,
  errorRole,
  errorTestId,
  limit,
  suffix,
  prefix,
  className,
  children,
  ...rest
}: Omit<ComponentProps<'div'>, 'children' | 'prefix'> & {
  label: ReactNode;
  hint?: ReactNode;
  hintTestId?: string;
  /** Shown under the control; also marks it aria-invalid. */
  error?: ReactNode;
  /** 'alert' when the error appears after an action (a refused save) and must be read at once. */
  errorRole?: 'alert';
  errorTestId?: string;
  /** A live "123 / 2000" counter under a text box with a limit. */
  limit?: { length: number; max: number; testId?: string };
  /** A unit after the control ("minutes", "%"), read with it. */
  suffix?: ReactNode;
  /** A unit before the control (the "¥" of an amount), read with it. */
  prefix?: ReactNode;
  children: ReactElement<ControlProps>;
}) {
  const base = useId();
  const own = isValidElement(children) ? children.props : {};
  const controlId = own.id ?? `${base}-control`;
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  const hasSuffix = suffix !== undefined && suffix !== null;
  const hasPrefix = prefix !== undefined && prefix !== null;
  const ids = fieldIds(
    base,
    { hint: hint !== undefined && hint !== null, error: hasError, limit: limit !== undefined, suffix: hasSuffix, prefix: hasPrefix },
    own['aria-describedby'],
  );
  const control = cloneElement(children, {
    id: controlId,
    'aria-describedby': ids.describedBy,
    'aria-invalid': hasError ? true : own['aria-invalid'],
  });
  return (
    <div className={['ui-field', className].filter(Boolean).join(' ')} {...rest}>
      <label className="ui-field-label" htmlFor={controlId}>
        {label}
      </label>
      {hasSuffix || hasPrefix ? (
        <span className="ui-field-with-unit">
          {hasPrefix && (
            <span id={ids.prefixId} className="ui-field-unit">
              {prefix}
            </span>
          )}
          {control}
          {hasSuffix && (
            <span id={ids.suffixId} className="ui-field-unit">
              {suffix}
            </span>
          )}
        </span>
      ) : (
        control
      )}
      {hint !== undefined && hint !== null && (
        <span id={ids.hintId} className="ui-field-hint" data-testid={hintTestId}>
          {hint}
        </span>
      )}
      {hasError && (
        <span id={ids.errorId} className="ui-field-error" role={errorRole} data-testid={errorTestId}>
          {error}
        </span>
      )}
      {limit && <TextCounter id={ids.counterId} length={limit.length} max={limit.max} testId={limit.testId} />}
    </div>
  );
}

const MESSAGE_CLASS = { hint: 'ui-field-hint', note: 'ui-field-note', error: 'ui-field-error' } as const;

/**
 * A hint, a note or an error that belongs to a group of fields (a fieldset, a row), not to one control.
 * 'note' is a warning that does not block anything ("the customer will not be called again").
 */
export function FieldMessage({ tone, className, ...rest }: ComponentProps<'div'> & { tone: 'hint' | 'note' | 'error' }) {
  return <div className={[MESSAGE_CLASS[tone], className].filter(Boolean).join(' ')} {...rest} />;
}

/**
 * Fields side by side, wrapping on a narrow window. Bottom-aligned by default (controls line up even when
 * one label wraps); `top` when fields carry hints or errors of different heights, each then 260 px wide,
 * or as wide as its controls with `fit` (a dense row of small controls).
 */
export function FieldRow({ top = false, fit = false, className, ...rest }: ComponentProps<'div'> & { top?: boolean; fit?: boolean }) {
  return <div className={['ui-field-row', top && 'ui-field-row-top', fit && 'ui-field-row-fit', className].filter(Boolean).join(' ')} {...rest} />;
}

/**
 * One labelled value made of several controls side by side (hours and minutes; a kind and an amount):
 * a group named by its visible label. Each control keeps its own aria-label ("First response, hours");
 * `children` gets the ids to put in each control's aria-describedby and whether they are invalid.
 */
export function FieldCluster({
  label,
  error,
  note,
  className,
  children,
  ...rest
}: Omit<ComponentProps<'div'>, 'children'> & {
  label: ReactNode;
  error?: ReactNode;
  /** A warning that does not block saving, under the controls. */
  note?: ReactNode;
  children: (a11y: { 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}) {
  const base = useId();
  const hasError = error !== undefined && error !== null && error !== '' && error !== false;
  const hasNote = !hasError && note !== undefined && note !== null && note !== '' && note !== false;
  return (
    <div className={['ui-field', className].filter(Boolean).join(' ')} role="group" aria-labelledby={`${base}-label`} {...rest}>
      <span id={`${base}-label`} className="ui-field-label">
        {label}
      </span>
      <span className="ui-field-with-unit">
        {children({
          'aria-describedby': hasError ? `${base}-error` : hasNote ? `${base}-note` : undefined,
          'aria-invalid': hasError ? true : undefined,
        })}
      </span>
      {hasError && (
        <span id={`${base}-error`} className="ui-field-error">
          {error}
        </span>
      )}
      {hasNote && (
        <span id={`${base}-note`} className="ui-field-note">
          {note}
        </span>
      )}
    </div>
  );
}

/**
 * A labelled control that is not one element (a group of choice buttons, a search-and-pick box), in the
 * kit's label style. The visible label is the group's name: children get its id for `aria-labelledby`,
 * so the name is written once and read once.
 */
export function LabelledGroup({
  label,
  className,
  children,
  ...rest
}: Omit<ComponentProps<'div'>, 'children'> & { label: ReactNode; children: (labelId: string) => ReactNode }) {
  const labelId = `${useId()}-label`;
  return (
    <div className={['ui-field', className].filter(Boolean).join(' ')} {...rest}>
      <span id={labelId} className="ui-field-label">
        {label}
      </span>
      {children(labelId)}
    </div>
  );
}

/**
 * A titled block of related fields in a form (a settings group): the title, the fields, then the hint and
 * the error that belong to the block as a whole. Blocks in a FieldGroups are ruled off from each other.
 */
export function FieldGroup({
  title,
  hint,
  error,
  errorTestId,
  className,
  children,
  ...rest
}: Omit<ComponentProps<'div'>, 'title'> & { title?: ReactNode; hint?: ReactNode; error?: ReactNode; errorTestId?: string }) {
  return (
    <div className={['ui-field-group', className].filter(Boolean).join(' ')} {...rest}>
      {title !== undefined && title !== null && <div className="ui-field-group-title">{title}</div>}
      {children}
      {hint !== undefined && hint !== null && hint !== '' && <FieldMessage tone="hint">{hint}</FieldMessage>}
      {error !== undefined && error !== null && error !== '' && error !== false && (
        <FieldMessage tone="error" data-testid={errorTestId}>
          {error}
        </FieldMessage>
      )}
    </div>
  );
}

/** The title of a block of fields on its own (a group drawn by its page), in the FieldGroup's look. */
export function FieldGroupTitle({ className, ...rest }: ComponentProps<'div'>) {
  return <div className={['ui-field-group-title', className].filter(Boolean).join(' ')} {...rest} />;
}

/**
 * A form's fieldset without the browser's frame: FieldGroups one under another. Disabling it disables
 * every control inside (a read-only view, a save in progress), and the kit's controls show it.
 */
export function FieldGroups({ className, ...rest }: ComponentProps<'fieldset'>) {
  return <fieldset className={['ui-field-groups', className].filter(Boolean).join(' ')} {...rest} />;
}

/** A native select in the kit's look (keyboard and screen-reader behaviour stay the browser's). */
export function Select({ className, ...rest }: ComponentProps<'select'>) {
  return <select className={['ui-select', className].filter(Boolean).join(' ')} {...rest} />;
}
