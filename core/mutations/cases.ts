import { AppError } from '../contract/result';
import { checkCalendar, TICKET_PRIORITIES } from '../sla';
import type { MutationArgs } from '../sync/mutations';
import type { Q } from '../store/sql';
import { currentCalendar, insertCalendarVersion, putCaseSettings, putSlaPolicies } from '../store/case-settings';
import { markRead } from '../store/notifications';
import { supervisorOnly } from './permissions';

/* Appliers of team policy (ticket/voucher settings, SLA policies, the business calendar) and notification reads. */


export function* applyCaseSettings(a: MutationArgs<'cases.updateSettings'>): Q<void> {
  yield* supervisorOnly(a.by, 'change the ticket and voucher settings');
  yield* putCaseSettings(a.settings, a.at, a.by);
}

export function* applySlaPolicies(a: MutationArgs<'sla.setPolicies'>): Q<void> {
  yield* supervisorOnly(a.by, 'change the SLA policies');
  // Every priority needs a policy that applies to any category, or a new ticket could have no SLA at all.
  const uncovered = TICKET_PRIORITIES.filter((p) => !a.policies.some((x) => x.priority === p && x.category === null));
  if (uncovered.length) {
    throw new AppError('BAD_INPUT', `Every priority needs a policy for all categories; missing: ${uncovered.join(', ')}.`, { uncovered });
  }
  yield* putSlaPolicies(a.policies, a.at, a.by);
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
  return version;
}

export function* applyMarkRead(a: MutationArgs<'notifications.markRead'>): Q<void> {
  yield* markRead(a.by, a.ids, a.at);
}
