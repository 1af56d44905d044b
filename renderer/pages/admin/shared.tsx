import { DateTime } from 'luxon';
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
 * some/** Translates an error into one line, for toasts (never the back end's English message). */
export function useErrorLine(): (error: ApiError) => string {
  useTranslation('apiErrors'); // re-render on a language change
  return (error) => apiErrorText(error);
}
