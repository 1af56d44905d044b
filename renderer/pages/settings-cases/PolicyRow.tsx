import { useTranslation } from 'react-i18next';
import type { CaseSettings } from '../../../core/cases/settings';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../core/sla/policy';
import type { PolicyDraft, PolicyErrors } from './policyForm';
import { Button, IconButton } from '../../ui';

/** Hours and minutes side by side for one business-time target. */
function Target({
  label,
  hours,
  minutes,
  error,
  testId,
  onChange,
}: {
  label: string;
  hours: string;
  minutes: string;
  error?: string;
  testId: string;
  onChange: (hours: string, minutes: string) => void;
}) {
  const { t } = useTranslation('sla');
  return (
    <div className="adm-field" role="group" aria-label={label}>
      <span className="adm-label">{label}</span>
      <span className="adm-with-unit">
        <input
          type="number"
          min={0}
          className="sla-num-sm"
          value={hours}
          aria-label={`${label} ${t('policies.hours')}`}
          aria-invalid={!!error}
          data-testid={`${testId}-h`}
          onChange={(e) => onChange(e.target.value, minutes)}
        />
        <span className="adm-unit">{t('policies.hours')}</span>
        <input
          type="number"
          min={0}
          max={59}
          className="sla-num-sm"
          value={minutes}
          aria-label={`${label} ${t('policies.minutes')}`}
          aria-invalid={!!error}
          data-testid={`${testId}-m`}
          onChange={(e) => onChange(hours, e.target.value)}
        />
        <span className="adm-unit">{t('policies.minutes')}</span>
      </span>
      {error && <span className="adm-field-error">{error}</span>}
    </div>
  );
}

/** One policy of the ordered list, with its position controls. */
export function PolicyRow({
  index,
  count,
  draft,
  errors,
  warnings,
  settings,
  canEdit,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  draft: PolicyDraft;
  errors: PolicyErrors;
  warnings: PolicyErrors;
  settings: CaseSettings | null;
  canEdit: boolean;
  onChange: (patch: Partial<PolicyDraft>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation('sla');
  const e = (f: string) => errors[`${index}.${f}`];
  const en = i18n.language === 'en';
  return (
    <li className="sla-policy" data-testid="policy-row">
      <div className="sla-policy-order">
        <span className="sla-policy-n" aria-label={t('policies.position', { n: index + 1 })}>
          {index + 1}
        </span>
        {canEdit && (
          <>
            <IconButton bordered disabled={index === 0} label={t('policies.up')} onClick={() => onMove(-1)}>
              ↑
            </IconButton>
            <IconButton bordered disabled={index === count - 1} label={t('policies.down')} onClick={() => onMove(1)}>
              ↓
            </IconButton>
          </>
        )}
      </div>
      <div className="sla-policy-body">
        <div className="adm-row adm-row-top">
          <label className="adm-field sla-policy-name">
            <span className="adm-label">{t('policies.name')}</span>
            <input
              type="text"
              value={draft.name}
              maxLength={100}
              aria-invalid={!!e('name')}
              data-testid="policy-name"
              onChange={(ev) => onChange({ name: ev.target.value })}
            />
            {e('name') && <span className="adm-field-error">{e('name')}</span>}
          </label>
          <label className="adm-field">
            <span className="adm-label">{t('policies.priority')}</span>
            <select value={draft.priority} data-testid="policy-priority" onChange={(ev) => onChange({ priority: ev.target.value as TicketPriority })}>
              {TICKET_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="adm-field">
            <span className="adm-label">{t('policies.category')}</span>
            <select value={draft.category} data-testid="policy-category" onChange={(ev) => onChange({ category: ev.target.value })}>
              <option value="">{t('policies.anyCategory')}</option>
              {settings?.categories.map((c) => (
                <option key={c.key} value={c.key}>
                  {en ? c.en : c.zh}
                </option>
              ))}
              {draft.category && !settings?.categories.some((c) => c.key === draft.category) && <option value={draft.category}>{draft.category}</option>}
            </select>
          </label>
        </div>
        <div className="adm-row adm-row-top">
          <Target
            label={t('policies.firstResponse')}
            hours={draft.frHours}
            minutes={draft.frMinutes}
            error={e('firstResponse')}
            testId="policy-fr"
            onChange={(frHours, frMinutes) => onChange({ frHours, frMinutes })}
          />
          <Target
            label={t('policies.resolution')}
            hours={draft.resHours}
            minutes={draft.resMinutes}
            error={e('resolution')}
            testId="policy-res"
            onChange={(resHours, resMinutes) => onChange({ resHours, resMinutes })}
          />
          <div className="adm-field">
            <span className="adm-label">{t('policies.warning')}</span>
            <span className="adm-with-unit">
              <select
                value={draft.warnKind}
                aria-label={t('policies.warningKind')}
                data-testid="policy-warn-kind"
                onChange={(ev) => onChange({ warnKind: ev.target.value as PolicyDraft['warnKind'] })}
              >
                <option value="percent">{t('policies.warnPercent')}</option>
                <option value="minutes">{t('policies.warnMinutes')}</option>
              </select>
              <input
                type="number"
                min={1}
                className="sla-num-sm"
                value={draft.warnValue}
                aria-label={t('policies.warning')}
                aria-invalid={!!e('warning')}
                data-testid="policy-warn-value"
                onChange={(ev) => onChange({ warnValue: ev.target.value })}
              />
              <span className="adm-unit">{draft.warnKind === 'percent' ? '%' : t('policies.minutes')}</span>
            </span>
            {e('warning') && <span className="adm-field-error">{e('warning')}</span>}
            {!e('warning') && warnings[`${index}.warning`] && <span className="adm-warn-text small">{warnings[`${index}.warning`]}</span>}
          </div>
        </div>
        {warnings[`${index}.order`] && (
          <div className="adm-warn-text small" data-testid="policy-shadowed">
            {warnings[`${index}.order`]}
          </div>
        )}
      </div>
      {canEdit && (
        <Button variant="link" size="small" className="sla-policy-remove" data-testid="policy-remove" onClick={onRemove}>
          {t('policies.remove')}
        </Button>
      )}
    </li>
  );
}
