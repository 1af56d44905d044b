import type { Reason } from '../domain/model';
import { splitCsv } from './columns';
import { decodeCsvBytes } from './decode';
import type { CsvEncoding } from './decode';
import type { ImportRow, RowError } from './types';
import { validateRecord } from './validate';

export { CsvFileError, COLUMN_KEYS, REQUIRED_COLUMNS } from './types';
export type {
  ColumnKey,
  CsvColumnMap,
  CsvFileErrorCode,
  CsvRecord,
  CsvRecords,
  ImportRow,
  RowError,
  RowErrorCode,
} from './types';
export { decodeCsvBytes } from './decode';
export type { CsvEncoding } from './decode';
export { COLUMN_LABELS_ZH, splitCsv } from './columns';
export { validateRecord, NAME_MAX, NOTES_MAX, DEFAULT_PRIORITY } from './validate';
export { DEFAULT_TIMEZONE } from './datetime';

export interface ParsedCallbackCsv {
  rows: ImportRow[];
  errors: RowError[];
  blankLines: number;
  encoding: CsvEncoding;
}

/** Decode, split and validate in one go; services that report progress call the parts instead. */
export function parseCallbackCsv(bytes: Uint8Array): ParsedCallbackCsv {
  const { text, encoding } = decodeCsvBytes(bytes);
  const { columns, records, blankLines } = splitCsv(text);
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  for (const rec of records) {
    const result = validateRecord(columns, rec);
    if ('row' in result) rows.push(result.row);
    else errors.push(...result.errors);
  }
  return { rows, errors, blankLines, encoding };
}

/** Key used to detect exact duplicates: same phone, reason and due time. */
export function duplicateKey(r: { phone: string; reason: Reason; dueAt: number | null }): string {
  return `${r.phone}|${r.reason}|${r.dueAt ?? 'asap'}`;
}
