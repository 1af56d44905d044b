import { describe, it, expect } from 'vitest';
import { splitCsv, validateRecord } from './index';
import type { ImportRow, RowError } from './index';

const HEADER = 'phone,name,reason,due_at,priority,timezone,notes';
const { columns } = splitCsv(HEADER);

function check(line: string, lineNo = 2) {
  const { records } = splitCsv(`${HEADER}\n${line}`);
  expect(records).toHaveLength(1);
  return validateRecord(columns, { line: lineNo, cells: records[0]!.cells });
}

function row(line: string): ImportRow {
  const r = check(line);
  if (!('row' in r)) throw new Error(`expected a row, got ${JSON.stringify(r.errors)}`);
  return r.row;
}

function errors(line: string): RowError[] {
  const r = check(line);
  if (!('errors' in r)) throw new Error(`expected errors, got ${JSON.stringify(r.row)}`);
  return r.errors;
}

describe('validateRecord — valid rows', () => {
  it('fills defaults: priority 3, Asia/Shanghai, due null, empty notes', () => {
    expect(row('138-1234-5678, 张三 ,complaint_followup,,,,')).toEqual({
      line: 2,
      phone: '+8613812345678',
      name: '张三',
      reason: 'complaint_followup',
      priority: 3,
      dueAt: null,
      timezone: 'Asia/Shanghai',
      notes: '',
    });
  });

  it('reads every column', () => {
    const line = '+1 415 555 2671,Ann Lee,winback,2026-11-23 10:00,1,America/Los_Angeles,"calls after 6pm, please"';
    expect(row(line)).toEqual({
      line: 2,
      phone: '+14155552671',
      name: 'Ann Lee',
      reason: 'winback',
      priority: 1,
      dueAt: Date.UTC(2026, 10, 23, 18, 0),
      timezone: 'America/Los_Angeles',
      notes: 'calls after 6pm, please',
    });
  });

  it.each([
    ['投诉回访', 'complaint_followup'],
    ['满意度回访', 'satisfaction'],
    ['流失挽回', 'winback'],
    ['新用户引导', 'onboarding'],
    [' 关怀 ', 'care'],
    ['Satisfaction', 'satisfaction'],
    ['CARE', 'care'],
  ])('accepts reason %j', (raw, reason) => {
    expect(row(`13812345678,a,${raw},,,,`).reason).toBe(reason);
  });

  it('reads a local due time in the row zone and an ISO time with its own offset', () => {
    expect(row('13812345678,a,care,2026-11-23 10:00,,,').dueAt).toBe(Date.UTC(2026, 10, 23, 2));
    expect(row('13812345678,a,care,2026-11-23T10:00:00+08:00,,Europe/Paris,').dueAt).toBe(Date.UTC(2026, 10, 23, 2));
  });

  it('canonicalises the zone spelling and accepts a full-width priority', () => {
    const r = row('13812345678,a,care,,５,asia/tokyo,');
    expect(r.timezone).toBe('Asia/Tokyo');
    expect(r.priority).toBe(5);
  });

  it('counts length limits in characters, not UTF-16 units', () => {
    expect(row(`13812345678,${'𠀀'.repeat(64)},care,,,,${'😀'.repeat(500)}`).name).toHaveLength(128);
  });


  it('works without optional columns', () => {
    const cols = splitCsv('姓名,手机号,回访原因').columns;
    expect(validateRecord(cols, { line: 9, cells: ['李四', '0086 139 0000 1111', '关怀'] })).toEqual({
      row: {
        line: 9,
        phone: '+8613900001111',
        name: '李四',
        reason: 'care',
        priority: 3,
        dueAt: null,
        timezone: 'Asia/Shanghai',
        notes: '',
      },
    });
  });
});

describe('validateRecord — errors', () => {
  const e = (column: string | null, code: RowError['code'], value: string, message: string): RowError => ({
    line: 2,
    column,
    code,
    value,
    message,
  });

  it.each<[string, string, RowError]>([
    ['missing_phone', ' ,a,care,,,,', e('phone', 'missing_phone', '', 'Phone number is required.')],
    ['invalid_phone', '12345,a,care,,,,', e('phone', 'invalid_phone', '12345', '"12345" is not a valid phone number.')],
    ['missing_name', '13812345678,,care,,,,', e('name', 'missing_name', '', 'Name is required.')],
    [
      'name_too_long',
      `13812345678,${'x'.repeat(65)},care,,,,`,
      e('name', 'name_too_long', 'x'.repeat(65), 'Name is longer than 64 characters.'),
    ],
    ['missing_reason', '13812345678,a,,,,,', e('reason', 'missing_reason', '', 'Reason is required.')],
    [
      'invalid_reason',
      '13812345678,a,满意度调查,,,,',
      e(
        'reason',
        'invalid_reason',
        '满意度调查',
        '"满意度调查" is not a known reason; use one of complaint_followup, satisfaction, winback, onboarding, care or its Chinese label.',
      ),
    ],
    [
      'invalid_priority 0',
      '13812345678,a,care,,0,,',
      e('priority', 'invalid_priority', '0', 'Priority "0" must be a whole number from 1 (highest) to 5.'),
    ],
    [
      'invalid_priority 2.5',
      '13812345678,a,care,,2.5,,',
      e('priority', 'invalid_priority', '2.5', 'Priority "2.5" must be a whole number from 1 (highest) to 5.'),
    ],
    [
      'invalid_timezone',
      '13812345678,a,care,,,Beijing,',
      e('timezone', 'invalid_timezone', 'Beijing', '"Beijing" is not an IANA time zone such as Asia/Shanghai.'),
    ],
    [
      'invalid_due_at',
      '13812345678,a,care,next monday,,,',
      e(
        'due_at',
        'invalid_due_at',
        'next monday',
        'Due time "next monday" must look like 2026-11-23 10:00 or 2026-11-23T10:00:00+08:00.',
      ),
    ],
    [
      'notes_too_long',
      `13812345678,a,care,,,,${'备'.repeat(501)}`,
      e('notes', 'notes_too_long', '备'.repeat(501), 'Notes are longer than 500 characters.'),
    ],
    [
      'wrong_column_count (too few)',
      '13812345678,a,care',
      e(null, 'wrong_column_count', '3', 'Expected 7 cells as in the header, found 3.'),
    ],
    [
      'wrong_column_count (unquoted comma)',
      '13812345678,Zhang, San,care,,,,',
      e(null, 'wrong_column_count', '8', 'Expected 7 cells as in the header, found 8.'),
    ],
  ])('%s', (_label, line, expected) => {
    expect(errors(line)).toEqual([expected]);
  });

  it('rejects a shifted row even when the extra cell is empty', () => {
    expect(errors('13812345678,a,care,,,,,').map((e) => e.code)).toEqual(['wrong_column_count']);
  });

  it('reports every problem of a row, in column order', () => {
    expect(errors('abc,,bogus,someday,9,Nowhere/City,').map((e) => [e.code, e.column, e.value])).toEqual([
      ['invalid_phone', 'phone', 'abc'],
      ['missing_name', 'name', ''],
      ['invalid_reason', 'reason', 'bogus'],
      ['invalid_priority', 'priority', '9'],
      ['invalid_timezone', 'timezone', 'Nowhere/City'],
      ['invalid_due_at', 'due_at', 'someday'],
    ]);
  });

  it('blames only the zone when a well-formed local due time cannot be placed', () => {
    expect(errors('13812345678,a,care,2026-11-23 10:00,,Nowhere/City,').map((e) => e.code)).toEqual(['invalid_timezone']);
  });

  it('uses the line number it is given', () => {
    expect(validateRecord(columns, { line: 41, cells: ['', 'a', 'care', '', '', '', ''] })).toEqual({
      errors: [{ line: 41, column: 'phone', code: 'missing_phone', value: '', message: 'Phone number is required.' }],
    });
  });
});
