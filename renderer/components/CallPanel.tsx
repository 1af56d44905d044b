import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { DISPOSITIONS, type Disposition } from '../../core/domain/model';
import { useStore } from '../store';
import { errorText, laterInstant, laterProblem, minuteLabel, NOTES_MAX, type DncExpiry } from '../store/workspace';
import {
  agoFromNow,
  formatDateTime,
  formatDayOption,
  formatDuration,
  formatShortDateTime,
  formatTime,
  now as serverNow,
  relativeToNow,
  zoneOffsetLabel,
} from '../format';
import { BlockList, PriorityBadge, ReasonTag } from './labels';
import { MaskedText } from './MaskedText';
import { useNow } from './useNow';
import { SurveySkipReason } from './script/SkipReason';
import { CallCaseActions } from './tickets/CallCaseActions';
import { Button, Field, FieldGroup, FieldMessage, FieldRow, LabelledGroup, overLimit, Select, TextArea } from '../ui';

const DNC_CHOICES: DncExpiry[] = ['never', '30d', '90d', '1y'];

export function CallPanel() {
  const { t } = useTranslation();
  const ws = useStore((s) => s.workspace);
  if (!ws) return null;
  const cb = ws.detail.callback;
  return (
    <section className="callpanel" aria-label={t('workspace.callPanel')} data-testid="call-panel">
      <div className="cb-card">
        <div className="cb-card-row">
          <ReasonTag reason={cb.reason} />
          <PriorityBadge priority={cb.priority} />
          <span className={cb.overdue ? 'due due-overdue' : 'due'}>
            <span className="label-inline">{t('workspace.due')}</span>
            {cb.dueAt === null ? t('time.asap') : `${formatShortDateTime(cb.dueAt)} · ${relativeToNow(cb.dueAt)}`}
          </span>
        </div>
        <div className="cb-card-row muted">{t('workspace.attempts', { count: cb.attempts, failed: cb.failedAttempts })}</div>
        <div className="cb-notes">
          <div className="label">{t('workspace.callbackNotes')}</div>
          <div className="cb-notes-text" data-testid="callback-notes">
            {cb.notes ? <MaskedText text={cb.notes} customerId={ws.detail.customer.id} /> : <span className="muted">{t('workspace.noNotes')}</span>}
          </div>
        </div>
      </div>
      <CallCaseActions />
      {ws.mode === 'view' ? <ReadOnlyPanel /> : <WorkPanel />}
    </section>
  );
}

function ReadOnlyPanel() {
  const { t } = useTranslation();
  const ws = useStore((s) => s.workspace)!;
  const close = useStore((s) => s.closeWorkspace);
  const cb = ws.detail.callback;
  return (
    <div className="readonly" data-testid="workspace-readonly">
      {cb.blocks.length > 0 && (
        <div className="banner banner-block">
          <strong>{t('workspace.readOnlyWhy')}</strong>
          <BlockList row={cb} />
        </div>
      )}
      <div className="panel-actions">
        <span className="muted">{t('workspace.closeHint')}</span>
        <Button data-testid="close-workspace" onClick={close}>
          {t('common.close')}
        </Button>
      </div>
    </div>
  );
}

function WorkPanel() {
  const { t } = useTranslation();
  const ws = useStore((s) => s.workspace)!;
  const draft = useStore((s) => s.draft);
  const rules = useStore((s) => s.rules);
  const startCall = useStore((s) => s.startCall);
  const updateDraft = useStore((s) => s.updateDraft);
  const save = useStore((s) => s.saveOutcome);
  const release = useStore((s) => s.release);
  const isDirty = useStore((s) => s.isDirty);
  const [confirmingRelease, setConfirmingRelease] = useState(false);
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const cb = ws.detail.callback;
  const zone = ws.detail.customer.timezone;

  // Keep the notes field's focus after an error so the agent can carry on typing.
  useEffect(() => {
    if (ws.error && document.activeElement === document.body) notesRef.current?.focus();
  }, [ws.error]);

  if (!draft) return null;
  const saving = ws.busy === 'save';

  return (
    <div className="work" data-testid="workspace-work">
      <div className="call-bar">
        {ws.startedAt === null ? (
          <>
            <Button
              variant="ok"
              className="call-start"
              data-testid="start-call"
              disabled={ws.busy !== null}
              onClick={() => void startCall()}
            >
              <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
                <path
                  fill="currentColor"
                  d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z"
                />
              </svg>
              {ws.busy === 'start' ? t('workspace.starting') : t('workspace.startCall')}
            </Button>
            <span className="muted">{t('workspace.callNotStarted')}</span>
          </>
        ) : (
          <CallTimer startedAt={ws.startedAt} />
        )}
        {cb.leaseExpiresAt !== null && (
          <span className="lease muted">{t('workspace.leaseUntil', { until: formatTime(cb.leaseExpiresAt) })}</span>
        )}
      </div>

      <LabelledGroup
        className="disposition-field"
        label={
          <>
            {t('workspace.disposition')} <span className="muted tiny">{t('workspace.dispositionKeys')}</span>
          </>
        }
      >
        {(labelId) => (
          <div className="dispositions" role="radiogroup" aria-labelledby={labelId}>
            {DISPOSITIONS.map((d: Disposition, i) => (
              <button
                key={d}
                type="button"
                role="radio"
                aria-checked={draft.disposition === d}
                className={`disp-button disp-${d}${draft.disposition === d ? ' selected' : ''}`}
                data-testid={`disposition-${d}`}
                onClick={() => updateDraft({ disposition: d })}
              >
                <kbd>{i + 1}</kbd>
                <span>{t(`disposition.${d}`)}</span>
              </button>
            ))}
          </div>
        )}
      </LabelledGroup>

      {draft.disposition === 'callback_later' && <LaterPicker zone={zone} rules={rules} />}

      {draft.disposition === 'dnc_requested' && (
        <div className="subpanel" data-testid="dnc-expiry">
          <FieldGroup title={t('workspace.dncExpiry')}>
            <div>
              <div className="segmented small">
                {DNC_CHOICES.map((c) => (
                  <button
                    key={c}
                    type="button"
                    className={draft.dncExpiry === c ? 'seg active' : 'seg'}
                    data-testid={`dnc-${c}`}
                    aria-pressed={draft.dncExpiry === c}
                    onClick={() => updateDraft({ dncExpiry: c })}
                  >
                    {t(`workspace.dncOptions.${c}`)}
                  </button>
                ))}
              </div>
            </div>
            <FieldMessage tone="note">{t('workspace.dncEffect')}</FieldMessage>
          </FieldGroup>
        </div>
      )}

      <SurveySkipReason />

      <Field label={t('workspace.notes')} limit={{ length: draft.notes.length, max: NOTES_MAX, testId: 'notes-count' }}>
        <TextArea
          id="outcome-notes"
          ref={notesRef}
          data-testid="notes"
          rows={4}
          value={draft.notes}
          placeholder={t('workspace.notesPlaceholder')}
          aria-invalid={overLimit(draft.notes, NOTES_MAX)}
          onChange={(e) => updateDraft({ notes: e.target.value })}
        />
      </Field>

      {ws.error && (
        <div className="banner banner-error" role="alert" data-testid="workspace-error" data-code={ws.error.code}>
          <strong>{t('workspace.errorTitle')}</strong>
          <span>{errorText(ws.error)}</span>
          {draft.notes.trim() !== '' && <span className="muted">{t('workspace.notesKept')}</span>}
        </div>
      )}

      {confirmingRelease && (
        <div className="banner banner-warn" role="alertdialog" data-testid="release-confirm-panel">
          <span>{t(ws.startedAt !== null ? 'workspace.releaseConfirmStarted' : 'workspace.releaseConfirm')}</span>
          <span className="banner-actions">
            <Button data-testid="release-cancel" onClick={() => setConfirmingRelease(false)}>
              {t('workspace.releaseKeep')}
            </Button>
            <Button
              variant="danger"
              data-testid="release-confirm"
              onClick={() => {
                setConfirmingRelease(false);
                void release();
              }}
            >
              {t('workspace.releaseDiscard')}
            </Button>
          </span>
        </div>
      )}

      <div className="panel-actions">
        <Button
          data-testid="release"
          title={t('workspace.releaseHint')}
          disabled={ws.busy !== null}
          // A started call or typed notes are the agent's record: never drop them without asking.
          onClick={() => (isDirty() ? setConfirmingRelease(true) : void release())}
        >
          {t('workspace.release')}
        </Button>
        <Button
          variant="primary"
          className="panel-action-main"
          data-testid="save-outcome"
          disabled={ws.busy !== null || draft.disposition === null}
          onClick={() => void save()}
        >
          {saving ? t('workspace.saving') : t('workspace.save')}
          <kbd>Ctrl+Enter</kbd>
        </Button>
      </div>
    </div>
  );
}

function CallTimer({ startedAt }: { startedAt: number }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  return (
    <span className="call-timer" data-testid="call-timer-wrap">
      <span className="live-dot" aria-hidden="true" />
      {t('workspace.inCall')}
      <span className="timer mono" data-testid="call-timer">
        {formatDuration(now - startedAt)}
      </span>
    </span>
  );
}

function LaterPicker({ zone, rules }: { zone: string; rules: ReturnType<typeof useStore.getState>['rules'] }) {
  const { t } = useTranslation();
  const draft = useStore((s) => s.draft)!;
  const updateDraft = useStore((s) => s.updateDraft);
  const at = laterInstant(draft, zone);
  const nowMs = serverNow();

  // Days are the customer's local dates; times are 15-minute slots inside their calling window.
  const today = DateTime.fromMillis(nowMs, { zone }).startOf('day');
  const days = Array.from({ length: 61 }, (_, i) => today.plus({ days: i }));
  const windowStart = rules?.callWindowStart ?? 0;
  const windowEnd = rules?.callWindowEnd ?? 24 * 60;
  const slots: string[] = [];
  for (let m = Math.ceil(windowStart / 15) * 15; m < windowEnd; m += 15) slots.push(minuteLabel(m));
  if (draft.laterTime && !slots.includes(draft.laterTime)) slots.unshift(draft.laterTime);
  const isNoCallDay = (d: DateTime) =>
    !!rules && (rules.noCallWeekdays.includes(d.weekday) || rules.noCallDates.includes(d.toFormat('yyyy-MM-dd')));

  const warning = at === null ? null : laterProblem(at, zone, rules);
  return (
    <div className="subpanel" data-testid="later-picker">
      <FieldGroup title={t('workspace.laterTitle', { zone: `${zone} ${zoneOffsetLabel(at ?? nowMs, zone)}` })}>
        <FieldRow fit>
          <Field label={t('workspace.laterDate')}>
            <Select data-testid="later-date" value={draft.laterDate} onChange={(e) => updateDraft({ laterDate: e.target.value })}>
              {days.map((d) => {
                const value = d.toFormat('yyyy-MM-dd');
                const noCall = isNoCallDay(d);
                return (
                  <option key={value} value={value} disabled={noCall}>
                    {formatDayOption(d.toMillis() + 12 * 3_600_000, zone)}
                    {noCall ? ` · ${t('block.no_call_day')}` : ''}
                  </option>
                );
              })}
            </Select>
          </Field>
          <Field label={t('workspace.laterTime')}>
            <Select data-testid="later-time" value={draft.laterTime} onChange={(e) => updateDraft({ laterTime: e.target.value })}>
              {slots.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
        </FieldRow>
        {at !== null && (
          <FieldMessage tone="hint" data-testid="later-equivalent">
            {t('workspace.laterEquivalent', { time: formatDateTime(at) })} · {at > nowMs ? relativeToNow(at) : agoFromNow(at)}
          </FieldMessage>
        )}
        {warning && <FieldMessage tone="note">{warning}</FieldMessage>}
      </FieldGroup>
    </div>
  );
}
