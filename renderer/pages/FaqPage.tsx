import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/contract/result';
import type { FaqDetail, FaqPrefill } from '../../core/contract/views-faq';
import { call } from '../api/client';
import { ExportPanel } from '../components/faq/ExportPanel';
import { FaqEditor } from '../components/faq/FaqEditor';
import { FaqList } from '../components/faq/FaqList';
import { useFaqError } from '../components/faq/shared';
import { TicketPicker } from '../components/faq/TicketPicker';
import { useStore } from '../store';
import { Alert, Button, ButtonRow, Page, PageHeader } from '../ui';

/*
 * 常见问题 / FAQ: entries curated from resolved tickets. The list, one entry at a time in the editor,
 * a picker for drafting from a ticket, and the export. Other pages open a pre-filled draft through the
 * store (startFaqDraft), which this page picks up once.
 */

type View = { kind: 'list' } | { kind: 'new'; prefill: FaqPrefill } | { kind: 'entry'; id: string; detail: FaqDetail | null; error: ApiError | null };

/** Where the page was, so leaving for another tab and coming back returns there. */
let lastView: View = { kind: 'list' };

export default function FaqPage() {
  const { t } = useTranslation('faq');
  const notify = useStore((s) => s.notify);
  const userId = useStore((s) => s.session?.currentUser?.id);
  const draftRequest = useStore((s) => s.faqDraftRequest);
  const takeDraftRequest = useStore((s) => s.takeFaqDraftRequest);
  const errorText = useFaqError();
  const [view, setViewState] = useState<View>(lastView);
  const [picking, setPicking] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const setView = (v: View) => {
    lastView = v.kind === 'new' ? { kind: 'list' } : v;
    setViewState(v);
    document.querySelector('.admin-page')?.scrollTo({ top: 0 });
  };

  const openEntry = useCallback(async (id: string) => {
    const r = await call('faq.get', { id });
    const next: View = { kind: 'entry', id, detail: r.ok ? r.value : null, error: r.ok ? null : r.error };
    lastView = next;
    setViewState(next);
  }, []);

  const draftFrom = useCallback(
    async (ticketId: string) => {
      setPicking(false);
      const r = await call('faq.prefill', { ticketId });
      if (!r.ok) return notify('error', errorText(r.error));
      setViewState({ kind: 'new', prefill: r.value });
      document.querySelector('.admin-page')?.scrollTo({ top: 0 });
    },
    [notify, errorText],
  );

  // "Draft FAQ from this ticket" elsewhere in the console lands here.
  useEffect(() => {
    if (!draftRequest) return;
    const ticketId = takeDraftRequest();
    if (ticketId) void draftFrom(ticketId);
  }, [draftRequest, takeDraftRequest, draftFrom]);

  // What a user may do with an entry depends on who they are: re-read it when the user changes (and on
  // coming back to the page, where the remembered copy may be stale).
  const openId = useRef<string | null>(null);
  openId.current = view.kind === 'entry' ? view.id : null;
  useEffect(() => {
    if (openId.current) void openEntry(openId.current);
  }, [userId, openEntry]);

  // The editor owns its dirty state and shows it as .faq-unsaved; asking the DOM avoids lifting that state here.
  const confirmLeave = () => !document.querySelector('.faq-unsaved') || window.confirm(t('editor.leaveConfirm'));
  const open = (id: string) => {
    if (view.kind === 'new' || confirmLeave()) void openEntry(id);
  };
  const backToList = () => {
    if (view.kind === 'entry' && !confirmLeave()) return;
    setView({ kind: 'list' });
    setReloadKey((k) => k + 1);
  };

  return (
    <Page data-testid="faq-page">
      <PageHeader
        title={t('title')}
        intro={t('intro')}
        actions={
          <ButtonRow>
            {view.kind !== 'list' && (
              <Button onClick={backToList} data-testid="faq-back">
                ← {t('back')}
              </Button>
            )}
            <Button aria-expanded={exporting} onClick={() => setExporting(!exporting)} data-testid="faq-export-toggle">
              {t('export')}
            </Button>
            <Button variant="primary" onClick={() => setPicking(true)} data-testid="faq-new">
              + {t('newFromTicket')}
            </Button>
          </ButtonRow>
        }
      />

      {exporting && <ExportPanel onClose={() => setExporting(false)} />}

      {view.kind === 'list' && <FaqList onOpen={(id) => void openEntry(id)} reloadKey={reloadKey} />}
      {view.kind === 'new' && (
        <FaqEditor
          key={`new-${view.prefill.ticket.id}`}
          prefill={view.prefill}
          onSaved={(d) => setView({ kind: 'entry', id: d.entry.id, detail: d, error: null })}
          onOpen={open}
          onReload={() => undefined}
        />
      )}
      {view.kind === 'entry' &&
        (view.detail ? (
          <FaqEditor
            key={`${view.detail.entry.id}-${view.detail.entry.updatedAt}-${view.detail.entry.latestRevision}-${userId}`}
            detail={view.detail}
            onSaved={(d) => setView({ kind: 'entry', id: d.entry.id, detail: d, error: null })}
            onOpen={open}
            onReload={() => void openEntry(view.id)}
          />
        ) : view.error ? (
          <Alert tone="danger" role="alert">
            {errorText(view.error)}{' '}
            <Button size="small" onClick={() => void openEntry(view.id)}>
              {t('retry')}
            </Button>
          </Alert>
        ) : (
          <p className="faq-muted">{t('loading')}</p>
        ))}

      {picking && <TicketPicker mode="draft" onClose={() => setPicking(false)} onPick={(id) => void draftFrom(id)} />}
    </Page>
  );
}
