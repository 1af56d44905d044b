import type { ReactNode } from 'react';
import './page.css';

/** A page's head: its title (an h2, as these pages always had), an optional intro line, actions on the right. */
export function PageHeader({ title, intro, actions, className }: { title: ReactNode; intro?: ReactNode; actions?: ReactNode; className?: string }) {
  return (
    <header className={['ui-page-head', className].filter(Boolean).join(' ')}>
      <div className="ui-page-heading">
        <h2 className="ui-page-title">{title}</h2>
        {intro !== undefined && <p className="ui-page-intro">{intro}</p>}
      </div>
      {actions}
    </header>
  );
}
