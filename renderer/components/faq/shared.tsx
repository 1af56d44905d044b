import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketCategoryDef } from '../../../core/cases/settings';
import type { ApiError } from '../../../core/contract/result';
import type { FaqStatus } from '../../../core/faq/workflow';
import type { TicketStatus } from '../../../core/tickets';
import { ticketCode } from '../../../core/tickets';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { apiErrorText } from '../../i18n/apiError';
import '../../styles/faq.css';
import { Badge, Dialog, IconButton, type Tone } from '../../ui';

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

const STATUS_TONE: Record<FaqStatus, Tone> = { draft: 'muted', in_review: 'warn', published: 'ok', retired: 'muted' };

/** A source ticket's status: resolved or closed is what a FAQ stands on; reopened work is flagged. */
export function TicketStatusBadge({ status, children, className }: { status: TicketStatus; children: ReactNode; className?: string }) {
  const tone: Tone = status === 'resolved' || status === 'closed' ? 'ok' : status === 'new' || status === 'open' || status === 'pending_customer' ? 'danger' : 'muted';
  return (
    <Badge tone={tone} className={className}>
      {children}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: FaqStatus }) {
  const { t } = useTranslation('faq');
  return (
    <Badge tone={STATUS_TONE[status]} className={status === 'retired' ? 'faq-status-retired' : undefined} data-testid="faq-status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
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

/** A dialog over the page (the kit's Dialog: focus starts in it and stays there, Esc and the backdrop close it). */
export function FaqDialog({ title, onClose, children, testId }: { title: string; onClose(): void; children: ReactNode; testId?: string }) {
  const { t } = useTranslation('faq');
  return (
    <Dialog
      title={title}
      onClose={onClose}
      layerClassName="faq-dialog-layer"
      backdropClassName="faq-dialog-backdrop"
      className="faq-dialog"
      testId={testId}
      header={(titleId) => (
        <header className="faq-dialog-head">
          <h2 id={titleId}>{title}</h2>
          <IconButton size="large" label={t('close')} onClick={onClose}>
            ×
          </IconButton>
        </header>
      )}
    >
      <div className="faq-dialog-body">{children}</div>
    </Dialog>
  );
}
