import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { TicketCategoryDef } from '../../../core/cases/settings';
import type { ApiError } from '../../../core/contract/result';
import type { FaqStatus } from '../../../core/faq/workflow';
import { ticketCode } from '../../../core/tickets';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { apiErrorText } from '../../i18n/apiError';
import '../../styles/faq.css';
import { IconButton } from '../../ui';

/* Small pieces every FAQ component uses: categories, labels, error wording, the dialog, downloads. */

let categoriesCache: TicketCategoryDef[] | null = null;

/** The ticket categories (FAQ entries use the same list), fetched once per page load. */
export function useCategories(): TicketCategoryDef[] {
  const [categories, setCategories] = useState<TicketCategoryDef[]>(categoriesCache ?? []);
  useEffect(() => {
    if (categoriesCache) return;
    void call('cases.getSettings', {}).then((r) => {
      if (!r.ok) return;
      categoriesCache = r.value.categories;
      setCategories(r.value.categories);
    });
  }, []);
  return categories;
}

export function useCategoryLabel(): (key: string) => string {
  const categories = useCategories();
  const { i18n } = useTranslation();
  return (key) => {
    const c = categories.find((x) => x.key === key);
    if (!c) return key;
    return i18n.language === 'en' ? c.en : c.zh;
  };
}

export function StatusBadge({ status }: { status: FaqStatus }) {
  const { t } = useTranslation('faq');
  return (
    <span className={`faq-status faq-status-${status}`} data-testid="faq-status" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

/** The TK- code agents read out, as the back end makes it. */
export { ticketCode };

/**
 * An error in the user's language: the back end's message is English and for logs; the cases this
 * page meets are worded here from the code and details.
 */
export function useFaqError(): (error: ApiError, action?: string) => string {
  const { t } = useTranslation('faq');
  return (error, action) => {
    const d = error.details ?? {};
    const reason = typeof d.reason === 'string' ? d.reason : null;
    if (reason === 'none_published' || reason === 'none_in_category' || reason === 'none_in_language') return t(`errors.${reason}`);
    if (error.code === 'FORBIDDEN') return action === 'save' ? t('errors.forbiddenEdit') : t('errors.forbiddenPublish');
    if (error.code === 'CONFLICT') return t('errors.conflict');
    if (error.code === 'INVALID_TRANSITION' && typeof d.ticketId === 'string') {
      return d.field === 'sourceTicketIds' ? t('errors.sourceNotResolved', { code: ticketCode(d.ticketId) }) : t('errors.notResolved');
    }
    if (error.code === 'INVALID_TRANSITION' && action === 'mark_reviewed') return t('errors.notFlagged');
    if (error.code === 'INVALID_TRANSITION') return t('errors.invalidTransition');
    return t('errors.generic', { message: apiErrorText(error) });
  };
}

/** Saves text as a file through a Blob link (the browser's own download, in Electron too). */
export function downloadText(fileName: string, content: string, mimeType: string): void {
  const blob = new Blob([content], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the blob to the download; keep it a moment for slow consumers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useRole(): 'agent' | 'supervisor' | null {
  return useStore((s) => s.session?.currentUser?.role) ?? null;
}

/** A dialog over the page: Esc and the backdrop close it, focus starts in it. */
export function FaqDialog({ title, onClose, children, testId }: { title: string; onClose(): void; children: ReactNode; testId?: string }) {
  const { t } = useTranslation('faq');
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return createPortal(
    <div className="faq-dialog-layer">
      <div className="faq-dialog-backdrop" aria-hidden="true" onClick={() => onClose()} />
      <div ref={ref} className="faq-dialog" role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <header className="faq-dialog-head">
          <h2>{title}</h2>
          <IconButton size="large" label={t('close')} onClick={onClose}>
            ×
          </IconButton>
        </header>
        <div className="faq-dialog-body">{children}</div>
      </div>
    </div>,
    document.body,
  );
}
