import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPOSITIONS } from '../../core/domain/model';
import { useStore } from '../store';
import { displayName } from '../components/CustomerProfile';
import { CallPanel } from '../components/CallPanel';
import { PriorityBadge, ReasonTag, StatusCell } from '../components/labels';
import { isTypingTarget } from '../components/keys';
import { WorkspaceLeft } from '../components/ScriptRunner';
import { IconButton } from '../ui';

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

  const panel = useRef<HTMLDivElement>(null);
  const callbackId = ws?.detail.callback.id;
  const started = ws?.mode === 'work' && ws.startedAt !== null;
  useWorkspaceFocus(panel, callbackId, started);

  if (!ws) return null;
  const { detail } = ws;
  const readOnly = ws.mode === 'view';

  return (
    <div className="workspace-layer" data-testid="workspace" data-mode={ws.mode} data-callback-id={detail.callback.id}>
      <div className="workspace-backdrop" onClick={readOnly ? close : undefined} aria-hidden="true" />
      <div ref={panel} className="workspace" role="dialog" aria-modal="false" aria-labelledby="workspace-name">
        <header className="workspace-head">
          <div className="workspace-title">
            <span className="workspace-name" id="workspace-name" tabIndex={-1} data-testid="workspace-heading">
              {displayName(t, detail.customer)}
            </span>
            <ReasonTag reason={detail.callback.reason} />
            <PriorityBadge priority={detail.callback.priority} />
            <StatusCell row={detail.callback} />
            {readOnly && <span className="badge badge-muted">{t('workspace.readOnly')}</span>}
          </div>
          {readOnly && (
            <IconButton size="large" label={t('workspace.closeHint')} onClick={close}>
              ×
            </IconButton>
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

/** Where focus goes in the workspace when it opens, or when the control that had it goes away. */
function focusTarget(root: HTMLElement, fromScript = false): HTMLElement | null {
  const enabled = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)].find((el) => !(el as HTMLButtonElement).disabled && el.offsetParent !== null);
  // Focus lost inside the questionnaire stays there while it is starting or under way (the number keys
  // follow focus); once it is finished, the outcome is next.
  const panelState = root.querySelector('[data-testid="script-panel"]')?.getAttribute('data-state');
  if (fromScript && (panelState === 'loading' || panelState === 'not_started')) return null;
  // Before the call: starting it.
  const start = fromScript ? undefined : enabled('[data-testid="start-call"]');
  if (start) return start;
  // The call has started and the questionnaire came forward: its Start.
  const scriptStart = enabled('[data-testid="script-start"]');
  if (scriptStart) return scriptStart;
  // A questionnaire under way in view: its current answer (or first choice), else Next, else Finish.
  const script = root.querySelector<HTMLElement>('[data-testid="script-panel"][data-state="in_progress"]');
  if (script) {
    const inScript = (sel: string) => [...script.querySelectorAll<HTMLElement>(sel)].find((el) => !(el as HTMLButtonElement).disabled);
    const target =
      inScript('[data-testid="script-question"] [data-choice][aria-checked="true"]') ??
      inScript('[data-testid="script-question"] [data-choice]') ??
      inScript('[data-testid="script-question"] input, [data-testid="script-question"] textarea') ??
      inScript('[data-testid="script-next"]') ??
      inScript('[data-testid="script-finish-completed"]') ??
      inScript('[data-testid="script-finish-partial"]');
    if (target || fromScript) return target ?? null;
  }
  // Otherwise the outcome: the one picked, else the first.
  return enabled('[data-testid^="disposition-"][aria-checked="true"]') ?? enabled('[data-testid^="disposition-"]') ?? root.querySelector<HTMLElement>('#workspace-name');
}

/**
 * The workspace takes focus when a callback opens in it (its first useful control: Start call, else its
 * heading), and keeps it: when the control that had focus is removed or disabled (Start call once the
 * call runs, Start / Finish of the questionnaire, a busy button), focus moves to the next useful one
 * instead of falling to <body> — from where Tab would walk the queue behind.
 */
function useWorkspaceFocus(panel: React.RefObject<HTMLDivElement | null>, callbackId: string | undefined, started: boolean) {
  // The call starts: the questionnaire (if one applies) comes forward in an effect of its own, so the next
  // frame moves focus to its Start, else to the outcome — unless the agent is already somewhere else.
  const wasStarted = useRef(started);
  useEffect(() => {
    const root = panel.current;
    const justStarted = started && !wasStarted.current;
    wasStarted.current = started;
    if (!root || !justStarted) return;
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      const onDisposition = active instanceof HTMLElement && active.matches('[data-testid^="disposition-"]');
      if (active && active !== document.body && !onDisposition) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      focusTarget(root)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [panel, started]);

  useEffect(() => {
    const root = panel.current;
    if (!root || !callbackId) return;
    // A dialog opened over the workspace keeps focus; so does a field elsewhere the agent chose.
    if (!root.contains(document.activeElement) && !document.querySelector('[aria-modal="true"]')) {
      const target = focusTarget(root) ?? root.querySelector<HTMLElement>('#workspace-name');
      target?.focus();
    }
    let last: HTMLElement | null = root.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
    let lastInScript = false;
    const onFocusIn = (e: FocusEvent) => {
      if (!(e.target instanceof HTMLElement) || !root.contains(e.target)) return;
      last = e.target;
      lastInScript = e.target.closest('[data-testid="script-panel"]') !== null;
    };
    const lost = () => {
      if (!last || (document.activeElement && document.activeElement !== document.body)) return;
      const gone = !last.isConnected || (last as HTMLButtonElement).disabled;
      if (!gone) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      // Nothing to go to yet (the questionnaire is starting): the next change tries again.
      focusTarget(root, lastInScript)?.focus();
    };
    const observer = new MutationObserver(lost);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [panel, callbackId]);
}
