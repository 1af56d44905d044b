import { z } from 'zod';

/*
 * Team policy for complaint tickets and compensation: categories, the reopen window, the follow-up
 * after a resolution, voucher limits and the budget. Stored beside the queue settings (own key), changed
 * only by a supervisor through the `cases.updateSettings` mutation. Money is integer fen.
 */

const label = z.string().trim().min(1).max(40);
export const categorySchema = z
  .object({
    key: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, 'a key is lower-case letters, digits and _'),
    zh: label,
    en: label,
    retired: z.boolean().default(false),
  })
  .strict();
export type TicketCategoryDef = z.infer<typeof categorySchema>;

export const VOUCHER_REASON_CODES = [
  'service_failure',
  'payment_error',
  'delay',
  'goodwill',
  'security_incident',
  'other',
] as const;
export type VoucherReasonCode = (typeof VOUCHER_REASON_CODES)[number];

const fen = z.number().int().min(0).max(100_000_000_00);

export const caseSettingsSchema = z
  .object({
    categories: z.array(categorySchema).min(1).max(60),
    /** A closed ticket can be reopened within this many days of closing. */
    reopenWindowDays: z.number().int().min(0).max(365),
    /** Resolving a ticket schedules a complaint follow-up this many days later (inside the calling window). */
    followUpDays: z.number().int().min(0).max(60),
    /** An agent issues on their own up to this much per voucher… */
    agentVoucherLimitFen: fen,
    /** …and up to this much in total per Beijing day; above either, a supervisor approves. */
    agentDailyLimitFen: fen,
    /**
     * A supervisor's own authority (per voucher, per Beijing day). Above it another supervisor approves.
     * Settings saved before these existed read the defaults (the store merges them over the defaults).
     */
    supervisorVoucherLimitFen: fen,
    supervisorDailyLimitFen: fen,
    /** The team never issues more than this per Beijing calendar month. */
    teamMonthlyBudgetFen: fen,
    /** What one point is worth in fen, so points count against the same limits. */
    pointValueFen: z.number().int().min(0).max(10_000),
    /** Warn when a customer would receive this many vouchers within `repeatWindowDays`. */
    repeatWarnCount: z.number().int().min(2).max(50),
    repeatWindowDays: z.number().int().min(1).max(365),
    /** Default validity of a new voucher. */
    voucherValidDays: z.number().int().min(1).max(730),
  })
  .strict()
  .refine((s) => new Set(s.categories.map((c) => c.key)).size === s.categories.length, {
    message: 'category keys must be unique',
    path: ['categories'],
  })
  .refine((s) => s.agentDailyLimitFen >= s.agentVoucherLimitFen, {
    message: 'the daily limit cannot be lower than the per-voucher limit',
    path: ['agentDailyLimitFen'],
  })
  .refine((s) => s.supervisorDailyLimitFen >= s.supervisorVoucherLimitFen, {
    message: 'the daily limit cannot be lower than the per-voucher limit',
    path: ['supervisorDailyLimitFen'],
  });
export type CaseSettings = z.infer<typeof caseSettingsSchema>;

export const DEFAULT_CATEGORIES: TicketCategoryDef[] = [
  { key: 'payments', zh: '支付/转账', en: 'Payments & transfers', retired: false },
  { key: 'account_security', zh: '账户安全', en: 'Account security', retired: false },
  { key: 'app_usability', zh: '界面与操作', en: 'App usability', retired: false },
  { key: 'support_experience', zh: '客服体验', en: 'Support experience', retired: false },
  { key: 'offers_points', zh: '优惠/积分', en: 'Offers & points', retired: false },
  { key: 'other', zh: '其他', en: 'Other', retired: false },
];

export const DEFAULT_CASE_SETTINGS: CaseSettings = {
  categories: DEFAULT_CATEGORIES,
  reopenWindowDays: 7,
  followUpDays: 3,
  agentVoucherLimitFen: 50_00,
  agentDailyLimitFen: 200_00,
  supervisorVoucherLimitFen: 500_00,
  supervisorDailyLimitFen: 2000_00,
  teamMonthlyBudgetFen: 50_000_00,
  pointValueFen: 1,
  repeatWarnCount: 3,
  repeatWindowDays: 30,
  voucherValidDays: 90,
};

export function categoryLabel(settings: CaseSettings, key: string, locale: 'zh-CN' | 'en'): string {
  const c = settings.categories.find((x) => x.key === key);
  if (!c) return key;
  return locale === 'en' ? c.en : c.zh;
}

/** A role's own voucher authority: what it issues alone per voucher and per Beijing day. */
export function voucherLimitsOf(settings: CaseSettings, role: 'agent' | 'supervisor'): { perVoucherLimitFen: number; dailyLimitFen: number } {
  return role === 'supervisor'
    ? { perVoucherLimitFen: settings.supervisorVoucherLimitFen, dailyLimitFen: settings.supervisorDailyLimitFen }
    : { perVoucherLimitFen: settings.agentVoucherLimitFen, dailyLimitFen: settings.agentDailyLimitFen };
}
