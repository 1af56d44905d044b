import type { Priority, Reason } from '../domain/model';

export type CsvFileErrorCode = 'empty_file' | 'missing_columns' | 'undecodable';

/** A problem with the file as a whole: nothing in it can be imported. */
export class CsvFileError extends Error {
  constructor(
    readonly code: CsvFileErrorCode,
    message: string,
    /** Canonical (English) names of the required columns the header lacks. */
    readonly missing?: string[],
  ) {
    super(message);
    this.name = 'CsvFileError';
  }
}

export type RowErrorCode =
  | 'missing_phone'
  | 'invalid_phone'
  | 'missing_name'
  | 'name_too_long'
  | 'missing_reason'
  | 'invalid_reason'
  | 'invalid_priority'
  | 'invalid_timezone'
  | 'invalid_due_at'
  | 'notes_too_long'
  | 'wrong_column_count';

export interface RowError {
  /** 1-based physical line where the record starts; the header is line 1. */
  line: number;
  /** Canonical column key, or null when the error is about the record as a whole. */
  column: string | null;
  code: RowErrorCode;
  value: string;
  /** English, for the CLI; the UI translates by code. */
  message: string;
}

export interface ImportRow {
  line: number;
  /** E.164. */
  phone: string;
  name: string;
  reason: Reason;
  priority: Priority;
  /** UTC epoch ms; null = as soon as callable. */
  dueAt: number | null;
  timezone: string;
  notes: string;
}

export const COLUMN_KEYS = ['phone', 'name', 'reason', 'due_at', 'priority', 'timezone', 'notes'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['phone', 'name', 'reason'];

export interface CsvColumnMap {
  /** Cell index of each known column; null when the file has no such column. */
  readonly index: Readonly<Record<ColumnKey, number | null>>;
  /** Number of header cells; records are expected to have this many. */
  readonly width: number;
}

export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvRecords {
  columns: CsvColumnMap;
  records: CsvRecord[];
  blankLines: number;
}
