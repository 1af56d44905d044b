import { DateTime } from 'luxon';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import type { Locale } from '../../../core/contract/views';
import { useStore } from '../../store';
import { apiErrorText } from '../../i18n/apiError';
import { formatDate as fmtDate, formatDateTime as fmtDateTime, formatNumber, formatTime as fmtTime, now } from '../../format';

/** Everything on these pages is shown and entered in Beijing time. */
export const ZONE = 'Asia/Shanghai';

export function useLocale(): Locale {
  return useStore((s) => s.session?.locale) ?? 'zh-CN';
}

/** The console's date-time format (renderer/format.ts), Beijing time; with seconds for the audit log. */
export function formatDateTime(ms: number, seconds = false): string {
  return seconds ? `${fmtDate(ms)} ${fmtTime(ms, ZONE, true)}` : fmtDateTime(ms);
}

/** A YYYY-MM-DD calendar date with its weekday, e.g. 2026/02/16 周一. */
export function formatDate(isoDate: string, locale: Locale): string {
  const d = DateTime.fromISO(isoDate, { zone: ZONE });
  if (!d.isValid) return isoDate;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : 'zh-CN', { timeZone: ZONE, weekday: 'short' }).format(d.toMillis());
}

export { formatNumber };

/** Fixed, sortable form for CSV files: 2026-11-23 10:05:09, Beijing time. */
export function csvTimestamp(ms: number): string {
  return DateTime.fromMillis(ms, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** Start of a YYYY-MM-DD day in Beijing, as epoch ms; null when the string is not a date. */
export function beijingDayStart(isoDate: string): number | null {
  const d = DateTime.fromISO(isoDate, { zone: ZONE });
  return d.isValid ? d.startOf('day').toMillis() : null;
}

/** The back end's "now" (its clock may be pinned, e.g. in tests). */
export { now };

// ---------------------------------------------------------------------------------------------- CSV

/**
 * One CSV cell. Quotes when needed; text that Excel would run as a formula (=, +, -, @ followed by
 * something that is not a plain number or phone) gets a leading apostrophe, so a customer named
 * "=HYPERLINK(…)" cannot execute anything on the supervisor's machine.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?[\d\s().-]+$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Saves text as a UTF-8 CSV with a BOM, so Excel on a Chinese Windows opens it without mojibake. */
export function downloadCsv(fileName: string, text: string): void {
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

// ------------------------------------------------------------------------------------------- errors

/** A typed back-end error in words: what happened in the user's language, the English detail below. */
export function ErrorNotice({
  error,
  title,
  children,
  testId,
}: {
  error: ApiError | null;
  title?: string;
  children?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation('admin');
  if (!error) return null;
  const headline = title ?? t(`errors.${error.code}`, { defaultValue: t('errors.INTERNAL') });
  return (
    <div className="adm-alert adm-alert-error" role="alert" data-testid={testId}>
      <strong>{headline}</strong>
      {children}
      {apiErrorText(error) !== headline && <div className="adm-alert-detail">{apiErrorText(error)}</div>}
    </div>
  );
}

/** Translates an error into one line, for toasts (never the back end's English message). */
export function useErrorLine(): (error: ApiError) => string {
  useTranslation('apiErrors'); // re-render on a language change
  return (error) => apiErrorText(error);
}
