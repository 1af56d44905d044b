import type { TFunction } from 'i18next';
import type { ApiError } from '../../../core/contract/result';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';
import { issueText } from '../../i18n/apiError';

/*
 * The settings form keeps what the user typed (strings) and converts to and from the stored shape:
 * times of day as minutes after midnight, retry spacing as minutes but edited in hours.
 */

export type Field = keyof Settings;
export type FieldErrors = Partial<Record<Field, string>>;
/** Applies a change to the form; the fields named lose their error, since what was wrong has changed. */
export type EditForm = (patch: Partial<SettingsForm>, fields: Field[]) => void;

export interface SettingsForm {
  callWindowStart: string;
  callWindowEnd: string;
  noCallWeekdays: number[];
  noCallDates: string[];
  capPer24h: string;
  capPer7d: string;
  retryHours: string;
  maxAttempts: string;
  leaseMinutes: string;
}

const DAY = 24 * 60;
export const RETRY_MIN_MINUTES = 10;
export const RETRY_MAX_MINUTES = 14 * DAY;
export const LIMITS = {
  capPer24h: [1, 50],
  capPer7d: [1, 200],
  maxAttempts: [1, 20],
  leaseMinutes: [1, DAY],
} as const satisfies Partial<Record<Field, readonly [number, number]>>;

const pad = (n: number) => String(n).padStart(2, '0');

/** 540 → '09:00'. The end of the day (1440) shows as 00:00, which the end field reads back as 1440. */
export function minutesToTime(m: number): string {
  const v = ((m % DAY) + DAY) % DAY;
  return `${pad(Math.floor(v / 60))}:${pad(v % 60)}`;
}

export function timeToMinutes(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

/** 1620 → '27'; 10 → '0.17'. */
export function minutesToHours(m: number): string {
  return String(Math.round((m / 60) * 100) / 100);
}

export function toForm(s: Settings): SettingsForm {
  return {
    callWindowStart: minutesToTime(s.callWindowStart),
    callWindowEnd: minutesToTime(s.callWindowEnd),
    noCallWeekdays: [...s.noCallWeekdays].sort((a, b) => a - b),
    noCallDates: [...s.noCallDates].sort(),
    capPer24h: String(s.capPer24h),
    capPer7d: String(s.capPer7d),
    retryHours: minutesToHours(s.retrySpacingMinutes),
    maxAttempts: String(s.maxAttempts),
    leaseMinutes: String(s.leaseMinutes),
  };
}

export function sameForm(a: SettingsForm, b: SettingsForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function intIn(raw: string, [min, max]: readonly [number, number]): number | null {
  const s = raw.trim();
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

/**
 * Checks the form with the same rules as settingsSchema (core/settings.ts), in the user's language.
 * Returns the settings to save, or the message for each field that is wrong.
 */
export function fromForm(
  f: SettingsForm,
  t: TFunction<'admin'>,
): { settings: Settings; errors: null } | { settings: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const start = timeToMinutes(f.callWindowStart);
  const endRaw = timeToMinutes(f.callWindowEnd);
  const end = endRaw === 0 ? DAY : endRaw;
  if (start === null) errors.callWindowStart = t('settings.v.time');
  if (end === null) errors.callWindowEnd = t('settings.v.time');
  else if (start !== null && end <= start) errors.callWindowEnd = t('settings.v.windowOrder');

  const ints = {} as Record<keyof typeof LIMITS, number>;
  for (const key of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    const [min, max] = LIMITS[key];
    const v = intIn(f[key], LIMITS[key]);
    if (v === null) errors[key] = t('settings.v.int', { min, max });
    else ints[key] = v;
  }
  if (ints.capPer24h !== undefined && ints.capPer7d !== undefined && ints.capPer7d < ints.capPer24h) {
    errors.capPer7d = t('settings.v.capOrder');
  }

  const hours = Number(f.retryHours.trim().replace(',', '.'));
  const retry = f.retryHours.trim() === '' || !Number.isFinite(hours) ? null : Math.round(hours * 60);
  if (retry === null || retry < RETRY_MIN_MINUTES || retry > RETRY_MAX_MINUTES) {
    errors.retrySpacingMinutes = t('settings.v.retry', {
      min: minutesToHours(RETRY_MIN_MINUTES),
      max: minutesToHours(RETRY_MAX_MINUTES),
    });
  }

  if (Object.keys(errors).length > 0 || start === null || end === null || retry === null) return { settings: null, errors };
  return {
    settings: {
      callWindowStart: start,
      callWindowEnd: end,
      noCallWeekdays: [...f.noCallWeekdays].sort((a, b) => a - b),
      noCallDates: [...f.noCallDates].sort(),
      capPer24h: ints.capPer24h,
      capPer7d: ints.capPer7d,
      retrySpacingMinutes: retry,
      maxAttempts: ints.maxAttempts,
      leaseMinutes: ints.leaseMinutes,
    },
    errors: null,
  };
}

/** Field errors from a BAD_INPUT answer: zod issues carry the path of the field they are about. */
export function serverFieldErrors(error: ApiError, format: (message: string) => string): FieldErrors {
  const issues = Array.isArray(error.details?.issues) ? (error.details.issues as Parameters<typeof issueText>[0][]) : [];
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path?.[0];
    if (typeof field === 'string' && field in DEFAULT_SETTINGS && !out[field as Field]) {
      out[field as Field] = format(issueText(issue));
    }
  }
  return out;
}
