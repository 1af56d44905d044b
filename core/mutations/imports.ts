import type { MutationArgs } from '../sync/mutations';
import type { Priority } from '../domain/model';
import type { Q } from '../store/sql';
import { IMPORTED_CUSTOMER_CONSENTS } from '../csv/warnings';
import { insertCallback, openDuplicateExists } from '../store/callbacks';
import { customerIdByPhone, insertCustomer } from '../store/customers';
import { addToImportBatch, insertImportBatch } from '../store/imports';
import { insertAudit } from '../store/audit';
import { AppError } from '../contract/result';

/** Rows per `imports.commit` mutation: a 100,000-row file is 100 pushes of ~300 KB, not one of 27 MB. */
export const IMPORT_PART_ROWS = 1000;

/**
 * Commits one import batch (or one part of it). Deciding duplicates here (not in the service) keeps replay exact: the same
 * rows against the same prior state skip the same duplicates, on this console and on the server.
 */
export function* applyImport(a: MutationArgs<'imports.commit'>): Q<{ imported: number; duplicates: number }> {
  let imported = 0;
  let duplicates = 0;
  for (const row of a.rows) {
    let customerId = yield* customerIdByPhone(row.phone);
    if (customerId === undefined) {
      customerId = row.customerId;
      yield* insertCustomer({
        id: row.customerId,
        name: row.name,
        phone: row.phone,
        phoneStatus: 'ok',
        timezone: row.timezone,
        gender: 'unknown',
        city: null,
        segment: null,
        registeredAt: null,
        lastActiveAt: null,
        txnCount30d: null,
        balanceBand: null,
        tags: [],
        // An imported list is the team's own service relationship; marketing stays opt-in.
        consentService: IMPORTED_CUSTOMER_CONSENTS.service,
        consentSurvey: IMPORTED_CUSTOMER_CONSENTS.survey,
        consentMarketing: IMPORTED_CUSTOMER_CONSENTS.marketing,
        dncUntil: null,
        capUntil: null,
        createdAt: a.createdAt,
      });
    }
    if ((yield* openDuplicateExists(customerId, row.reason, row.dueAt))) {
      duplicates++;
      continue;
    }
    yield* insertCallback({
      id: row.callbackId,
      customerId,
      reason: row.reason,
      priority: row.priority as Priority,
      dueAt: row.dueAt,
      state: 'open',
      outcome: null,
      attempts: 0,
      failedAttempts: 0,
      leaseAgentId: null,
      leaseExpiresAt: null,
      notes: row.notes,
      source: 'import',
      importBatchId: a.batchId,
      createdAt: a.createdAt,
      closedAt: null,
    });
    imported++;
  }
  if (a.part.index > 0) {
    const found = yield* addToImportBatch(a.batchId, imported, duplicates);
    if (found === 0) throw new AppError('NOT_FOUND', 'The first part of this import was not applied, so its later parts cannot be.');
    return { imported, duplicates };
  }
  // The batch's id names its audit entry (written once, by the first part).
  yield* insertAudit({
    id: a.batchId,
    at: a.createdAt,
    actorId: a.createdBy,
    action: 'import.committed',
    subjectType: 'import',
    subjectId: a.batchId,
    details: { fileName: a.fileName, totalRows: a.totalRows, invalid: a.invalid },
  });
  yield* insertImportBatch({
    id: a.batchId,
    fileName: a.fileName,
    createdAt: a.createdAt,
    createdBy: a.createdBy,
    totalRows: a.totalRows,
    imported,
    duplicates,
    invalid: a.invalid,
  });
  return { imported, duplicates };
}
