import { describe, it, expect } from 'vitest';
import { CsvFileError, decodeCsvBytes } from './index';
import { GBK_SAMPLE, hex, utf8, withBom } from './testing';

function decodeError(bytes: Uint8Array): CsvFileError {
  try {
    decodeCsvBytes(bytes);
  } catch (e) {
    if (e instanceof CsvFileError) return e;
    throw e;
  }
  throw new Error('expected decodeCsvBytes to throw');
}

describe('decodeCsvBytes', () => {
  it('decodes UTF-8 without a BOM', () => {
    expect(decodeCsvBytes(utf8('姓名,phone\n张三,1'))).toEqual({ text: '姓名,phone\n张三,1', encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM', () => {
    const { text, encoding } = decodeCsvBytes(withBom(utf8('手机号,姓名')));
    expect(encoding).toBe('utf-8');
    expect(text).toBe('手机号,姓名');
    expect(text.charCodeAt(0)).toBe(0x624b);
  });

  it('strips a doubled BOM left by re-saving', () => {
    expect(decodeCsvBytes(withBom(withBom(utf8('a')))).text).toBe('a');
  });

  it('falls back to GBK for bytes that are not UTF-8', () => {
    expect(decodeCsvBytes(hex('d5c5c8fd2ccdb6cbdfbbd8b7c3'))).toEqual({ text: '张三,投诉回访', encoding: 'gbk' });
  });

  it('decodes a whole GBK file written by iconv', () => {
    const { text, encoding } = decodeCsvBytes(GBK_SAMPLE);
    expect(encoding).toBe('gbk');
    expect(text.split('\r\n')[0]).toBe('手机号,姓名,回访原因,预约时间,优先级,时区,备注');
    expect(text).toContain('"备注，含中文逗号"');
  });

  it('keeps plain ASCII as UTF-8', () => {
    expect(decodeCsvBytes(utf8('phone,name\n')).encoding).toBe('utf-8');
  });

  it('returns empty text for empty input', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  it.each([
    ['neither UTF-8 nor GBK', hex('ffff41')],
    ['an .xlsx workbook', hex('504b030414000600')],
    ['an old .xls workbook', hex('d0cf11e0a1b11ae1')],
    ['UTF-16 LE', hex('fffe700068006f006e006500')],
    ['binary with NUL bytes', hex('70680000006e65')],
  ])('rejects %s as undecodable', (_label, bytes) => {
    expect(decodeError(bytes).code).toBe('undecodable');
  });
});
