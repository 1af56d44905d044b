import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPOSITIONS } from '../../core/domain/model';
import { useStore } from '../store';
import { displayName } from '../components/CustomerProfile';
import { CallPanel } from '../components/CallPanel';
import { PriorityBadge, ReasonTag, StatusCell } from '../components/labels';
import { isTypingTarget } from '../components/keys';
import { WorkspaceLeft } from '../components/ScriptRunner';

/**
 * The open callback: customer profile on the left (with the questionnaire as a second tab when a
 * script applies), the call panel on the right. Slides over the queue (which stays mounted, keeping
 * its scroll position). Keyboard: 1–8 pick a result (unless the questionnaire panel has the number
 * keys), Ctrl+Enter saves, Esc closes a read-only view (or leaves the notes field).
 */
export default function CallWorkspace() {
  const { t } = useTranslation();
  const ws = useStore((s) => s.workspace);
  const close = useStore((s) => s.closeWorkspace);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useStore.getState();
      const current = s.workspace;
      if (!current || e.defaultPrevented) return; // e.g. a number key the questionnaire took
      if (e.key === 'Escape') {
        if (isTypingTarget(e.target)) {
          (e.target as HTMLElement).blur();
          return;
        }
        if (current.mode === 'view') {
          e.preventDefault();
          s.closeWorkspace();
        }
        return;
      }
      if (current.mode !== 'work') return;
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void s.saveOutcome();
        return;
      }
      if (isTypingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= DISPOSITIONS.length) {
        e.preventDefault();
        s.updateDraft({ disposition: DISPOSITIONS[n - 1]! });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!ws) return null;
  const { detail } = ws;
  const readOnly = ws.mode === 'view';

  return (
    <div className="workspace-layer" data-testid="workspace" data-mode={ws.mode} data-callback-id={detail.callback.id}>
      <div className="workspace-backdrop" onClick={readOnly ? close : undefined} aria-hidden="true" />
      <div className="workspace" role="dialog" aria-modal="false" aria-label={displayName(t, detail.customer)}>
        <header className="workspace-head">
          <div className="workspace-title">
            <span className="workspace-name">{displayName(t, detail.customer)}</span>
            <ReasonTag reason={detail.callback.reason} />
            <PriorityBadge priority={detail.callback.priority} />
            <StatusCell row={detail.callback} />
            {readOnly && <span className="badge badge-muted">{t('workspace.readOnly')}</span>}
          </div>
          {readOnly && (
            <button type="button" className="btn btn-ghost icon" aria-label={t('workspace.closeHint')} title={t('workspace.closeHint')} onClick={close}>
              ×
            </button>
          )}
        </header>
        <div className="workspace-body">
          <WorkspaceLeft detail={detail} mode={ws.mode} />
          <CallPanel />
        </div>
      </div>
    </div>
  );
}
