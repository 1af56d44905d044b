import type { ParsedInputOf } from '../../core/contract/api';
import type { AuditView, ImportBatchView } from '../../core/contract/views';
import type { Settings } from '../../core/settings';
import { listAudit } from '../../db/repos/audit';
import { namesOf, referencedIds } from '../../db/repos/audit-names';
import { listImportBatches } from '../../db/repos/imports';
import { getSettings } from '../../db/repos/settings';
import { currentSupervisor, currentUser, type ServiceContext } from './context';
import { runMutation } from './mutations/registry';

export function readSettings(ctx: ServiceContext): Settings {
  return getSettings(ctx.db);
}

/** Queue rules are team policy: only a supervisor changes them. */
export function updateSettings(ctx: ServiceContext, input: ParsedInputOf<'settings.update'>): Settings {
  const user = currentSupervisor(ctx, 'change the queue rules');
  const now = ctx.now();
  runMutation(ctx.db, 'settings.update', { settings: input, updatedAt: now, updatedBy: user.id, auditId: ctx.newId() }, now);
  return getSettings(ctx.db);
}

export function auditList(ctx: ServiceContext, input: ParsedInputOf<'audit.list'>): { rows: AuditView[]; total: number } {
  currentUser(ctx);
  const page = listAudit(ctx.db, input);
  // Names for the ids in the details, for the whole page at once: the log reads as sentences, not ids.
  // The subject is looked up too: a ticket or a user as the subject gets its code or name.
  const names = namesOf(ctx.db, [...new Set([...referencedIds(page.rows.map((r) => r.details)), ...page.rows.map((r) => r.subjectId)])]);
  return {
    total: page.total,
    rows: page.rows.map((r) => ({
      ...r,
      refs: Object.fromEntries([...referencedIds([r.details]), r.subjectId].flatMap((id) => (names[id] ? [[id, names[id]]] : []))),
    })),
  };
}

export function importBatches(ctx: ServiceContext): ImportBatchView[] {
  return listImportBatches(ctx.db).map(({ createdBy: _createdBy, ...rest }) => rest);
}
