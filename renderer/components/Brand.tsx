import type { ReactNode } from 'react';

/** The console's mark (a handset): small on the top bar, big on the sign-in and first-run cards. */
export function BrandMark({ big = false }: { big?: boolean }) {
  const size = big ? 26 : 18;
  return (
    <span className={big ? 'brand-mark big' : 'brand-mark'} aria-hidden="true">
      <svg viewBox="0 0 24 24" width={size} height={size}>
        <path
          fill="currentColor"
          d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z"
        />
      </svg>
    </span>
  );
}

/** The head of a card shown before the console opens (first run, joining a team, sign-in). */
export function BrandHeading({ title, intro }: { title: ReactNode; intro: ReactNode }) {
  return (
    <div className="firstrun-brand">
      <BrandMark big />
      <div>
        <h1>{title}</h1>
        <p className="muted">{intro}</p>
      </div>
    </div>
  );
}
