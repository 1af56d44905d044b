import type { TFunction } from 'i18next';
import type { CaseSettings } from '../../../core/cases/settings';
import { fenToInput, MAX_FEN, parseYuan } from '../../../core/vouchers/money';
import { formatFen } from '../../../core/vouchers/describe';

/*
 * The ticket and voucher settings as typed: numbers stay text until saved, money is typed in yuan and
 * stored in fen. The checks mirror caseSettingsSchema so a refusal is explained beside the field.
 */

export interface CategoryDraft {
  key: string;
  zh: string;
  en: string;
  retired: boolean;
  /** Added in this edit: its key may still change and it may be removed (a saved one is retired instead). */
  isNew: boolean;
}

export interface CaseForm {
  categories: CategoryDraft[];
  reopenWindowDays: string;
  followUpDays: string;
  agentVoucherLimit: string;
  agentDailyLimit: string;
  supervisorVoucherLimit: string;
  supervisorDailyLimit: string;
  teamMonthlyBudget: string;
  pointValueFen: string;
  repeatWarnCount: string;
  repeatWindowDays: string;
  voucherValidDays: string;
}

/** Field errors; category rows as `categories[i].key|zh|en`. */
export type CaseErrors = Partial<Record<string, string>>;

export const INT_LIMITS = {
  reopenWindowDays: [0, 365],
  followUpDays: [0, 60],
  pointValueFen: [0, 10_000],
  repeatWarnCount: [2, 50],
  repeatWindowDays: [1, 365],
  voucherValidDays: [1, 730],
} as const;
const KEY_RE = /^[a-z][a-z0-9_]{1,39}$/;
const LABEL_MAX = 40;

export const MONEY_FIELDS = ['agentVoucherLimit', 'agentDailyLimit', 'supervisorVoucherLimit', 'supervisorDailyLimit', 'teamMonthlyBudget'] as const;
export type MoneyField = (typeof MONEY_FIELDS)[number];

export function toCaseForm(s: CaseSettings): CaseForm {
  return {
    categories: s.categories.map((c) => ({ ...c, isNew: false })),
    reopenWindowDays: String(s.reopenWindowDays),
    followUpDays: String(s.followUpDays),
    agentVoucherLimit: fenToInput(s.agentVoucherLimitFen),
    agentDailyLimit: fenToInput(s.agentDailyLimitFen),
    supervisorVoucherLimit: fenToInput(s.supervisorVoucherLimitFen),
    supervisorDailyLimit: fenToInput(s.supervisorDailyLimitFen),
    teamMonthlyBudget: fenToInput(s.teamMonthlyBudgetFen),
    pointValueFen: String(s.pointValueFen),
    repeatWarnCount: String(s.repeatWarnCount),
    repeatWindowDays: String(s.repeatWindowDays),
    voucherValidDays: String(s.voucherValidDays),
  };
}

export function sameCaseForm(a: CaseForm, b: CaseForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A key made from an English label: "Refund delay" → "refund_delay". */
export function keyFromLabel(label: string): string {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return /^[a-z]/.test(slug) ? slug : slug ? `c_${slug}`.slice(0, 40) : '';
}

function intIn(text: string, [min, max]: readonly [number, number]): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

export function fromCaseForm(f: CaseForm, t: TFunction<'sla'>): { settings: CaseSettings; errors: null } | { settings: null; errors: CaseErrors } {
  const errors: CaseErrors = {};
  const seen = new Map<string, number>();
  f.categories.forEach((c, i) => {
    const key = c.key.trim();
    if (!KEY_RE.test(key)) errors[`categories[${i}].key`] = t('cases.v.key');
    else if (seen.has(key)) errors[`categories[${i}].key`] = t('cases.v.keyTwice', { n: seen.get(key)! + 1 });
    else seen.set(key, i);
    for (const lang of ['zh', 'en'] as const) {
      const label = c[lang].trim();
      if (!label || [...label].length > LABEL_MAX) errors[`categories[${i}].${lang}`] = t('cases.v.label', { max: LABEL_MAX });
    }
  });
  if (f.categories.length === 0) errors.categories = t('cases.v.noCategory');
  else if (f.categories.every((c) => c.retired)) errors.categories = t('cases.v.allRetired');

  const ints: Partial<Record<keyof typeof INT_LIMITS, number>> = {};
  for (const key of Object.keys(INT_LIMITS) as (keyof typeof INT_LIMITS)[]) {
    const v = intIn(f[key], INT_LIMITS[key]);
    if (v === null) errors[key] = t('cases.v.int', { min: INT_LIMITS[key][0], max: INT_LIMITS[key][1] });
    else ints[key] = v;
  }
  const money = {} as Record<MoneyField, number>;
  for (const key of MONEY_FIELDS) {
    const fen = parseYuan(f[key], { allowZero: true });
    if (/^\s*[¥￥]?\s*[-−－]/.test(f[key])) errors[key] = t('cases.v.yuanNegative', { max: formatFen(MAX_FEN) });
    else if (!fen.ok) errors[key] = t(fen.problem === 'too_large' ? 'cases.v.yuanTooLarge' : 'cases.v.yuan', { max: formatFen(MAX_FEN) });
    else money[key] = fen.value;
  }
  if (money.agentVoucherLimit !== undefined && money.agentDailyLimit !== undefined && money.agentDailyLimit < money.agentVoucherLimit) {
    errors.agentDailyLimit = t('cases.v.dailyBelowVoucher');
  }
  if (money.supervisorVoucherLimit !== undefined && money.supervisorDailyLimit !== undefined && money.supervisorDailyLimit < money.supervisorVoucherLimit) {
    errors.supervisorDailyLimit = t('cases.v.dailyBelowVoucher');
  }
  if (Object.keys(errors).length > 0) return { settings: null, errors };
  return {
    settings: {
      categories: f.categories.map((c) => ({ key: c.key.trim(), zh: c.zh.trim(), en: c.en.trim(), retired: c.retired })),
      reopenWindowDays: ints.reopenWindowDays!,
      followUpDays: ints.followUpDays!,
      agentVoucherLimitFen: money.agentVoucherLimit,
      agentDailyLimitFen: money.agentDailyLimit,
      supervisorVoucherLimitFen: money.supervisorVoucherLimit,
      supervisorDailyLimitFen: money.supervisorDailyLimit,
      teamMonthlyBudgetFen: money.teamMonthlyBudget,
      pointValueFen: ints.pointValueFen!,
      repeatWarnCount: ints.repeatWarnCount!,
      repeatWindowDays: ints.repeatWindowDays!,
      voucherValidDays: ints.voucherValidDays!,
    },
    errors: null,
  };
}

/** The form field a back-end issue path points at ('agentDailyLimitFen' → 'agentDailyLimit'). */
export function caseFieldOf(path: string): string {
  return path.replace(/Fen$/, (m) => (path === 'pointValueFen' ? m : ''));
}
