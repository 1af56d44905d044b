/**
 * The names of every contract method, by domain, with no schema attached. The sandboxed Electron preload
 * bundles only this file (not zod), and derives one exposed verb per name.
 *
 * Why names live here as `as const` lists (and are not generated from the contract by a script): the
 * contract needs zod and the preload must not bundle it, so the names have to exist somewhere zod-free.
 * A generated file would need a step someone must remember to run (and a staleness test to catch them);
 * these lists need none, because the compiler holds everything else to them: each domain's contract file
 * (api-<domain>.ts) `satisfies ContractFor<ThatDomainsMethod>`, each handler map
 * (electron/services/handlers/<domain>.ts) is typed `HandlersFor<…>`, so a name missing from, or added only
 * to, either is a type error; test/contract-names.test.ts checks the same at run time, fuzz inputs included.
 *
 * The order is the order of METHOD_NAMES, which the contract fuzz runs in (and seeds by): a new method goes
 * at the end of its domain's list, and a new domain at the end.
 */
export const SESSION_METHODS = [
  'system.status',
  'session.get',
  'session.setUp',
  'session.signIn',
  'session.signOut',
  'session.setLocale',
  'users.create',
  'users.setPassword',
  'settings.get',
  'settings.update',
] as const;

/** The queue, the call in progress and customer look-ups. */
export const CALLS_METHODS = [
  'queue.list',
  'queue.summary',
  'queue.takeNext',
  'callbacks.get',
  'callbacks.take',
  'callbacks.release',
  'callbacks.startCall',
  'callbacks.recordOutcome',
  'callbacks.saveDraft',
  'customers.revealPhone',
  'customers.search',
] as const;

/** Callback imports and the audit log. */
export const ADMIN_METHODS = ['imports.start', 'imports.status', 'imports.commit', 'imports.cancel', 'imports.list', 'audit.list'] as const;

/** Questionnaire scripts, the responses to them, and the survey figures. */
export const QUESTIONNAIRE_METHODS = [
  'scripts.list',
  'scripts.get',
  'scripts.create',
  'scripts.saveDraft',
  'scripts.publish',
  'scripts.retire',
  'scripts.export',
  'scripts.import',
  'scripts.setMapping',
  'responses.forCallback',
  'responses.start',
  'responses.answer',
  'responses.finish',
  'reports.survey',
] as const;

/** Tickets, SLA policy, the business calendar, vouchers and notifications. */
export const CASES_METHODS = [
  'tickets.list',
  'tickets.get',
  'tickets.create',
  'tickets.transition',
  'tickets.assign',
  'tickets.update',
  'tickets.comment',
  'tickets.board',
  'tickets.attainment',
  'tickets.sweep',
  'cases.getSettings',
  'cases.updateSettings',
  'sla.getPolicies',
  'sla.setPolicies',
  'calendar.get',
  'calendar.save',
  'calendar.importYear',
  'vouchers.quote',
  'vouchers.request',
  'vouchers.approve',
  'vouchers.reject',
  'vouchers.void',
  'vouchers.redeem',
  'vouchers.list',
  'vouchers.spend',
  'notifications.list',
  'notifications.markRead',
] as const;

export const SYNC_METHODS = ['sync.status', 'sync.connect', 'sync.now', 'sync.attention', 'sync.retry', 'sync.discard'] as const;

export const FAQ_METHODS = [
  'faq.list',
  'faq.get',
  'faq.prefill',
  'faq.check',
  'faq.create',
  'faq.save',
  'faq.transition',
  'faq.markReviewed',
  'faq.export',
] as const;

/** Supervisor reports. */
export const REPORTS_METHODS = ['reports.outcomes', 'reports.callbacks', 'reports.satisfaction', 'reports.complaints'] as const;

/** Each domain's names, in METHOD_NAMES order; the key is the domain's file name (api-<key>.ts, handlers/<key>.ts). */
export const METHODS_BY_DOMAIN = {
  session: SESSION_METHODS,
  calls: CALLS_METHODS,
  admin: ADMIN_METHODS,
  questionnaire: QUESTIONNAIRE_METHODS,
  cases: CASES_METHODS,
  sync: SYNC_METHODS,
  faq: FAQ_METHODS,
  reports: REPORTS_METHODS,
} as const;
export type Domain = keyof typeof METHODS_BY_DOMAIN;
export type MethodOf<D extends Domain> = (typeof METHODS_BY_DOMAIN)[D][number];

export type SessionMethod = MethodOf<'session'>;
export type CallsMethod = MethodOf<'calls'>;
export type AdminMethod = MethodOf<'admin'>;
export type QuestionnaireMethod = MethodOf<'questionnaire'>;
export type CasesMethod = MethodOf<'cases'>;
export type SyncMethod = MethodOf<'sync'>;
export type FaqMethod = MethodOf<'faq'>;
export type ReportsMethod = MethodOf<'reports'>;

export const METHOD_NAMES = [
  ...SESSION_METHODS,
  ...CALLS_METHODS,
  ...ADMIN_METHODS,
  ...QUESTIONNAIRE_METHODS,
  ...CASES_METHODS,
  ...SYNC_METHODS,
  ...FAQ_METHODS,
  ...REPORTS_METHODS,
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

/**
 * The methods a caller may use before signing in: the boot and database-error screens (system.status),
 * the question "who am I" (session.get answers signed out), the first-run setup, the sign-in itself and
 * the language switch on those screens. Every other method needs a signed-in session: the back end answers
 * UNAUTHENTICATED, and the web host 401 before reading the body.
 */
export const PUBLIC_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'system.status',
  'session.get',
  'session.setUp',
  'session.signIn',
  'session.setLocale',
  // A console that is not set up yet may join a team instead (it signs in to the server to do so).
  'sync.connect',
]);
