import { createElement, useId, type ComponentProps, type ReactNode } from 'react';
import './surfaces.css';

type Heading = 'h2' | 'h3' | 'h4';

/**
 * A bordered section of a page. With a title it is a named region (aria-labelledby its heading), the
 * heading at the level the page's outline needs (h3 under a page's h2 by default), an optional intro line
 * under it and actions on the right of the head. `as="form"` when the whole card is one form (a settings
 * section): then it is a named form.
 */
export function Card({
  as = 'section',
  noValidate,
  title,
  titleId,
  titleClassName,
  level = 'h3',
  intro,
  actions,
  className,
  children,
  ...rest
}: Omit<ComponentProps<'section'>, 'title'> & {
  as?: 'section' | 'form';
  /** With as="form": the form checks its own fields (the browser's bubbles are not localised). */
  noValidate?: boolean;
  title?: ReactNode;
  /** The heading's id when others point at it (tests, aria-controls); generated otherwise. */
  titleId?: string;
  titleClassName?: string;
  level?: Heading;
  intro?: ReactNode;
  actions?: ReactNode;
}) {
  const generated = useId();
  const headingId = titleId ?? generated;
  const H = level;
  const named = title !== undefined && rest['aria-label'] === undefined;
  const Tag = as;
  return (
    <Tag
      className={['ui-card', className].filter(Boolean).join(' ')}
      aria-labelledby={named ? headingId : undefined}
      {...(as === 'form' ? { noValidate } : {})}
      {...(rest as ComponentProps<'form'>)}
    >
      {(title !== undefined || actions !== undefined) && (
        <div className="ui-card-head">
          <div className="ui-card-heading">
            {title !== undefined && (
              <H id={headingId} className={['ui-card-title', titleClassName].filter(Boolean).join(' ')}>
                {title}
              </H>
            )}
            {intro !== undefined && <p className="ui-card-intro">{intro}</p>}
          </div>
          {actions}
        </div>
      )}
      {children}
    </Tag>
  );
}

export type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'muted';

/** The English detail under an alert's message (a back-end error's own words): smaller, wrapping anywhere. */
export function AlertDetail({ className, ...rest }: ComponentProps<'div'>) {
  return <div className={['ui-alert-detail', className].filter(Boolean).join(' ')} {...rest} />;
}

/** What to do about an alert's problem, in the page's text colour (the message above is in the alert's). */
export function AlertAdvice({ className, ...rest }: ComponentProps<'p'>) {
  return <p className={['ui-alert-advice', className].filter(Boolean).join(' ')} {...rest} />;
}

/** The class of words in a state's colour, for an element that is not a ToneText (a table cell). */
export function toneTextClass(tone: 'ok' | 'warn' | 'danger'): string {
  return `ui-text-${tone}`;
}

/**
 * A few words in a state's colour inside ordinary text ("unsaved changes", "all rows are fine"). The words
 * say the state; the colour only marks it.
 */
export function ToneText({
  tone,
  as: Tag = 'span',
  className,
  ...rest
}: Omit<ComponentProps<'span'>, 'ref'> & { tone: 'ok' | 'warn' | 'danger'; as?: 'span' | 'p' | 'div' | 'li' }) {
  return createElement(Tag, { className: [toneTextClass(tone), className].filter(Boolean).join(' '), ...rest });
}

/**
 * A message box inside a page: error, warning or information. The role is the caller's: 'alert' for a
 * failure the agent just caused, 'status' for a result, 'note' for standing advice.
 */
export function Alert({ tone, className, ...rest }: ComponentProps<'div'> & { tone: 'danger' | 'warn' | 'info' }) {
  return <div className={['ui-alert', `ui-alert-${tone}`, className].filter(Boolean).join(' ')} {...rest} />;
}

/** What a list shows when there is nothing in it: a sentence, and optionally what to do about it. */
export function EmptyState({ children, action, className, ...rest }: ComponentProps<'div'> & { action?: ReactNode }) {
  return (
    <div className={['ui-empty', className].filter(Boolean).join(' ')} {...rest}>
      <p className="ui-empty-text">{children}</p>
      {action}
    </div>
  );
}

/**
 * A short state word in a pill. The words carry the meaning (a colour-blind agent reads "at risk" vs
 * "on time"); the tone only tints it, and every tone meets 4.5:1 on its own tint.
 */
export function Badge({ tone = 'muted', strong = false, className, ...rest }: ComponentProps<'span'> & { tone?: Tone; strong?: boolean }) {
  return <span className={['ui-badge', `ui-badge-${tone}`, strong && 'ui-badge-strong', className].filter(Boolean).join(' ')} {...rest} />;
}
