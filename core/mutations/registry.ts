import { AppError } from '../contract/result';
import { CAP_LOOKBACK_MS } from '../rules/contact-cap';
import { generateDemoData } from '../demo/generate';
import { mutationSchemas, type MutationArgs, type MutationName } from '../sync/mutations';
import { insertAudit } from '../store/audit';
import { insertAttempt, insertDnc } from '../store/attempts';
import { insertCallback } from '../store/callbacks';
import { customerIdsWithAttemptsSince, insertCustomer } from '../store/customers';
import { getSettings, putSettings } from '../store/settings';
import type { Q } from '../store/sql';
import { getUser, insertUser, supervisorIds } from '../store/users';
import { applyAttempt, applyLease, applyRelease, refreshCap } from './attempts';
import { applyImport } from './imports';
import { applyAnswer, applyFinish, applyStartResponse } from './responses';
import { applyDemoCases, applyDemoResponses } from './demo-cases';
import { applyCalendarSave, applyCaseSettings, applyMarkRead, applySlaPolicies, changedKeys } from './cases';
import { applyAssign, applyComment, applyCreateTicket, applyRecordBreach, applyTransition, applyUpdate } from './tickets';
import { applyApproveVoucher, applyRedeemVoucher, applyRejectVoucher, applyRequestVoucher, applyVoidVoucher } from './vouchers';
import { applyCreateScript, applyPublish, applyRetire, applySaveDraft, applySetMapping } from './scripts';
import { applyCreateFaq, applyFaqTransition, applyMarkFaqReviewed, applySaveFaq } from './faq';
import { supervisorOnly, type Acting } from './permissions';

/*
 * The one write path. Every named mutation's applier lives here, in core, written against the store
 * seam: the console runs it on SQLite (synchronously, in the action's transaction) and the server runs
 * the same generator on PostgreSQL with the authenticated user as the actor. Every business rule and
 * every permission is checked in the applier, so a rule cannot differ between the two.
 */

export type { Acting } from './permissions';

/**
 * The argument that names who acts, per mutation (null: the mutation has none and its applier checks the
 * actor itself, or it is a system step). A server refuses a mutation whose actor argument is not the
 * signed-in user: nothing a client claims about who it is counts.
 */
export const ACTOR_ARG = {
  'users.create': 'by',
  'settings.update': 'updatedBy',
  'demo.load': null,
  'callbacks.lease': 'agentId',
  'callbacks.release': 'agentId',
  'attempts.record': 'agentId',
  'audit.phoneRevealed': 'actorId',
  'audit.signIn': 'actorId',
  'audit.syncDiscarded': 'actorId',
  'imports.commit': 'createdBy',
  'scripts.create': 'by',
  'scripts.saveDraft': 'by',
  'scripts.publish': 'by',
  'scripts.retire': 'by',
  'scripts.setMapping': 'by',
  'responses.start': 'agentId',
  'responses.answer': null,
  'responses.finish': null,
  'cases.updateSettings': 'by',
  'sla.setPolicies': 'by',
  'calendar.save': 'by',
  'tickets.create': 'by',
  'tickets.transition': 'by',
  'tickets.assign': 'by',
  'tickets.update': 'by',
  'tickets.comment': 'by',
  'tickets.recordBreach': 'by',
  'vouchers.request': 'by',
  'vouchers.approve': 'by',
  'vouchers.reject': 'by',
  'vouchers.void': 'by',
  'vouchers.redeem': 'by',
  'notifications.markRead': 'by',
  'demo.loadCases': null,
  'demo.loadResponses': null,
  'faq.create': 'by',
  'faq.save': 'by',
  'faq.transition': 'by',
  'faq.markReviewed': 'by',
} as const satisfies { [N in MutationName]: (keyof MutationArgs<N> & string) | null };

type Appliers = { [N in MutationName]: (args: MutationArgs<N>, acting: Acting) => Q<unknown> };

const appliers = {
  *'users.create'(a) {
    // Anyone may add an agent; only a supervisor adds a supervisor, except the team's first one.
    if (a.role === 'supervisor' && (yield* supervisorIds()).length > 0) {
      const by = a.by === null ? undefined : yield* getUser(a.by);
      if (by?.role !== 'supervisor') throw new AppError('FORBIDDEN', 'Only a supervisor can add another supervisor.');
    }
    yield* insertUser({ id: a.id, name: a.name, role: a.role, createdAt: a.createdAt });
    // Added by someone (not the first run): the new user's id names the audit entry.
    if (a.by !== null) {
      yield* insertAudit({ id: a.id, at: a.createdAt, actorId: a.by, action: 'user.created', subjectType: 'user', subjectId: a.id, details: { name: a.name, role: a.role } });
    }
  },
  *'settings.update'(a) {
    yield* supervisorOnly(a.updatedBy, 'change the queue rules');
    const before = yield* getSettings();
    yield* putSettings(a.settings, a.updatedAt, a.updatedBy);
    if (a.auditId && a.updatedBy) {
      yield* insertAudit({ id: a.auditId, at: a.updatedAt, actorId: a.updatedBy, action: 'settings.queue_changed', subjectType: 'settings', subjectId: 'queue', details: { changed: changedKeys(before, a.settings) } });
    }
    // New cap limits apply to everyone contacted recently, not only to the next attempt.
    for (const customerId of yield* customerIdsWithAttemptsSince(a.updatedAt - CAP_LOOKBACK_MS)) {
      yield* refreshCap(customerId, a.updatedAt, a.settings);
    }
  },
  *'demo.load'(a) {
    const data = generateDemoData(a);
    const settings = yield* getSettings();
    for (const c of data.customers) yield* insertCustomer(c);
    for (const c of data.callbacks) yield* insertCallback(c);
    for (const t of data.attempts) yield* insertAttempt(t);
    for (const d of data.dncEntries) yield* insertDnc(d);
    for (const customerId of new Set(data.attempts.map((t) => t.customerId))) yield* refreshCap(customerId, a.now, settings);
    return { customers: data.customers.length, callbacks: data.callbacks.length };
  },
  'callbacks.lease': applyLease,
  'callbacks.release': applyRelease,
  'attempts.record': applyAttempt,
  'audit.phoneRevealed': (a) =>
    insertAudit({
      id: a.auditId,
      at: a.at,
      actorId: a.actorId,
      action: 'phone.reveal',
      subjectType: 'customer',
      subjectId: a.customerId,
      details: {},
    }),
  'audit.signIn': (a) =>
    insertAudit({
      id: a.auditId,
      at: a.at,
      // A refused sign-in whose login names no one has no actor; the login is in the details.
      actorId: a.actorId ?? 'anonymous',
      action: `auth.${a.event}`,
      subjectType: 'user',
      subjectId: a.actorId ?? 'anonymous',
      details: a.reason ? { login: a.login, reason: a.reason } : { login: a.login },
    }),
  'audit.syncDiscarded': (a) =>
    insertAudit({
      id: a.auditId,
      at: a.at,
      actorId: a.actorId,
      action: 'sync.discard',
      subjectType: 'change',
      subjectId: a.changeId,
      details: { mutation: a.mutation, code: a.code, message: a.message },
    }),
  'imports.commit': applyImport,
  'scripts.create': applyCreateScript,
  'scripts.saveDraft': applySaveDraft,
  'scripts.publish': applyPublish,
  'scripts.retire': applyRetire,
  'scripts.setMapping': applySetMapping,
  'responses.start': applyStartResponse,
  'responses.answer': applyAnswer,
  'responses.finish': applyFinish,
  'cases.updateSettings': applyCaseSettings,
  'sla.setPolicies': applySlaPolicies,
  'calendar.save': applyCalendarSave,
  'tickets.create': applyCreateTicket,
  'tickets.transition': applyTransition,
  'tickets.assign': applyAssign,
  'tickets.update': applyUpdate,
  'tickets.comment': applyComment,
  'tickets.recordBreach': applyRecordBreach,
  'vouchers.request': applyRequestVoucher,
  'vouchers.approve': applyApproveVoucher,
  'vouchers.reject': applyRejectVoucher,
  'vouchers.void': applyVoidVoucher,
  'vouchers.redeem': applyRedeemVoucher,
  'notifications.markRead': applyMarkRead,
  'demo.loadCases': applyDemoCases,
  'demo.loadResponses': applyDemoResponses,
  'faq.create': applyCreateFaq,
  'faq.save': applySaveFaq,
  'faq.transition': applyFaqTransition,
  'faq.markReviewed': applyMarkFaqReviewed,
} satisfies Appliers;

type Result<N extends MutationName> = (typeof appliers)[N] extends (...args: never[]) => Q<infer R> ? R : never;
export type ApplierResult<N extends MutationName> = Result<N>;

/** The user a mutation's arguments say acts, if the mutation names one. */
export function actorOf<N extends MutationName>(name: N, args: MutationArgs<N>): string | null {
  const field = ACTOR_ARG[name] as string | null;
  return field === null ? null : ((args as Record<string, unknown>)[field] as string | null);
}

/**
 * Applies one named mutation through the store seam. With an authenticated actor, the mutation's actor
 * argument must be that user (a mutation without one is refused unless its applier checks the actor).
 */
export function* applyMutation<N extends MutationName>(name: N, args: MutationArgs<N>, acting: Acting): Q<ApplierResult<N>> {
  if (acting !== 'local' && ACTOR_ARG[name] !== null && actorOf(name, args) !== acting.actorId) {
    throw new AppError('FORBIDDEN', 'A change can only be made in the name of the signed-in user.');
  }
  const applier = appliers[name] as unknown as (args: MutationArgs<N>, acting: Acting) => Q<ApplierResult<N>>;
  return yield* applier(args, acting);
}

/** Parses a stored or pushed mutation's arguments (typed BAD_INPUT when they do not fit its schema). */
export function parseMutationArgs<N extends MutationName>(name: N, raw: unknown): MutationArgs<N> {
  const schema = mutationSchemas[name];
  if (!schema) throw new AppError('BAD_INPUT', `Unknown mutation ${String(name)}.`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('BAD_INPUT', `The arguments of ${name} are not valid: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data as MutationArgs<N>;
}
