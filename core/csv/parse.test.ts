import { describe, it, expect } from 'vitest';
import { CsvFileError, duplicateKey, parseCallbackCsv } from './index';
import { GBK_SAMPLE, utf8, withBom } from './testing';

const zhang = {
  line: 2,
  phone: '+8613812345678',
  name: '张三',
  reason: 'complaint_followup',
  priority: 1,
  dueAt: Date.UTC(2026, 10, 23, 2, 0),
  timezone: 'Asia/Shanghai',
  notes: '客户要求下午回电',
} as const;
const li = {
  line: 3,
  phone: '+8613900001111',
  name: '李四',
  reason: 'satisfaction',
  priority: 3,
  dueAt: null,
  timezone: 'Asia/Shanghai',
  notes: '备注，含中文逗号',
} as const;

const ZH_TEXT =
  '手机号,姓名,回访原因,预约时间,优先级,时区,备注\r\n' +
  '138 1234 5678,张三,投诉回访,2026-11-23 10:00,1,,客户要求下午回电\r\n' +
  '+86 139-0000-1111,李四,满意度回访,,,Asia/Shanghai,"备注，含中文逗号"\r\n';

describe('parseCallbackCsv', () => {
  it('imports a GBK file from Excel on Chinese Windows', () => {
    expect(parseCallbackCsv(GBK_SAMPLE)).toEqual({ rows: [zhang, li], errors: [], blankLines: 0, encoding: 'gbk' });
  });

  it('imports the same content as UTF-8 with and without a BOM', () => {
    const expected = { rows: [zhang, li], errors: [], blankLines: 0, encoding: 'utf-8' };
    expect(parseCallbackCsv(utf8(ZH_TEXT))).toEqual(expected);
    expect(parseCallbackCsv(withBom(utf8(ZH_TEXT)))).toEqual(expected);
  });

  it('imports English headers in another order with an extra column', () => {
    const text =
      'notes,timezone,agent,priority,reason,name,phone,due_at\n' +
      'prefers English,America/Los_Angeles,w01,2,Winback,Ann Lee,+1 415 555 2671,2026-11-23 10:00\n';
    expect(parseCallbackCsv(utf8(text)).rows).toEqual([
      {
        line: 2,
        phone: '+14155552671',
        name: 'Ann Lee',
        reason: 'winback',
        priority: 2,
        dueAt: Date.UTC(2026, 10, 23, 18, 0),
        timezone: 'America/Los_Angeles',
        notes: 'prefers English',
      },
    ]);
  });

  it('keeps good rows, reports bad ones at their physical line, and counts blank lines', () => {
    const text = [
      'phone,name,reason,notes',
      '13812345678,"Wang,\nWu",care,"two',
      'lines"',
      '',
      'not a phone,b,care,',
      '13900001111,c,care,ok',
      '',
    ].join('\n');
    const result = parseCallbackCsv(utf8(text));
    expect(result.rows.map((r) => [r.line, r.name, r.notes])).toEqual([
      [2, 'Wang,\nWu', 'two\nlines'],
      [7, 'c', 'ok'],
    ]);
    expect(result.errors).toEqual([
      { line: 6, column: 'phone', code: 'invalid_phone', value: 'not a phone', message: '"not a phone" is not a valid phone number.' },
    ]);
    expect(result.blankLines).toBe(1);
  });

  it('throws CsvFileError listing the missing columns', () => {
    try {
      parseCallbackCsv(utf8('姓名,备注\n张三,x\n'));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CsvFileError);
      expect((e as CsvFileError).code).toBe('missing_columns');
      expect((e as CsvFileError).missing).toEqual(['phone', 'reason']);
    }
  });

  it('throws empty_file for an empty upload', () => {
    expect(() => parseCallbackCsv(new Uint8Array())).toThrow(
      expect.objectContaining({ code: 'empty_file' }),
    );
  });
});

describe('duplicateKey', () => {
  const base = { phone: '+8613812345678', reason: 'care', dueAt: 1_790_000_000_000 } as const;

  it('is equal for the same phone, reason and due time', () => {
    expect(duplicateKey(base)).toBe(duplicateKey({ ...base }));
    expect(duplicateKey(base)).toBe('+8613812345678|care|1790000000000');
  });

  it('differs when any of the three differs', () => {
    const keys = new Set([
      duplicateKey(base),
      duplicateKey({ ...base, phone: '+8613812345679' }),
      duplicateKey({ ...base, reason: 'winback' }),
      duplicateKey({ ...base, dueAt: 1_790_000_060_000 }),
      duplicateKey({ ...base, dueAt: null }),
    ]);
    expect(keys.size).toBe(5);
  });

  it('matches rows whose phones were typed differently', () => {
    const text = 'phone,name,reason\n138 1234 5678,a,care\n+86-138-1234-5678,b,关怀\n';
    const [a, b] = parseCallbackCsv(utf8(text)).rows;
    expect(duplicateKey(a!)).toBe(duplicateKey(b!));
  });
});
