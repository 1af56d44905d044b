import type { ComponentProps } from 'react';
import './button.css';

/*
 * The console's one button family (it replaces .btn, .adm-btn and .scr-btn, which drew the same thing
 * three times). type="button" unless asked otherwise: a button inside a form that submits by accident is
 * the commonest bug these pages had.
 */

/** 'ok': the one green action of a screen (start the call). */
export type ButtonVariant = 'primary' | 'secondary' | 'ok' | 'danger' | 'link' | 'ghost';
export type ButtonSize = 'normal' | 'small' | 'large';

/** The class list of a button, for the one thing that cannot be a <button>: a file input's <label>. */
export function buttonClass(variant: ButtonVariant = 'secondary', size: ButtonSize = 'normal', extra?: string): string {
  return ['ui-btn', `ui-btn-${variant}`, size !== 'normal' && `ui-btn-${size}`, extra].filter(Boolean).join(' ');
}

export type ButtonProps = ComponentProps<'button'> & { variant?: ButtonVariant; size?: ButtonSize };

export function Button({ variant, size, type = 'button', className, ...rest }: ButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...rest} />;
}

/**
 * Buttons side by side with the kit's gap (a table's row actions). `actions`: a form's or a card's own
 * row of actions (submit, cancel, a status word after them), wider apart and wrapping. `end`: pushed to the
 * far end of the row it sits in (a filter bar's buttons after its fields).
 */
export function ButtonRow({ actions = false, end = false, className, ...rest }: ComponentProps<'div'> & { actions?: boolean; end?: boolean }) {
  return <div className={['ui-btn-row', actions && 'ui-btn-row-actions', end && 'ui-btn-row-end', className].filter(Boolean).join(' ')} {...rest} />;
}

export type IconButtonProps = Omit<ComponentProps<'button'>, 'aria-label'> & {
  /** What the button does, in words: its accessible name and its tooltip (an icon alone says nothing). */
  label: string;
  /** Danger tints it on hover (remove, delete). */
  tone?: 'default' | 'danger';
  /** Framed like a button at rest (a column of move up / move down), not only on hover. */
  bordered?: boolean;
  /** 'large': a panel's or dialog's close ×, 32 px like the buttons beside it. */
  size?: 'normal' | 'large';
};

/** A small square button showing a glyph; the label is required so it is never nameless. */
export function IconButton({ label, tone = 'default', bordered = false, size = 'normal', type = 'button', title, className, children, ...rest }: IconButtonProps) {
  return (
    <button
      type={type}
      aria-label={label}
      title={title ?? label}
      className={['ui-iconbtn', tone === 'danger' && 'ui-iconbtn-danger', bordered && 'ui-iconbtn-bordered', size === 'large' && 'ui-iconbtn-large', className].filter(Boolean).join(' ')}
      {...rest}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}
