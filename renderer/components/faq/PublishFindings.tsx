import { useTranslation } from 'react-i18next';
import { Card, Checkbox } from '../../ui';
import type { FaqFinding } from '../../../core/faq/findings';

/*
 * The publish step's personal-data check: every finding in the text about to be published, each with its
 * own "not personal" confirmation. The back end refuses a publish while any finding is unconfirmed and
 * audits each confirmation, so this list is the supervisor's explicit decision, one item at a time.
 */

export const findingKey = (f: FaqFinding) => `${f.field}\u0000${f.kind}\u0000${f.value}`;

export function PublishFindings({
  findings,
  confirmed,
  disabled,
  onToggle,
}: {
  findings: readonly FaqFinding[];
  confirmed: ReadonlySet<string>;
  disabled: boolean;
  onToggle(key: string, on: boolean): void;
}) {
  const { t } = useTranslation('faq');
  if (findings.length === 0) return null;
  return (
    <Card className="faq-panel faq-panel-warn" titleClassName="faq-panel-title" title={t('publishCheck.title', { count: findings.length })} data-testid="faq-publish-findings">
      <p className="faq-small">{t('publishCheck.intro')}</p>
      <ul className="faq-masked-list">
        {findings.map((f) => {
          const key = findingKey(f);
          return (
            <li key={key} data-testid="faq-finding" data-kind={f.kind} data-field={f.field}>
              <span className="faq-masked-kind">{t(`masked.kind.${f.kind}`)}</span>
              <code className="faq-placeholder">{f.value}</code>
              <span className="faq-muted faq-small">{t(`masked.field.${f.field}`)}</span>
              <Checkbox
                className="faq-small"
                label={t('publishCheck.notPersonal')}
                checked={confirmed.has(key)}
                disabled={disabled}
                onChange={(e) => onToggle(key, e.target.checked)}
                data-testid="faq-finding-confirm"
              />
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
