import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackDetail } from '../../core/contract/views';
import { completion } from '../../core/questionnaire/engine';
import type { ResponseStatus } from '../../core/questionnaire/model';
import { useStore } from '../store';
import { errorText } from '../store/workspace';
import { CustomerProfile } from './CustomerProfile';
import { Finished } from './script/Finished';
import { Intro } from './script/Intro';
import { Runner } from './script/Runner';
import type { Mode } from '../store/script';
import './script/questionnaire.css';
import { Alert, Tabs } from '../ui';

/*
 * The questionnaire read during the call. It shares the left column with the customer profile (two
 * tabs, Alt+P / Alt+Q), so the profile is always one key away. While a questionnaire is under way and
 * its panel is active (ringed, "number keys → questionnaire"), number keys pick answers, Enter goes on
 * and Backspace / Alt+← goes back; a click in the call panel hands the number keys back to the results.
 */

/** The workspace's left column: the profile, plus the questionnaire tab when a script applies. */
export function WorkspaceLeft({ detail, mode }: { detail: CallbackDetail; mode: Mode }) {
  const { t } = useTranslation('survey');
  const { t: tc } = useTranslation();
  const callbackId = detail.callback.id;
  const load = useStore(({ script: s }) => s.load);
  const reset = useStore(({ script: s }) => s.reset);
  const phase = useStore(({ script: s }) => s.phase);
  const applies = useStore(({ script: s }) => s.applies);
  const response = useStore(({ script: s }) => s.response);
  const answers = useStore(({ script: s }) => s.answers);
  const tab = useStore(({ script: s }) => s.tab);
  const setTab = useStore(({ script: s }) => s.setTab);
  const startedAt = useStore((s) => (s.workspace?.detail.callback.id === callbackId ? s.workspace.startedAt : null));

  useEffect(() => {
    void load(callbackId);
    return () => reset();
  }, [callbackId, load, reset]);

  // The call starts: the opening is what the agent reads first, so the questionnaire comes forward.
  const callStarted = startedAt !== null;
  useEffect(() => {
    if (!callStarted) return;
    const s = useStore.getState().script;
    if (s.applies && (s.response === null || s.response.status === 'in_progress')) s.setTab('script');
  }, [callStarted, phase]);

  const shown = phase === 'ready' && (applies !== null || response !== null);

  useEffect(() => {
    if (!shown) return;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.code === 'KeyQ') {
        e.preventDefault();
        const s = useStore.getState().script;
        s.setTab('script');
        s.setKeysActive(s.response?.status === 'in_progress');
      } else if (e.code === 'KeyP') {
        e.preventDefault();
        useStore.getState().script.setTab('profile');
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [shown]);

  if (!shown) return <CustomerProfile detail={detail} />;

  let badge: string;
  if (!response) badge = t('status.not_started');
  else if (response.status === 'in_progress') {
    const c = completion(response.content, answers);
    badge = `${c.answered}/${c.visible}`;
  } else badge = t(`status.${response.status}`);

  return (
    <div className="ws-left" data-tab={tab}>
      <Tabs
        className="ws-tabs"
        tabClassName="ws-tab"
        label={t('runner.tabsLabel')}
        value={tab}
        onChange={setTab}
        tabs={[
          {
            id: 'profile',
            testId: 'profile-tab',
            label: (
              <>
                {tc('workspace.profile')}
                <kbd>Alt+P</kbd>
              </>
            ),
          },
          {
            id: 'script',
            testId: 'script-tab',
            label: (
              <>
                {t('runner.tab')}
                <span className={`ws-tab-badge sr-st-${response?.status ?? 'not_started'}`}>{badge}</span>
                <kbd>Alt+Q</kbd>
              </>
            ),
          },
        ]}
      />
      <CustomerProfile detail={detail} />
      {tab === 'script' && <ScriptRunner mode={mode} />}
    </div>
  );
}

export function ScriptRunner({ mode }: { mode: Mode }) {
  const { t } = useTranslation('survey');
  const phase = useStore(({ script: s }) => s.phase);
  const applies = useStore(({ script: s }) => s.applies);
  const response = useStore(({ script: s }) => s.response);
  const error = useStore(({ script: s }) => s.error);
  const keysActive = useStore(({ script: s }) => s.keysActive);
  const inProgress = response?.status === 'in_progress' && mode === 'work';
  const panelRef = useRef<HTMLElement>(null);

  // Number keys follow where the agent is working: a click or focus in the call panel takes them there.
  useEffect(() => {
    if (!inProgress) return;
    const onDown = (e: Event) => {
      const target = e.target as Node | null;
      if (!target) return;
      if (panelRef.current?.contains(target)) useStore.getState().script.setKeysActive(true);
      else if (target instanceof Element && target.closest('[data-testid="call-panel"], [data-testid="customer-profile"]')) {
        useStore.getState().script.setKeysActive(false);
      }
    };
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('focusin', onDown, true);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('focusin', onDown, true);
    };
  }, [inProgress]);

  if (phase === 'loading' || phase === 'idle') {
    return (
      <section className="sr-panel" data-testid="script-panel" data-state="loading">
        <p className="muted">{t('runner.loading')}</p>
      </section>
    );
  }
  if (phase === 'error' && error) {
    return (
      <section className="sr-panel" data-testid="script-panel" data-state="error">
        <Alert tone="danger" role="alert">
          <strong>{t('runner.loadFailed')}</strong>
          <span>{errorText(error)}</span>
        </Alert>
      </section>
    );
  }

  const version = response?.version ?? applies?.version ?? 0;
  const title = response?.content.title ?? applies?.title ?? '';
  const status: ResponseStatus | 'not_started' = response?.status ?? 'not_started';
  // A newer version published since this questionnaire began does not change it: it keeps its own.
  const newer = response && applies && applies.version !== response.version && response.status === 'in_progress' ? applies.version : null;

  return (
    <section
      ref={panelRef}
      className={`sr-panel${inProgress && keysActive ? ' sr-active' : ''}`}
      data-testid="script-panel"
      data-state={status}
      data-keys={inProgress && keysActive ? 'script' : 'call'}
      aria-label={t('runner.tab')}
    >
      <header className="sr-head">
        <div className="sr-title-row">
          <h3 className="sr-title">{title}</h3>
          <span className="sr-version" data-testid="script-version" data-version={version}>
            {t('runner.version', { n: version })}
          </span>
          <span className={`sr-status sr-st-${status}`} data-testid="script-status" data-status={status}>
            {t(`status.${status}`)}
          </span>
          {inProgress && <KeysChip active={keysActive} />}
        </div>
        {newer !== null && <p className="sr-note">{t('runner.pinned', { v: version, newer })}</p>}
      </header>
      {error && (
        <Alert tone="danger" role="alert" data-testid="script-error" data-code={error.code}>
          <strong>{t('runner.saveFailed')}</strong>
          <span>{errorText(error)}</span>
        </Alert>
      )}
      {response === null ? (
        <Intro mode={mode} />
      ) : inProgress ? (
        <Runner response={response} />
      ) : (
        <Finished response={response} mode={mode} />
      )}
    </section>
  );
}

function KeysChip({ active }: { active: boolean }) {
  const { t } = useTranslation('survey');
  const setKeysActive = useStore(({ script: s }) => s.setKeysActive);
  return (
    <button
      type="button"
      className={`sr-keys${active ? ' on' : ''}`}
      data-testid="script-keys"
      title={t('runner.keysTitle')}
      onClick={() => setKeysActive(!active)}
    >
      <span className="sr-keys-icon" aria-hidden="true">
        ⌨
      </span>
      {active ? t('runner.keysScript') : t('runner.keysCall')}
    </button>
  );
}
