import { run, type Q } from './sql';

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

export function* insertImportBatch(b: ImportBatchRecord): Q<void> {
  yield* run(
    `INSERT INTO import_batches (id, file_name, created_at, created_by, total_rows, imported, duplicates, invalid)
     VALUES (@id, @fileName, @createdAt, @createdBy, @totalRows, @imported, @duplicates, @invalid)`,
    b,
  );
}
