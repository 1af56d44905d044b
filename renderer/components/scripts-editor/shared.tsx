import { useEffect, useRef, useState, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACEHOLDERS } from '../../../core/questionnaire/model';
import type { ApiError } from '../../../core/contract/result';
import type { Reason } from '../../../core/domain/model';
import { useStore } from '../../store';
import { apiErrorText } from '../../i18n/apiError';
import { Alert, Badge as KitBadge, Button, TextArea, type Tone } from '../../ui';
import { saveBlob } from '../../csv';
import './scripts-editor.css';

/** Translates a back-end error into one line in the UI language (never the back end's English message). */
export function useErrorLine(): (error: ApiError) => string {
  useTranslation('apiErrors'); // re-render on a language change
  return (error) => apiErrorText(error);
}

/**
 * Handles a failed call the same way everywhere: a toast, and when the failure says our idea of who is
 * signed in is stale (another window switched user), the session is re-read so the page re-renders
 * read-only.
 */
export function useFailure(): (error: ApiError) => void {
  const line = useErrorLine();
  const notify = useStore((s) => s.notify);
  const refreshSession = useStore((s) => s.refreshSession);
  return (error) => {
    notify('error', line(error));
    if (error.code === 'FORBIDDEN') void refreshSession();
  };
}

export function useCanEdit(): boolean {
  return useStore((s) => s.session?.currentUser?.role) === 'supervisor';
}

/** Saves text as a UTF-8 JSON file. */
export function downloadJson(fileName: string, json: string): void {
  saveBlob(fileName, new Blob([json], { type: 'application/json;charset=utf-8' }));
}

export function PurposeTag({ purpose, className }: { purpose: Reason; className?: string }) {
  const { t } = useTranslation();
  return <span className={['tag reason', `reason-${purpose}`, className].filter(Boolean).join(' ')}>{t(`reason.${purpose}`)}</span>;
}

type ScriptTone = 'draft' | 'retired' | 'live' | 'muted' | 'ok' | 'warn';
/** A script's states in the kit's tones: a draft is work in progress (warn), the live version stands out. */
const TONES: Record<ScriptTone, Tone> = { draft: 'warn', retired: 'muted', live: 'info', muted: 'muted', ok: 'ok', warn: 'warn' };

export function Badge({ tone, children, testId, title }: { tone: ScriptTone; children: ReactNode; testId?: string; title?: string }) {
  return (
    <KitBadge tone={TONES[tone]} strong={tone === 'live'} data-testid={testId} title={title}>
      {children}
    </KitBadge>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
  value: string;
  onChange(value: string): void;
  testId?: string;
  /** Single-line look (question text) vs. a paragraph (opening, closing). */
  rows?: number;
};

/**
 * A textarea with a menu that inserts {customer_name} and the other placeholders at the cursor. Only
 * the known names are offered, so a script built with the menu never trips unknown_placeholder.
 */
export function PlaceholderTextArea({ value, onChange, testId, rows = 3, ...rest }: TextAreaProps) {
  const { t } = useTranslation('scripts');
  const ref = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (menuRef.current && !menuRef.current.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);

  function insert(name: string) {
    const el = ref.current;
    const token = `{${name}}`;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + token + value.slice(end);
    onChange(next);
    setOpen(false);
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(start + token.length, start + token.length);
    });
  }

  return (
    <div className="placeholder-textarea">
      <TextArea ref={ref} className="placeholder-textarea-input" value={value} rows={rows} data-testid={testId} onChange={(e) => onChange(e.target.value)} {...rest} />
      {!rest.readOnly && !rest.disabled && (
        <div className="placeholder-menu-anchor" ref={menuRef}>
          <button type="button" className="placeholder-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} title={t('editor.insertPlaceholderHint')}>
            {t('editor.insertPlaceholder')}
          </button>
          {open && (
            <div className="placeholder-menu" role="menu">
              {PLACEHOLDERS.map((p) => (
                <button key={p} type="button" role="menuitem" className="placeholder-item" onClick={() => insert(p)}>
                  <code>{`{${p}}`}</code>
                  <span>{t(`placeholders.${p}`)}</span>
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}

/** Two-step confirmation inline, no dialog: the question, then confirm / cancel. */
export function InlineConfirm({
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
  danger,
  testId,
}: {
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  busy?: boolean;
  danger?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('scripts');
  return (
    <Alert tone={danger ? 'danger' : 'info'} role="alertdialog" data-testid={testId}>
      <div className="inline-confirm">
        <div className="inline-confirm-text">{children}</div>
        <div className="inline-confirm-actions">
          <Button size="small" variant={danger ? 'danger' : 'primary'} disabled={busy} onClick={onConfirm} data-testid={testId ? `${testId}-yes` : undefined}>
            {confirmLabel}
          </Button>
          <Button size="small" disabled={busy} onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    </Alert>
  );
}
