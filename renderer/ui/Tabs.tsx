import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { nextTabIndex } from './tabs';
import './tabs.css';

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
  testId?: string;
  /** The id of the panel this tab shows (aria-controls). */
  panelId?: string;
}

/**
 * A tab list with a roving tabindex: one Tab stop (the selected tab), arrows move between tabs and select
 * them (automatic activation: switching is cheap here), aria-selected on the chosen one. A page with its
 * own tab look passes its class names; the selected tab also gets "active".
 */
export function Tabs<T extends string>({
  tabs,
  value,
  onChange,
  label,
  className = 'ui-tabs',
  tabClassName = 'ui-tab',
}: {
  /** T is taken from `value` (the state's own type), not widened by the list. */
  tabs: readonly TabItem<NoInfer<T>>[];
  value: T;
  onChange(id: T): void;
  /** The list's accessible name. */
  label?: string;
  className?: string;
  tabClassName?: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === value);
    const next = nextTabIndex(e.key, index < 0 ? 0 : index, tabs.length);
    if (next === null) return;
    e.preventDefault();
    onChange(tabs[next]!.id);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div ref={list} className={className} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const selected = tab.id === value;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={tab.panelId}
            tabIndex={selected ? 0 : -1}
            className={selected ? `${tabClassName} active` : tabClassName}
            data-testid={tab.testId}
            onClick={() => onChange(tab.id)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
