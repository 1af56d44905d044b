import type { Db } from '../open';
import { stmt } from './stmt';
import * as store from '../../core/store/imports';
import { onDb } from '../store';
import type { ImportBatchRecord } from '../../core/store/imports';

export function listImportBatches(db: Db, limit = 100): (ImportBatchRecord & { createdByName: string | null })[] {
  return stmt(
    db,
    `SELECT b.id, b.file_name AS fileName, b.created_at AS createdAt, b.created_by AS createdBy, b.total_rows AS totalRows,
            b.imported, b.duplicates, b.invalid, u.name AS createdByName
       FROM import_batches b LEFT JOIN users u ON u.id = b.created_by ORDER BY b.created_at DESC LIMIT ?`,
  ).all(limit) as (ImportBatchRecord & { createdByName: string | null })[];
}

// The appliers' reads and writes live in core/store (shared with the server); these run them on this console's SQLite.
export const insertImportBatch = onDb(store.insertImportBatch);
export type { ImportBatchRecord };
