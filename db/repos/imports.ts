import type { Db } from '../open';
import { stmt } from './stmt';

export interface ImportBatchRecord {
  id: string;
  fileName: string;
  createdAt: number;
  createdBy: string;
  totalRows: number;
  imported: number;
  duplicates: number;
  invalid: number;
}

export function insertImportBatch(db: Db, b: ImportBatchRecord): void {
  stmt(
    db,
    `INSERT INTO import_batches (id, file_name, created_at, created_by, total_rows, imported, duplicates, invalid)
     VALUES (@id, @fileName, @createdAt, @createdBy, @totalRows, @imported, @duplicates, @invalid)`,
  ).run(b);
}

export function listImportBatches(db: Db, limit = 100): (ImportBatchRecord & { createdByName: string | null })[] {
  return stmt(
    db,
    `SELECT b.id, b.file_name AS fileName, b.created_at AS createdAt, b.created_by AS createdBy, b.total_rows AS totalRows,
            b.imported, b.duplicates, b.invalid, u.name AS createdByName
       FROM import_batches b LEFT JOIN users u ON u.id = b.created_by ORDER BY b.created_at DESC LIMIT ?`,
  ).all(limit) as (ImportBatchRecord & { createdByName: string | null })[];
}
