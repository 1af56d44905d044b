import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerHit } from '../../../core/contract/views';
import { call } from '../../api/client';
import '../../styles/customer-picker.css';
import { Button, TextInput } from '../../ui';

const DEBOUNCE_MS = 250;
const LIMIT = 8;

/** "5678", "138 0013 8000": the query is a phone fragment (only the last digits are searched). */
const isDigits = (q: string) => /^[\d\s\-()+]+$/.test(q);

/**
 * Finds the customer a ticket is about, by name or the last digits of the phone (customers.search; phones
 * masked). A combobox per WAI-ARIA: type to search, ↑/↓ move through the list, Enter picks, Esc closes
 * the list (a second Esc closes the dialog). The picked customer shows as a chip with a button to clear it.
 */
export function CustomerPicker({ value, onChange }: { value: CustomerHit | null; onChange: (c: CustomerHit | null) => void }) {
  const { t } = useTranslation('tickets');
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<CustomerHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [state, setState] = useState<'idle' | 'loading' | 'done' | 'short'>('idle');
  const seq = useRef(0);

  useEffect(() => {
    const q = query.trim();
    const mine = ++seq.current;
    if (q === '') {
      setHits([]);
      setState('idle');
      return;
    }
    if (isDigits(q) && q.replace(/\D/g, '').length < 4) {
      setHits([]);
      setState('short');
      return;
    }
    setState('loading');
    const timer = setTimeout(() => {
      void call('customers.search', { query: q, limit: LIMIT }).then((r) => {
        if (mine !== seq.current) return; // a later keystroke won
        setHits(r.ok ? r.value : []);
        setActive(r.ok && r.value.length > 0 ? 0 : -1);
        setState('done');
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const pick = (c: CustomerHit) => {
    onChange(c);
    setOpen(false);
    setQuery('');
  };

  if (value) {
    return (
      <div className="tk-customer-chip" data-testid="ticket-customer-picked" data-id={value.id}>
        <strong>{value.name}</strong>
        <span className="mono muted">{value.phoneMasked}</span>
        {value.city && <span className="muted">{value.city}</span>}
        <Button
          variant="ghost"
          size="small"
          data-testid="ticket-customer-clear"
          aria-label={t('create.customerClear', { name: value.name })}
          onClick={() => {
            onChange(null);
            setTimeout(() => inputRef.current?.focus(), 0);
          }}
        >
          ×
        </Button>
      </div>
    );
  }

  const expanded = open && query.trim() !== '' && state !== 'idle';
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (hits.length === 0 || !expanded) {
        // Reopening the list keeps the option that was active.
        setOpen(true);
        return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i < 0 ? 0 : (i + step + hits.length) % hits.length));
    } else if (e.key === 'Enter') {
      if (expanded && active >= 0 && hits[active]) {
        e.preventDefault();
        pick(hits[active]);
      }
    } else if (e.key === 'Escape' && expanded) {
      // The list owns this Esc (the dialog skips Esc from an expanded combobox).
      e.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className="tk-combo">
      <TextInput
        ref={inputRef}
        data-testid="ticket-customer-search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        value={query}
        placeholder={t('create.customerPlaceholder')}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {expanded && (
        <ul className="tk-combo-list" id={listId} role="listbox" aria-label={t('create.customer')} data-testid="ticket-customer-options" data-state={state}>
          {state === 'short' && <li className="tk-combo-note">{t('create.customerShort')}</li>}
          {state === 'loading' && hits.length === 0 && <li className="tk-combo-note">{t('common.loading')}</li>}
          {state === 'done' && hits.length === 0 && <li className="tk-combo-note">{t('create.customerNone')}</li>}
          {state !== 'short' &&
            hits.map((c, i) => (
              <li
                key={c.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'tk-combo-option active' : 'tk-combo-option'}
                data-testid="ticket-customer-option"
                data-id={c.id}
                // mousedown, not click: the input's blur would close the list first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(c);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <strong>{c.name}</strong>
                <span className="mono muted">{c.phoneMasked}</span>
                {c.city && <span className="muted">{c.city}</span>}
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
