import { describe, it, expect } from 'vitest';
import { CsvFileError, splitCsv } from './index';

function fileError(text: string): CsvFileError {
  try {
    splitCsv(text);
  } catch (e) {
    if (e instanceof CsvFileError) return e;
    throw e;
  }
  throw new Error('expected splitCsv to throw');
}

describe('splitCsv header', () => {
  it('maps English headers to cell indexes, absent optional columns to null', () => {
    const { columns } = splitCsv('phone,name,reason\n1,2,3\n');
    expect(columns).toEqual({
      index: { phone: 0, name: 1, reason: 2, due_at: null, priority: null, timezone: null, notes: null },
      width: 3,
    });
  });

  it('accepts Chinese headers in any order and ignores unknown columns', () => {
    const { columns } = splitCsv('备注,工号,回访原因,手机号,时区,姓名,优先级,预约时间\n');
    expect(columns.index).toEqual({ phone: 3, name: 5, reason: 2, due_at: 7, priority: 6, timezone: 4, notes: 0 });
    expect(columns.width).toBe(8);
  });

  it('trims headers, ignores case and a stray BOM, and accepts spaced or dashed names', () => {
    const { columns } = splitCsv('\uFEFF Phone ,NAME,Reason,Due At,due-at\n');
    expect(columns.index.phone).toBe(0);
    expect(columns.index.name).toBe(1);
    expect(columns.index.reason).toBe(2);
    expect(columns.index.due_at).toBe(3); // the first of two due columns wins
  });

  it('reports every missing required column', () => {
    const err = fileError('手机号,备注\n13812345678,x\n');
    expect(err.code).toBe('missing_columns');
    expect(err.missing).toEqual(['name', 'reason']);
    expect(err.message).toBe('Missing required column(s): name (姓名), reason (回访原因).');
  });

  it.each([[''], ['\n\n'], ['\r\n  \r\n'], [',,,\n']])('rejects %j as an empty file', (text) => {
    expect(fileError(text).code).toBe('empty_file');
  });

  it('returns no records for a header-only file', () => {
    expect(splitCsv('phone,name,reason').records).toEqual([]);
  });
});

describe('splitCsv records and line numbers', () => {
  it('numbers records by physical line, header being line 1', () => {
    const { records, blankLines } = splitCsv('phone,name,reason\na,b,c\nd,e,f\n');
    expect(records).toEqual([
      { line: 2, cells: ['a', 'b', 'c'] },
      { line: 3, cells: ['d', 'e', 'f'] },
    ]);
    expect(blankLines).toBe(0);
  });

  it('skips and counts blank lines, including whitespace-only and comma-only lines', () => {
    const text = 'phone,name,reason\r\n\r\na,b,c\r\n   \r\n,,\r\nd,e,f\r\n\r\n';
    const { records, blankLines } = splitCsv(text);
    expect(records.map((r) => r.line)).toEqual([3, 6]);
    expect(blankLines).toBe(4);
  });

  it('keeps line numbers right after quoted cells with commas and newlines', () => {
    const text = [
      'phone,name,reason,notes',
      '1,"Zhang, San",care,"line one',
      'line two',
      'line three"',
      '2,b,care,"x, ""quoted"""',
      '',
      '3,"multi\r\nline name",care,',
      '4,d,care,end',
    ].join('\r\n');
    const { records, blankLines } = splitCsv(text);
    expect(records).toEqual([
      { line: 2, cells: ['1', 'Zhang, San', 'care', 'line one\r\nline two\r\nline three'] },
      { line: 5, cells: ['2', 'b', 'care', 'x, "quoted"'] },
      { line: 7, cells: ['3', 'multi\r\nline name', 'care', ''] },
      { line: 9, cells: ['4', 'd', 'care', 'end'] },
    ]);
    expect(blankLines).toBe(1);
  });

  it('counts LF inside quotes in a CRLF file (what Excel writes) as a line', () => {
    const { records } = splitCsv('phone,name,reason,notes\r\n1,a,care,"x\ny"\r\n2,b,care,z\r\n');
    expect(records.map((r) => r.line)).toEqual([2, 4]);
    expect(records[0]!.cells[3]).toBe('x\ny');
  });

  it('finds the header after leading blank lines and numbers lines from the top of the file', () => {
    const { records, blankLines } = splitCsv('\n\nphone,name,reason\na,b,c\n');
    expect(records).toEqual([{ line: 4, cells: ['a', 'b', 'c'] }]);
    expect(blankLines).toBe(2);
  });

  it('handles a last record without a trailing newline', () => {
    expect(splitCsv('phone,name,reason\na,b,c').records).toEqual([{ line: 2, cells: ['a', 'b', 'c'] }]);
  });

  it('does not split on semicolons or tabs', () => {
    expect(splitCsv('phone,name,reason\na;b\tc,d,e\n').records[0]!.cells).toEqual(['a;b\tc', 'd', 'e']);
  });
});
