import { useTranslation } from 'react-i18next';
import { REASONS, REASON_LABELS_ZH } from '../../../core/domain/model';
import { downloadCsv, toCsv } from '../../csv';
import { Button, Card } from '../../ui';

const COLUMNS_EN = ['phone', 'name', 'reason', 'due_at', 'priority', 'timezone', 'notes'] as const;
const COLUMNS_ZH = ['手机号', '姓名', '回访原因', '预约时间', '优先级', '时区', '备注'];

/** The template: Chinese headers, one row with every column filled and one with only the required ones. */
const TEMPLATE_ROWS = [
  COLUMNS_ZH,
  ['13800138000', '张三', '投诉回访', '2026-11-25 14:30', '1', 'Asia/Shanghai', '11月20日转账失败的投诉，已退款，确认是否到账'],
  ['+852 6123 4567', '李四', '满意度回访', '', '3', 'Asia/Hong_Kong', ''],
];

export function downloadTemplate(fileName: string): void {
  downloadCsv(fileName, toCsv(TEMPLATE_ROWS));
}

/** The accepted format, in brief, with the template one click away. */
export function ImportFormat() {
  const { t } = useTranslation('admin');
  return (
    <Card>
      <details className="imp-format" open>
        <summary>
          <span className="imp-format-title">{t('import.formatTitle')}</span>
        </summary>
        <ul className="imp-format-list">
          <li>
            {t('import.formatColumns')}{' '}
            <code>{COLUMNS_EN.join(',')}</code>
            <br />
            <code>{COLUMNS_ZH.join(',')}</code>
          </li>
          <li>{t('import.formatRequired')}</li>
          <li>{t('import.formatEncoding')}</li>
          <li>
            {t('import.formatReasons')}{' '}
            {REASONS.map((r) => (
              <span key={r} className="imp-chip">
                <code>{REASON_LABELS_ZH[r]}</code> / <code>{r}</code>
              </span>
            ))}
          </li>
          <li>{t('import.formatPriority')}</li>
          <li>{t('import.formatDueAt')}</li>
          <li>{t('import.formatTimezone')}</li>
        </ul>
        <div>
          <Button onClick={() => downloadTemplate(t('import.templateFile'))} data-testid="import-template">
            {t('import.template')}
          </Button>
        </div>
      </details>
    </Card>
  );
}
