import type { ComponentProps } from 'react';
import './page.css';

/**
 * A page's frame: the console's page width, centred, its padding and the vertical rhythm between the
 * page's blocks (head, cards, tables). It replaces the old kits' .adm-page and .scr-page wrappers.
 * Code spans inside a page read as code.
 */
export function Page({ className, ...rest }: ComponentProps<'div'>) {
  return <div className={['ui-page', className].filter(Boolean).join(' ')} {...rest} />;
}
