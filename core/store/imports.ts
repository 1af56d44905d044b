import { run, type Q, write } from './sql';

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
  yield* write(
    `INSERT INTO import_batches (id, file_name, created_at, created_by, total_rows, imported, duplicates, invalid)
     VALUES (@id, @fileName, @createdAt, @createdBy, @totalRows, @imported, @duplicates, @invalid)`,
    b,
  );
}

/** A later part of a batch pushed in chunks: its counts add to the batch row its first part wrote. */
export function* addToImportBatch(id: string, imported: number, duplicates: number): Q<number> {
  return yield* run('UPDATE import_batches SET imported = imported + @imported, duplicates = duplicates + @duplicates WHERE id = @id', { id, imported, duplicates });
}
