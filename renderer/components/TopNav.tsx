import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../store';
import { fitTabs } from './navFit';
import { useMenuButton } from './menuButton';

interface Measure {
  tabs: number[];
  more: number;
  gap: number;
  available: number;
}

/**
 * The page tabs of the top bar. Eleven tabs, the sync status, the clock and the user do not fit at every
 * width and in every language, and a tab scrolled out of sight is a page nobody finds: the tabs that do not
 * fit go under a "More" menu button at the end of the row, the page you are on always stays in the bar.
 * The tabs are measured (all drawn once, before paint) whenever the language, the tabs or the bar's width
 * change; the widths then decide what stays.
 */
export function TopNav({ pages, page, onPick }: { pages: readonly Page[]; page: Page; onPick(p: Page): void }) {
  const { t, i18n } = useTranslation();
  const navRef = useRef<HTMLElement>(null);
  const key = `${i18n.language}|${pages.join(',')}`;
  const [measure, setMeasure] = useState<(Measure & { key: string }) | null>(null);
  const measuring = measure === null || measure.key !== key;
  // A tab picked from the More menu takes focus in the bar once it is there.
  const focusTab = useRef<Page | null>(null);

  useLayoutEffect(() => {
    const nav = navRef.current;
    if (!measuring || !nav) return;
    const width = (el: Element | null) => el?.getBoundingClientRect().width ?? 0;
    setMeasure({
      key,
      tabs: pages.map((p) => width(nav.querySelector(`[data-nav-page="${p}"]`))),
      more: width(nav.querySelector('.nav-more')),
      gap: parseFloat(getComputedStyle(nav).columnGap) || 0,
      available: nav.clientWidth,
    });
  }, [measuring, key, pages]);

  // The bar's width changes with the window and with what sits beside the tabs (the sync status's words);
  // the tabs' own padding changes with the window too: measure again.
  useEffect(() => {
    const nav = navRef.current;
    if (!nav) return;
    let last = nav.clientWidth;
    const remeasure = () => setMeasure(null);
    const observer = new ResizeObserver(() => {
      if (nav.clientWidth !== last) {
        last = nav.clientWidth;
        remeasure();
      }
    });
    observer.observe(nav);
    void document.fonts?.ready.then(remeasure);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (focusTab.current !== page) return;
    focusTab.current = null;
    navRef.current?.querySelector<HTMLElement>(`[data-nav-page="${page}"]`)?.focus();
  }, [page, measure]);

  const fit = measure === null || measuring ? null : fitTabs(measure.tabs, measure.available, measure.more, measure.gap, pages.indexOf(page));
  const shown = fit ? fit.shown.map((i) => pages[i]!) : pages;
  const hidden = fit ? fit.hidden.map((i) => pages[i]!) : [];

  return (
    <nav className={measuring ? 'nav nav-measuring' : 'nav'} aria-label="main" ref={navRef}>
      {shown.map((p) => (
        <button
          key={p}
          type="button"
          className={p === page ? 'nav-tab active' : 'nav-tab'}
          aria-current={p === page ? 'page' : undefined}
          data-testid={`nav-${p}`}
          data-nav-page={p}
          onClick={() => onPick(p)}
        >
          {t(`nav.${p}`)}
        </button>
      ))}
      {(measuring || hidden.length > 0) && (
        <MoreMenu
          pages={hidden}
          onPick={(p) => {
            focusTab.current = p;
            onPick(p);
          }}
        />
      )}
    </nav>
  );
}

/** "More ▾": a menu button (WAI-ARIA APG) listing the tabs that did not fit, as menu items with their tabs' test ids. */
function MoreMenu({ pages, onPick }: { pages: readonly Page[]; onPick(p: Page): void }) {
  const { t } = useTranslation();
  const [place, setPlace] = useState<CSSProperties>({});
  // The tabs clip what overflows them: the menu is placed on the window, under its button.
  const menu = useMenuButton('nav-more-menu', (button) => {
    const r = button?.getBoundingClientRect();
    if (r) setPlace({ top: r.bottom, left: Math.min(r.left, window.innerWidth - 200) });
  });

  return (
    <div className="nav-more-wrap" ref={menu.ref}>
      <button type="button" className="nav-tab nav-more" data-testid="nav-more" {...menu.buttonProps}>
        {t('nav.more')}
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {menu.open && (
        <ul className="menu nav-menu" aria-label={t('nav.more')} style={place} {...menu.menuProps}>
          {pages.map((p) => (
            <li key={p} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item"
                data-testid={`nav-${p}`}
                onClick={() => {
                  menu.close(false);
                  onPick(p);
                }}
              >
                <span className="menu-item-name">{t(`nav.${p}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
