import { AppError } from '../contract/result';
import { checkCalendar, TICKET_PRIORITIES } from '../sla';
import type { MutationArgs } from '../sync/mutations';
import type { Q } from '../store/sql';
import { currentCalendar, getCaseSettings, insertCalendarVersion, putCaseSettings, putSlaPolicies } from '../store/case-settings';
import { insertAudit } from '../store/audit';
import { markRead } from '../store/notifications';
import { supervisorOnly } from './permissions';

/* Appliers of team policy (ticket/voucher settings, SLA policies, the business calendar) and notification reads. */


export function* applyCaseSettings(a: MutationArgs<'cases.updateSettings'>): Q<void> {
  yield* supervisorOnly(a.by, 'change the ticket and voucher settings');
  const before = yield* getCaseSettings();
  yield* putCaseSettings(a.settings, a.at, a.by);
  if (a.auditId) {
    yield* insertAudit({ id: a.auditId, at: a.at, actorId: a.by, action: 'settings.cases_changed', subjectType: 'settings', subjectId: 'cases', details: { changed: changedKeys(before, a.settings) } });
  }
}

export function* applySlaPolicies(a: MutationArgs<'sla.setPolicies'>): Q<void> {
  yield* supervisorOnly(a.by, 'change the SLA policies');
  // Every priority needs a policy that applies to any category, or a new ticket could have no SLA at all.
  const uncovered = TICKET_PRIORITIES.filter((p) => !a.policies.some((x) => x.priority === p && x.category === null));
  if (uncovered.length) {
    throw new AppError('BAD_INPUT', `Every priority needs a policy for all categories; missing: ${uncovered.join(', ')}.`, { uncovered });
  }
  yield* putSlaPolicies(a.policies, a.at, a.by);
  if (a.auditId) {
    yield* insertAudit({ id: a.auditId, at: a.at, actorId: a.by, action: 'sla.policies_changed', subjectType: 'settings', subjectId: 'sla', details: { policies: a.policies.length } });
  }
}

/** A saved calendar is a new version; tickets keep the version that timed them until re-evaluated. */
export function* applyCalendarSave(a: MutationArgs<'calendar.save'>): Q<number> {
  yield* supervisorOnly(a.by, 'change the business calendar');
  const problems = checkCalendar(a.content);
  if (problems.length) {
    throw new AppError('BAD_INPUT', `The calendar has problems: ${problems[0]!.message}`, { problems });
  }
  const version = (yield* currentCalendar()).version + 1;
  yield* insertCalendarVersion({ id: a.versionId, version, content: a.content, note: a.note, createdAt: a.at, createdBy: a.by });
  // The version's id names its audit entry: one entry per saved version.
  yield* insertAudit({ id: a.versionId, at: a.at, actorId: a.by, action: 'calendar.saved', subjectType: 'settings', subjectId: 'calendar', details: { version, note: a.note } });
  return version;
}

export function* applyMarkRead(a: MutationArgs<'notifications.markRead'>): Q<void> {
  yield* markRead(a.by, a.ids, a.at);
}

/** The settings whose value a change altered, by name (what the audit log tells a supervisor). */
export function changedKeys(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return Object.keys(b).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
