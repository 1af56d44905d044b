import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import type { CalendarView } from '../../../core/contract/views-cases';
import { call } from '../../api/client';
import { SlaErrorNotice } from '../sla-board/common';
import { buttonClass, FieldGroup, FieldRow } from '../../ui';

const EXAMPLE = `{
  "year": 2027,
  "holidays": [
    { "date": "2027-01-01", "name": "元旦" },
    { "date": "2027-02-06", "name": "春节" }
  ],
  "workdays": [
    { "date": "2027-02-14", "name": "春节调休" }
  ]
}`;

const MAX_BYTES = 1_000_000;

/**
 * Next year's official holidays from a JSON file. The back end replaces that year's dates and keeps
 * every other year, as a new calendar version, so importing a corrected file again is safe.
 */
export function CalendarImport({ disabled, onImported }: { disabled: boolean; onImported: (view: CalendarView) => void }) {
  const { t } = useTranslation('sla');
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function importFile(file: File) {
    setError(null);
    if (file.size > MAX_BYTES) return setError({ code: 'BAD_INPUT', message: t('calendar.import.tooBig'), details: { local: true } });
    setBusy(true);
    const json = await file.text();
    const r = await call('calendar.importYear', { json });
    setBusy(false);
    if (input.current) input.current.value = '';
    if (!r.ok) return setError(r.error);
    onImported(r.value);
  }

  const problems = Array.isArray(error?.details?.errors) ? (error.details.errors as { path: string; message: string }[]) : [];

  return (
    <FieldGroup title={t('calendar.import.title')} data-testid="calendar-import">
      <p className="small muted">{t('calendar.import.intro')}</p>
      <FieldRow>
        <label className={buttonClass('secondary', 'normal', `sla-file-label${disabled || busy ? ' sla-disabled' : ''}`)}>
          {busy ? t('calendar.import.importing') : t('calendar.import.choose')}
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            className="ui-visually-hidden"
            disabled={disabled || busy}
            data-testid="calendar-import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
            }}
          />
        </label>
      </FieldRow>
      <details className="sla-format">
        <summary>{t('calendar.import.format')}</summary>
        <p className="small">{t('calendar.import.formatHint')}</p>
        <pre className="sla-json">{EXAMPLE}</pre>
      </details>
      {error && (
        <SlaErrorNotice error={error} testId="calendar-import-error">
          {problems.length > 0 && (
            <ul className="sla-problems">
              {problems.map((p, i) => (
                <li key={i}>
                  <code>{p.path}</code> {p.message}
                </li>
              ))}
            </ul>
          )}
        </SlaErrorNotice>
      )}
    </FieldGroup>
  );
}
