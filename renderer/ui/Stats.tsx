import type { ComponentProps, ReactNode } from 'react';
import './stats.css';

/** Key figures side by side, as tiles (a description list: each figure's name, then the figure). */
export function Stats({ className, ...rest }: ComponentProps<'dl'>) {
  return <dl className={['ui-stats', className].filter(Boolean).join(' ')} {...rest} />;
}

/**
 * One figure of a Stats list. The tone tints a figure that is good, worth a look or bad; the words of the
 * label still say what it is. `valueTestId` names the figure itself (the tile takes data-testid).
 */
export function Stat({
  label,
  value,
  tone,
  valueTestId,
  className,
  ...rest
}: Omit<ComponentProps<'div'>, 'children'> & { label: ReactNode; value: ReactNode; tone?: 'ok' | 'warn' | 'bad'; valueTestId?: string }) {
  return (
    <div className={['ui-stat', tone && `ui-stat-${tone}`, className].filter(Boolean).join(' ')} {...rest}>
      <dt>{label}</dt>
      <dd data-testid={valueTestId}>{value}</dd>
    </div>
  );
}
