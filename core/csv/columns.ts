import Papa from 'papaparse';
import { COLUMN_KEYS, CsvFileError, REQUIRED_COLUMNS } from './types';
import type { ColumnKey, CsvColumnMap, CsvRecord, CsvRecords } from './types';

/** The Chinese headers our template (and most supervisors' own sheets) use. */
export const COLUMN_LABELS_ZH: Record<ColumnKey, string> = {
  phone: '手机号',
  name: '姓名',
  reason: '回访原因',
  due_at: '预约时间',
  priority: '优先级',
  timezone: '时区',
  notes: '备注',
};

const HEADER_ALIASES = new Map<string, ColumnKey>();
for (const key of COLUMN_KEYS) {
  HEADER_ALIASES.set(key, key);
  HEADER_ALIASES.set(COLUMN_LABELS_ZH[key], key);
}

/** 'Due At', 'due-at' and 'DUE_AT' all mean due_at; people retype headers by hand. */
export function headerKey(cell: string): ColumnKey | null {
  const h = cell.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
  return HEADER_ALIASES.get(h) ?? null;
}

export function mapColumns(header: readonly string[]): CsvColumnMap {
  const index = Object.fromEntries(COLUMN_KEYS.map((k) => [k, null])) as Record<ColumnKey, number | null>;
  header.forEach((cell, i) => {
    const key = headerKey(cell);
    // First occurrence wins so a stray duplicate column further right cannot override the data.
    if (key !== null && index[key] === null) index[key] = i;
  });
  const missing = REQUIRED_COLUMNS.filter((k) => index[k] === null);
  if (missing.length > 0) {
    const names = missing.map((k) => `${k} (${COLUMN_LABELS_ZH[k]})`).join(', ');
    throw new CsvFileError('missing_columns', `Missing required column(s): ${names}.`, [...missing]);
  }
  return { index, width: header.length };
}

function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

/**
 * Splits text into records tagged with the physical line each starts on. papaparse reports only
 * where a record ends, so lines are counted over the text between record starts; that stays
 * right when quoted cells contain newlines. \r\n, \n and a lone \r each count as one line break.
 */
export function splitCsv(text: string): CsvRecords {
  const records: CsvRecord[] = [];
  let header: string[] | null = null;
  let blankLines = 0;
  let recordStart = 0;
  let counted = 0;
  let line = 1;

  Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: false,
    step(results) {
      const start = recordStart;
      recordStart = results.meta.cursor;
      // papaparse yields an empty record for the final line break; it is not a line of its own.
      if (start >= text.length) return;
      for (let i = counted; i < start; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
      }
      counted = start;
      const cells = results.data;
      if (isBlank(cells)) {
        blankLines++;
      } else if (header === null) {
        header = cells;
      } else {
        records.push({ line, cells });
      }
    },
  });

  if (header === null) throw new CsvFileError('empty_file', 'The file is empty.');
  return { columns: mapColumns(header), records, blankLines };
}
