import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, addMonths, clampIso, dayLabel, fromIso, monthGrid, monthTitle, parseDate, parseTime, todayIso, weekday, weekdayNames } from './dates';
import './ui.css';

/*
 * Date and time fields that follow the UI language (i18next), not the browser's: the same in a browser
 * and in Electron. A date is typed as 2026-12-07 (ISO, both languages) or picked in a calendar popup
 * whose month and weekday names are in the UI language; a time is typed in 24 hours (09:00) or picked
 * from a list. Both are fully usable with the keyboard, and typed text is checked with a clear message.
 */

interface DatePickerProps {
  /** 'yyyy-MM-dd' or ''. */
  value: string;
  /** Called with a valid ISO day, or '' when the field is cleared; text that is not a date is not passed on. */
  onChange: (value: string) => void;
  /** Days outside [min, max] cannot be picked in the calendar (a typed one is passed on for the form to judge). */
  min?: string;
  max?: string;
  testId?: string;
  id?: string;
  ariaLabel?: string;
  ariaInvalid?: boolean;
  disabled?: boolean;
  className?: string;
  onEnter?: () => void;
}

export function DatePicker({ value, onChange, min, max, testId, id, ariaLabel, ariaInvalid, disabled, className, onEnter }: DatePickerProps) {
  const { t, i18n } = useTranslation('ui');
  const [text, setText] = useState(value);
  const [problem, setProblem] = useState<'format' | 'no_such_day' | null>(null);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const messageId = useId();

  // A new value from outside (a preset, a reset) replaces what is shown unless it already means that day.
  useEffect(() => {
    setText((current) => {
      const parsed = parseDate(current);
      return parsed.ok && parsed.iso === value ? current : value;
    });
    setProblem(null);
  }, [value]);

  const typed = (next: string) => {
    setText(next);
    const parsed = parseDate(next);
    if (parsed.ok) {
      setProblem(null);
      if (parsed.iso !== value) onChange(parsed.iso);
    }
  };
  const check = () => {
    const parsed = parseDate(text);
    if (!parsed.ok) setProblem(parsed.problem);
    else if (parsed.iso !== text) setText(parsed.iso); // 2026/12/7 reads back as 2026-12-07
  };
  const close = (focus: 'input' | 'button' | null) => {
    setOpen(false);
    if (focus === 'input') input.current?.focus();
    if (focus === 'button') button.current?.focus();
  };

  return (
    <span className={`ui-date${className ? ` ${className}` : ''}`}>
      <span className="ui-date-field">
        <input
          ref={input}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          className="ui-date-input"
          id={id}
          value={text}
          placeholder={t('date.placeholder')}
          aria-label={ariaLabel}
          aria-invalid={problem !== null || ariaInvalid || undefined}
          aria-describedby={problem ? messageId : undefined}
          disabled={disabled}
          data-testid={testId}
          onChange={(e) => typed(e.target.value)}
          onBlur={check}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && e.altKey) {
              e.preventDefault();
              setOpen(true);
            } else if (e.key === 'Enter') {
              check();
              onEnter?.();
            }
          }}
        />
        <button
          ref={button}
          type="button"
          className="ui-date-button"
          aria-label={t('date.open')}
          aria-haspopup="dialog"
          aria-expanded={open}
          disabled={disabled}
          data-testid={testId ? `${testId}-calendar` : undefined}
          onClick={() => setOpen((o) => !o)}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path fill="none" stroke="currentColor" strokeWidth="1.4" d="M2.5 4h11v9.5h-11zM2.5 7h11M5.5 2.5v3M10.5 2.5v3" />
          </svg>
        </button>
      </span>
      {problem && (
        <span className="ui-field-problem" id={messageId} role="alert" data-testid={testId ? `${testId}-problem` : undefined}>
          {t(`date.${problem}`)}
        </span>
      )}
      {open && (
        <Calendar
          selected={parseDate(text).ok ? (parseDate(text) as { iso: string }).iso : value}
          min={min}
          max={max}
          locale={i18n.language}
          testId={testId ? `${testId}-popup` : undefined}
          onPick={(iso) => {
            setText(iso);
            setProblem(null);
            if (iso !== value) onChange(iso);
            close('input');
          }}
          onClose={close}
        />
      )}
    </span>
  );
}

function Calendar({
  selected,
  min,
  max,
  locale,
  testId,
  onPick,
  onClose,
}: {
  selected: string;
  min?: string;
  max?: string;
  locale: string;
  testId?: string;
  onPick: (iso: string) => void;
  onClose: (focus: 'input' | 'button' | null) => void;
}) {
  const { t } = useTranslation('ui');
  const [active, setActive] = useState(() => clampIso(fromIso(selected) ? selected : todayIso(), min, max));
  const root = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const { y, m } = fromIso(active)!;
  const weeks = monthGrid(y, m);
  const names = weekdayNames(locale);
  const today = todayIso();
  const allowed = (iso: string) => (!min || iso >= min) && (!max || iso <= max);

  // The active day holds the focus: opening the popup and every arrow key move it there.
  useEffect(() => {
    root.current?.querySelector<HTMLButtonElement>(`[data-day="${active}"]`)?.focus();
  }, [active]);

  // A click outside closes the popup without picking.
  useEffect(() => {
    const away = (e: PointerEvent) => {
      const host = root.current?.parentElement;
      if (host && !host.contains(e.target as Node)) onClose(null);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [onClose]);

  const move = (to: string) => setActive(clampIso(to, min, max));
  const onKey = (e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowLeft: () => move(addDays(active, -1)),
      ArrowRight: () => move(addDays(active, 1)),
      ArrowUp: () => move(addDays(active, -7)),
      ArrowDown: () => move(addDays(active, 7)),
      Home: () => move(addDays(active, 1 - weekday(active))),
      End: () => move(addDays(active, 7 - weekday(active))),
      PageUp: () => move(addMonths(active, e.shiftKey ? -12 : -1)),
      PageDown: () => move(addMonths(active, e.shiftKey ? 12 : 1)),
      Escape: () => onClose('button'),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    e.stopPropagation(); // Escape closes the popup, not the dialog around it
    action();
  };

  return (
    <div ref={root} className="ui-calendar" role="dialog" aria-modal="false" aria-labelledby={titleId} data-testid={testId} data-owns-escape onKeyDown={onKey}>
      <div className="ui-calendar-head">
        <button type="button" className="ui-calendar-nav" aria-label={t('date.prevMonth')} onClick={() => move(addMonths(active, -1))}>
          ‹
        </button>
        <span className="ui-calendar-title" id={titleId} aria-live="polite" data-testid={testId ? `${testId}-title` : undefined}>
          {monthTitle(y, m, locale)}
        </span>
        <button type="button" className="ui-calendar-nav" aria-label={t('date.nextMonth')} onClick={() => move(addMonths(active, 1))}>
          ›
        </button>
      </div>
      <table className="ui-calendar-grid" role="grid" aria-labelledby={titleId}>
        <thead>
          <tr>
            {names.map((n) => (
              <th key={n.long} scope="col" abbr={n.long}>
                {n.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((iso) => {
                const inMonth = fromIso(iso)!.m === m;
                const classes = ['ui-day', inMonth ? '' : 'outside', iso === selected ? 'selected' : '', iso === today ? 'today' : ''].filter(Boolean).join(' ');
                return (
                  <td key={iso} role="gridcell" aria-selected={iso === selected}>
                    <button
                      type="button"
                      className={classes}
                      data-day={iso}
                      tabIndex={iso === active ? 0 : -1}
                      disabled={!allowed(iso)}
                      aria-label={dayLabel(iso, locale)}
                      aria-current={iso === today ? 'date' : undefined}
                      onClick={() => onPick(iso)}
                    >
                      {fromIso(iso)!.d}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="ui-calendar-foot">
        <button type="button" className="ui-calendar-link" disabled={!allowed(today)} onClick={() => onPick(today)}>
          {t('date.today')}
        </button>
        <span className="ui-calendar-hint">{t('date.keys')}</span>
      </div>
    </div>
  );
}

interface TimePickerProps {
  /** 'HH:mm' (24-hour) as typed; the form checks it on save, the field says at once when it is not a time. */
  value: string;
  onChange: (value: string) => void;
  /** Minutes between the suggested times (the list under the field). */
  step?: number;
  testId?: string;
  id?: string;
  ariaLabel?: string;
  ariaInvalid?: boolean;
  disabled?: boolean;
}

/** A 24-hour time field ("09:00" in both languages) with a list of suggested times, never "09:00 AM". */
export function TimePicker({ value, onChange, step = 30, testId, id, ariaLabel, ariaInvalid, disabled }: TimePickerProps) {
  const { t } = useTranslation('ui');
  const [bad, setBad] = useState(false);
  const listId = useId();
  const messageId = useId();
  const options = Array.from({ length: Math.floor((24 * 60) / step) }, (_, i) => {
    const minutes = i * step;
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  });
  return (
    <span className="ui-date">
      <span className="ui-date-field">
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="ui-date-input ui-time-input"
          id={id}
          list={listId}
          value={value}
          placeholder={t('time.placeholder')}
          aria-label={ariaLabel}
          aria-invalid={bad || ariaInvalid || undefined}
          aria-describedby={bad ? messageId : undefined}
          disabled={disabled}
          data-testid={testId}
          onChange={(e) => {
            setBad(false);
            onChange(e.target.value);
          }}
          onBlur={() => {
            const parsed = parseTime(value);
            setBad(!parsed.ok);
            if (parsed.ok && parsed.value !== value) onChange(parsed.value); // 9:00 → 09:00
          }}
        />
      </span>
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      {bad && (
        <span className="ui-field-problem" id={messageId} role="alert" data-testid={testId ? `${testId}-problem` : undefined}>
          {t('time.format')}
        </span>
      )}
    </span>
  );
}
