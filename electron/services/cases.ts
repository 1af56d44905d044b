import type { ParsedInputOf } from '../../core/contract/api';
import { AppError } from '../../core/contract/result';
import type { CalendarView, NotificationView } from '../../core/contract/views-cases';
import type { CaseSettings } from '../../core/cases/settings';
import { mergeHolidayYear, parseHolidayYear, type SlaPolicy } from '../../core/sla';
import { currentCalendar, getCaseSettings, getSlaPolicies, listCalendarVersions } from '../../db/repos/case-settings';
import { listNotifications, unreadCount, unreadIds } from '../../db/repos/notifications';
import { currentUser, type ServiceContext } from './context';
import { runMutation } from './mutations/registry';
import { sweepBreaches } from './tickets';

export function readCaseSettings(ctx: ServiceContext): CaseSettings {
  return getCaseSettings(ctx.db);
}

export function updateCaseSettings(ctx: ServiceContext, input: ParsedInputOf<'cases.updateSettings'>): CaseSettings {
  const me = currentUser(ctx);
  const now = ctx.now();
  runMutation(ctx.db, 'cases.updateSettings', { settings: input, at: now, by: me.id, auditId: ctx.newId() }, now);
  return getCaseSettings(ctx.db);
}

export function readPolicies(ctx: ServiceContext): SlaPolicy[] {
  return getSlaPolicies(ctx.db);
}

export function setPolicies(ctx: ServiceContext, input: ParsedInputOf<'sla.setPolicies'>): SlaPolicy[] {
  const me = currentUser(ctx);
  const now = ctx.now();
  runMutation(ctx.db, 'sla.setPolicies', { policies: input.policies, at: now, by: me.id, auditId: ctx.newId() }, now);
  return getSlaPolicies(ctx.db);
}

export function calendarView(ctx: ServiceContext): CalendarView {
  const current = currentCalendar(ctx.db);
  const { createdBy: _by, ...rest } = current;
  return {
    current: rest,
    versions: listCalendarVersions(ctx.db).map(({ createdBy: _b, ...v }) => v),
  };
}

export function saveCalendar(ctx: ServiceContext, input: ParsedInputOf<'calendar.save'>): CalendarView {
  const me = currentUser(ctx);
  const now = ctx.now();
  runMutation(ctx.db, 'calendar.save', { versionId: ctx.newId(), content: input.content, note: input.note, at: now, by: me.id }, now);
  return calendarView(ctx);
}

/** Next year's official holidays and make-up days, from a JSON file, as a new calendar version. */
export function importCalendarYear(ctx: ServiceContext, input: ParsedInputOf<'calendar.importYear'>): CalendarView {
  const me = currentUser(ctx);
  const parsed = parseHolidayYear(input.json);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new AppError('BAD_INPUT', `The holiday file is not valid: ${first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'unknown problem'}`, {
      errors: parsed.errors.slice(0, 20),
    });
  }
  const now = ctx.now();
  const content = mergeHolidayYear(currentCalendar(ctx.db).content, parsed);
  runMutation(ctx.db, 'calendar.save', { versionId: ctx.newId(), content, note: `import ${parsed.year}`, at: now, by: me.id }, now);
  return calendarView(ctx);
}

/** The signed-in user's notifications; records due SLA breaches first, so a new one shows up at once. */
export function notificationsList(ctx: ServiceContext, input: ParsedInputOf<'notifications.list'>): { rows: NotificationView[]; unread: number } {
  const me = currentUser(ctx);
  sweepBreaches(ctx);
  const rows = listNotifications(ctx.db, me.id, input.unreadOnly, input.limit).map(({ userId: _u, ...n }) => n as NotificationView);
  return { rows, unread: unreadCount(ctx.db, me.id) };
}

export function notificationsMarkRead(ctx: ServiceContext, input: ParsedInputOf<'notifications.markRead'>): { unread: number } {
  const me = currentUser(ctx);
  const now = ctx.now();
  const ids = input.ids === 'all' ? unreadIds(ctx.db, me.id) : input.ids;
  if (ids.length) runMutation(ctx.db, 'notifications.markRead', { ids, at: now, by: me.id }, now);
  return { unread: unreadCount(ctx.db, me.id) };
}
