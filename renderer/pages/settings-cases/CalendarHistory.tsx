import { useTranslation } from 'react-i18next';
import type { CalendarVersionView } from '../../../core/contract/views-cases';
import { formatDateTime } from '../admin/shared';
import { Badge, FieldGroup, Table } from '../../ui';

/** Every saved calendar version, newest first; versions never change once saved. */
export function CalendarHistory({ versions, current }: { versions: CalendarVersionView[]; current: number }) {
  const { t } = useTranslation('sla');
  const sorted = versions.slice().sort((a, b) => b.version - a.version);
  const note = (v: CalendarVersionView) => {
    // Version 0 is the calendar shipped with the console (the official 2026 arrangement), never saved.
    if (v.version === 0) return t('calendar.history.builtinNote');
    // The back end notes an import as "import 2027"; say it in the user's language.
    const m = /^import (\d{4})$/.exec(v.note);
    if (m) return t('calendar.history.imported', { year: m[1] });
    return v.note || <span className="muted">{t('calendar.history.noNote')}</span>;
  };
  return (
    <FieldGroup title={t('calendar.history.title')}>
      <Table scroll wrapClassName="sla-history" data-testid="calendar-history">
        <thead>
          <tr>
            <th className="ui-num">{t('calendar.history.version')}</th>
            <th>{t('calendar.history.by')}</th>
            <th>{t('calendar.history.at')}</th>
            <th>{t('calendar.history.note')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((v) => (
            <tr key={v.id} data-testid="calendar-version">
              <td className="ui-num">
                {v.version}
                {v.version === current && <Badge className="sla-current">{t('calendar.history.current')}</Badge>}
              </td>
              <td>{v.createdByName ?? <span className="muted">{t('calendar.history.system')}</span>}</td>
              <td className="nowrap">{v.version === 0 ? <span className="muted">—</span> : formatDateTime(v.createdAt)}</td>
              <td>{note(v)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </FieldGroup>
  );
}
