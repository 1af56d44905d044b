import { v7 as uuidv7 } from 'uuid';
import { CAP_LOOKBACK_MS } from '../../../core/rules/contact-cap';
import { generateDemoData } from '../../../core/demo/generate';
import { mutationSchemas, type MutationArgs, type MutationName } from '../../../core/sync/mutations';
import type { Db } from '../../../db/open';
import { insertAudit } from '../../../db/repos/audit';
import { insertAttempt, insertDnc } from '../../../db/repos/attempts';
import { insertCallback } from '../../../db/repos/callbacks';
import { customerIdsWithAttemptsSince, insertCustomer } from '../../../db/repos/customers';
import { appendOutbox, listOutbox } from '../../../db/repos/outbox';
import { getSettings, putSettings } from '../../../db/repos/settings';
import { inTransaction } from '../../../db/repos/stmt';
import { insertUser } from '../../../db/repos/users';
import { applyAttempt, applyLease, applyRelease, refreshCap, type AttemptApplied } from './attempts';
import { applyImport } from './imports';
import { applyAnswer, applyFinish, applyStartResponse } from './responses';
import { applyDemoCases } from './demo-cases';
import { applyCalendarSave, applyCaseSettings, applyMarkRead, applySlaPolicies } from './cases';
import { applyAssign, applyComment, applyCreateTicket, applyRecordBreach, applyTransition, applyUpdate } from './tickets';
import {
  applyApproveVoucher,
  applyRedeemVoucher,
  applyRejectVoucher,
  applyRequestVoucher,
  applyVoidVoucher,
} from './vouchers';
import { applyCreateScript, applyPublish, applyRetire, applySaveDraft, applySetMapping } from './scripts';
import { applyCreateFaq, applyFaqTransition, applyMarkFaqReviewed, applySaveFaq } from './faq';

type Appliers = { [N in MutationName]: (db: Db, args: MutationArgs<N>) => unknown };

/** How each named mutation changes the local store. Deterministic in its args and the prior state. */
const appliers = {
  'users.create': (db, a) => insertUser(db, a),
  'settings.update': (db, a) => {
    putSettings(db, a.settings, a.updatedAt, a.updatedBy);
    // New cap limits apply to everyone contacted recently, not only to the next attempt.
    for (const customerId of customerIdsWithAttemptsSince(db, a.updatedAt - CAP_LOOKBACK_MS)) {
      refreshCap(db, customerId, a.updatedAt, a.settings);
    }
  },
  'demo.load': (db, a) => {
    const data = generateDemoData(a);
    const settings = getSettings(db);
    for (const c of data.customers) insertCustomer(db, c);
    for (const c of data.callbacks) insertCallback(db, c);
    for (const t of data.attempts) insertAttempt(db, t);
    for (const d of data.dncEntries) insertDnc(db, d);
    for (const customerId of new Set(data.attempts.map((t) => t.customerId))) refreshCap(db, customerId, a.now, settings);
    return { customers: data.customers.length, callbacks: data.callbacks.length };
  },
  'callbacks.lease': applyLease,
  'callbacks.release': applyRelease,
  'attempts.record': applyAttempt,
  'audit.phoneRevealed': (db, a) =>
    insertAudit(db, {
      id: a.auditId,
      at: a.at,
      actorId: a.actorId,
      action: 'phone.reveal',
      subjectType: 'customer',
      subjectId: a.customerId,
      details: {},
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
  'faq.create': applyCreateFaq,
  'faq.save': applySaveFaq,
  'faq.transition': applyFaqTransition,
  'faq.markReviewed': applyMarkFaqReviewed,
} satisfies Appliers;

export type ApplierResult<N extends MutationName> = ReturnType<(typeof appliers)[N]>;

/**
 * Applies a named mutation and appends it to the outbox in the same transaction: either both happen
 * or neither does. Business rule violations throw AppError and roll the whole action back.
 */
export function runMutation<N extends MutationName>(db: Db, name: N, args: MutationArgs<N>, now: number): ApplierResult<N> {
  return inTransaction(db, () => {
    const result = (appliers[name] as unknown as (db: Db, args: MutationArgs<N>) => ApplierResult<N>)(db, args);
    appendOutbox(db, { id: uuidv7(), name, args, createdAt: now });
    return result;
  });
}

/** Re-applies another database's outbox, in order, validating every mutation's args on the way. */
export function replayOutbox(target: Db, source: Db): number {
  const entries = listOutbox(source);
  inTransaction(target, () => {
    for (const entry of entries) {
      const name = entry.name as MutationName;
      const args = mutationSchemas[name].parse(JSON.parse(entry.args));
      (appliers[name] as (db: Db, args: unknown) => unknown)(target, args);
    }
  });
  return entries.length;
}

export type { AttemptApplied };
