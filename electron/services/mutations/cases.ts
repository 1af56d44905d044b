import { AppError } from '../../../core/contract/result';
import { checkCalendar, TICKET_PRIORITIES } from '../../../core/sla';
import type { MutationArgs } from '../../../core/sync/mutations';
import type { Db } from '../../../db/open';
import { currentCalendar, insertCalendarVersion, putCaseSettings, putSlaPolicies } from '../../../db/repos/case-settings';
import { markRead } from '../../../db/repos/notifications';
import { getUser } from '../../../db/repos/users';

/* Appliers of team policy (ticket/voucher settings, SLA policies, the business calendar) and notification reads. */

function supervisorOnly(db: Db, by: string, what: string): void {
  if (getUser(db, by)?.role !== 'supervisor') throw new AppError('FORBIDDEN', `Only a supervisor can change ${what}.`);
}

export function applyCaseSettings(db: Db, a: MutationArgs<'cases.updateSettings'>): void {
  supervisorOnly(db, a.by, 'the ticket and voucher settings');
  putCaseSettings(db, a.settings, a.at, a.by);
}

export function applySlaPolicies(db: Db, a: MutationArgs<'sla.setPolicies'>): void {
  supervisorOnly(db, a.by, 'the SLA policies');
  // Every priority needs a policy that applies to any category, or a new ticket could have no SLA at all.
  const uncovered = TICKET_PRIORITIES.filter((p) => !a.policies.some((x) => x.priority === p && x.category === null));
  if (uncovered.length) {
    throw new AppError('BAD_INPUT', `Every priority needs a policy for all categories; missing: ${uncovered.join(', ')}.`, { uncovered });
  }
  putSlaPolicies(db, a.policies, a.at, a.by);
}

/** A saved calendar is a new version; tickets keep the version that timed them until re-evaluated. */
export function applyCalendarSave(db: Db, a: MutationArgs<'calendar.save'>): number {
  supervisorOnly(db, a.by, 'the business calendar');
  const problems = checkCalendar(a.content);
  if (problems.length) {
    throw new AppError('BAD_INPUT', `The calendar has problems: ${problems[0]!.message}`, { problems });
  }
  const version = currentCalendar(db).version + 1;
  insertCalendarVersion(db, { id: a.versionId, version, content: a.content, note: a.note, createdAt: a.at, createdBy: a.by });
  return version;
}

export function applyMarkRead(db: Db, a: MutationArgs<'notifications.markRead'>): void {
  markRead(db, a.by, a.ids, a.at);
}
