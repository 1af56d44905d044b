import { REASONS, REASON_LABELS_ZH } from '../domain/model';
import type { Priority, Reason } from '../domain/model';
import { normalizePhone } from '../rules/phone';
import { canonicalZone, DEFAULT_TIMEZONE, parseDueAt } from './datetime';
import type { ColumnKey, CsvColumnMap, CsvRecord, ImportRow, RowError, RowErrorCode } from './types';

export const NAME_MAX = 64;
export const NOTES_MAX = 500;
export const DEFAULT_PRIORITY: Priority = 3;

const REASON_LOOKUP = new Map<string, Reason>();
for (const r of REASONS) {
  REASON_LOOKUP.set(r, r);
  REASON_LOOKUP.set(REASON_LABELS_ZH[r], r);
}

const NON_ASCII = /[\u0080-\uffff]/;

/** English for the CLI; the UI words errors itself from the code. */
const MESSAGES: Record<Exclude<RowErrorCode, 'wrong_column_count'>, (value: string) => string> = {
  missing_phone: () => 'Phone number is required.',
  invalid_phone: (v) => `"${v}" is not a valid phone number.`,
  missing_name: () => 'Name is required.',
  name_too_long: () => `Name is longer than ${NAME_MAX} characters.`,
  missing_reason: () => 'Reason is required.',
  invalid_reason: (v) =>
    `"${v}" is not a known reason; use one of ${REASONS.join(', ')} or its Chinese label.`,
  invalid_priority: (v) => `Priority "${v}" must be a whole number from 1 (highest) to 5.`,
  invalid_timezone: (v) => `"${v}" is not an IANA time zone such as Asia/Shanghai.`,
  invalid_due_at: (v) =>
    `Due time "${v}" must look like 2026-11-23 10:00 or 2026-11-23T10:00:00+08:00.`,
  notes_too_long: () => `Notes are longer than ${NOTES_MAX} characters.`,
};

/** Limits count characters as people see them, so an emoji or rare hanzi is one, not two. */
function tooLong(s: string, max: number): boolean {
  return s.length > max && [...s].length > max;
}

function cellOf(columns: CsvColumnMap, cells: readonly string[], key: ColumnKey): string {
  const i = columns.index[key];
  return i === null ? '' : (cells[i] ?? '').trim();
}

/**
 * Checks one record and turns it into an import row, or lists everything wrong with it so a
 * supervisor can fix the sheet in one pass.
 */
export function validateRecord(
  columns: CsvColumnMap,
  rec: CsvRecord,
): { row: ImportRow } | { errors: RowError[] } {
  const { line, cells } = rec;

  // A shifted record (an unquoted comma in a name) puts values under the wrong headers, so
  // per-cell errors would mislead; this is the only one reported. Not even empty extra cells are
  // let through: 'Zhang, San' with a trailing comma would otherwise import as name 'Zhang'.
  if (cells.length !== columns.width) {
    const message = `Expected ${columns.width} cells as in the header, found ${cells.length}.`;
    return {
      errors: [{ line, column: null, code: 'wrong_column_count', value: String(cells.length), message }],
    };
  }

  const errors: RowError[] = [];
  const fail = (column: ColumnKey, code: keyof typeof MESSAGES, value: string) => {
    errors.push({ line, column, code, value, message: MESSAGES[code](value) });
  };

  const rawPhone = cellOf(columns, cells, 'phone');
  let phone = '';
  if (rawPhone === '') {
    fail('phone', 'missing_phone', '');
  } else {
    const n = normalizePhone(rawPhone);
    if (n.ok) phone = n.e164;
    else fail('phone', 'invalid_phone', rawPhone);
  }

  const name = cellOf(columns, cells, 'name');
  if (name === '') fail('name', 'missing_name', '');
  else if (tooLong(name, NAME_MAX)) fail('name', 'name_too_long', name);

  const rawReason = cellOf(columns, cells, 'reason');
  const reason = REASON_LOOKUP.get(rawReason.toLowerCase());
  if (rawReason === '') fail('reason', 'missing_reason', '');
  else if (reason === undefined) fail('reason', 'invalid_reason', rawReason);

  let rawPriority = cellOf(columns, cells, 'priority');
  if (NON_ASCII.test(rawPriority)) rawPriority = rawPriority.normalize('NFKC');
  let priority: Priority = DEFAULT_PRIORITY;
  if (/^[1-5]$/.test(rawPriority)) priority = Number(rawPriority) as Priority;
  else if (rawPriority !== '') fail('priority', 'invalid_priority', rawPriority);

  const rawZone = cellOf(columns, cells, 'timezone');
  const timezone = rawZone === '' ? DEFAULT_TIMEZONE : canonicalZone(rawZone);
  if (timezone === null) fail('timezone', 'invalid_timezone', rawZone);

  const rawDue = cellOf(columns, cells, 'due_at');
  // With a bad zone a local time cannot be placed, but a syntax check still catches a second mistake.
  const dueAt = rawDue === '' ? null : parseDueAt(rawDue, timezone ?? 'UTC');
  if (rawDue !== '' && dueAt === null) fail('due_at', 'invalid_due_at', rawDue);

  const notes = cellOf(columns, cells, 'notes');
  if (tooLong(notes, NOTES_MAX)) fail('notes', 'notes_too_long', notes);

  if (errors.length > 0 || reason === undefined || timezone === null) return { errors };
  return { row: { line, phone, name, reason, priority, dueAt, timezone, notes } };
}
