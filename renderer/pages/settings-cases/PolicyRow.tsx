import { useTranslation } from 'react-i18next';
import type { CaseSettings } from '../../../core/cases/settings';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../core/sla/policy';
import type { PolicyDraft, PolicyErrors } from './policyForm';
import { Button, Field, FieldCluster, FieldRow, IconButton, NumberInput, Select, TextInput, ToneText } from '../../ui';

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
    <FieldCluster label={label} error={error}>
      {(a11y) => (
        <>
          <NumberInput
            min={0}
            className="sla-num-sm"
            value={hours}
            aria-label={`${label} ${t('policies.hours')}`}
            {...a11y}
            unit={t('policies.hours')}
            data-testid={`${testId}-h`}
            onChange={(e) => onChange(e.target.value, minutes)}
          />
          <NumberInput
            min={0}
            max={59}
            className="sla-num-sm"
            value={minutes}
            aria-label={`${label} ${t('policies.minutes')}`}
            {...a11y}
            unit={t('policies.minutes')}
            data-testid={`${testId}-m`}
            onChange={(e) => onChange(hours, e.target.value)}
          />
        </>
      )}
    </FieldCluster>
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
        <FieldRow top fit>
          <Field label={t('policies.name')} error={e('name')} className="sla-policy-name">
            <TextInput type="text" value={draft.name} maxLength={100} data-testid="policy-name" onChange={(ev) => onChange({ name: ev.target.value })} />
          </Field>
          <Field label={t('policies.priority')}>
            <Select value={draft.priority} data-testid="policy-priority" onChange={(ev) => onChange({ priority: ev.target.value as TicketPriority })}>
              {TICKET_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('policies.category')}>
            <Select value={draft.category} data-testid="policy-category" onChange={(ev) => onChange({ category: ev.target.value })}>
              <option value="">{t('policies.anyCategory')}</option>
              {settings?.categories.map((c) => (
                <option key={c.key} value={c.key}>
                  {en ? c.en : c.zh}
                </option>
              ))}
              {draft.category && !settings?.categories.some((c) => c.key === draft.category) && <option value={draft.category}>{draft.category}</option>}
            </Select>
          </Field>
        </FieldRow>
        <FieldRow top fit>
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
          <FieldCluster label={t('policies.warning')} error={e('warning')} note={warnings[`${index}.warning`]}>
            {(a11y) => (
              <>
                <Select
                  value={draft.warnKind}
                  aria-label={t('policies.warningKind')}
                  data-testid="policy-warn-kind"
                  onChange={(ev) => onChange({ warnKind: ev.target.value as PolicyDraft['warnKind'] })}
                >
                  <option value="percent">{t('policies.warnPercent')}</option>
                  <option value="minutes">{t('policies.warnMinutes')}</option>
                </Select>
                <NumberInput
                  min={1}
                  className="sla-num-sm"
                  value={draft.warnValue}
                  aria-label={t('policies.warning')}
                  {...a11y}
                  unit={draft.warnKind === 'percent' ? '%' : t('policies.minutes')}
                  data-testid="policy-warn-value"
                  onChange={(ev) => onChange({ warnValue: ev.target.value })}
                />
              </>
            )}
          </FieldCluster>
        </FieldRow>
        {warnings[`${index}.order`] && (
          <ToneText as="div" tone="warn" className="small" data-testid="policy-shadowed">
            {warnings[`${index}.order`]}
          </ToneText>
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
