import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApiError } from '../../../core/contract/result';
import { categoryLabel, type CaseSettings } from '../../../core/cases/settings';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { formatNumber } from '../../format';
import { apiErrorText } from '../../i18n/apiError';
import { ErrorNotice } from '../../components/ErrorNotice';

/*
 * Pieces shared by the SLA board, the vouchers page and the case settings sections (namespace 'sla').
 */

/**
 * Team case settings (categories, limits). Shared through the store's copy, so a category saved in the
 * settings section shows at once in the policy editor, the board and the Tickets page; re-read on mount
 * (another console may have changed them) and when the signed-in user or `reload` changes.
 */
export function useCaseSettings(reload = 0): CaseSettings | null {
  const userId = useStore((s) => s.session?.currentUser?.id);
  const settings = useStore((s) => s.caseSettings);
  useEffect(() => {
    let live = true;
    void call('cases.getSettings', {}).then((r) => {
      if (live && r.ok) useStore.setState({ caseSettings: r.value });
    });
    return () => {
      live = false;
    };
  }, [userId, reload]);
  return settings;
}

/** A category key in the UI language; unknown keys (a category since deleted) show as the key. */
export function categoryName(settings: CaseSettings | null, key: string, language: string): string {
  if (!settings) return key;
  return categoryLabel(settings, key, language === 'en' ? 'en' : 'zh-CN');
}

/**
 * The error codes of the case methods are not all in the admin catalog (BUDGET_EXCEEDED,
 * INVALID_TRANSITION): read ours first, then the admin one.
 */
function errorHead(t: TFunction<'sla'>, ta: TFunction<'admin'>, error: ApiError): string {
  return t(`errors.${error.code}`, { defaultValue: ta(`errors.${error.code}`, { defaultValue: ta('errors.INTERNAL') }) });
}

export function useSlaErrorLine(): (error: ApiError) => string {
  useTranslation('apiErrors'); // re-render on a language change
  return (error) => apiErrorText(error);
}

export function SlaErrorNotice({ error, testId, children }: { error: ApiError | null; testId?: string; children?: ReactNode }) {
  const { t } = useTranslation('sla');
  const { t: ta } = useTranslation('admin');
  if (!error) return null;
  return (
    <ErrorNotice error={error} title={errorHead(t, ta, error)} testId={testId}>
      {children}
    </ErrorNotice>
  );
}

/** Business minutes as hours and minutes: "4 小时 30 分" / "4 h 30 min". */
export function businessSpan(t: TFunction<'sla'>, minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return t('span.minutes', { m: formatNumber(rest) });
  if (rest === 0) return t('span.hours', { h: formatNumber(h) });
  return t('span.hoursMinutes', { h: formatNumber(h), m: rest });
}

/** Calendar time for a live countdown: "0:04:59", "26:10:00" stays as "1天 02:10:00" / "1d 02:10:00". */
export function countdown(t: TFunction<'sla'>, ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${days > 0 ? two(h) : h}:${two(m)}:${two(s)}`;
  return days > 0 ? t('span.daysClock', { d: days, clock }) : clock;
}

/** 0.875 → "87.5%"; null (nothing finished yet) → "—". */
export function percent(v: number | null): string {
  return v === null ? '—' : `${formatNumber(Math.round(v * 1000) / 10)}%`;
}
