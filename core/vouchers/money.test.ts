import { describe, expect, it } from 'vitest';
import { fenToInput, parseWhole, parseYuan } from './money';

describe('parseYuan', () => {
  it.each([
    ['88', 8800],
    ['88.5', 8850],
    ['88.50', 8850],
    ['0.29', 29],
    ['1.13', 113],
    ['.5', 50],
    ['88.', 8800],
    ['¥1,288.00', 128800],
    ['￥ 50', 5000],
    ['８８．５', 8850],
    ['20元', 2000],
    ['1000000', 100000000],
  ])('%s is %i fen', (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, value: fen });
  });

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['abc', 'format'],
    ['-5', 'format'],
    ['1e3', 'format'],
    ['88.555', 'decimals'],
    ['0.001', 'decimals'],
    ['0', 'zero'],
    ['0.00', 'zero'],
    ['100000001', 'too_large'],
  ])('%j is refused (%s)', (text, problem) => {
    expect(parseYuan(text)).toEqual({ ok: false, problem });
  });

  it('never drifts: every amount up to ¥100 with two decimals round-trips', () => {
    for (let fen = 1; fen <= 10_000; fen++) {
      const text = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
      expect(parseYuan(text)).toEqual({ ok: true, value: fen });
      expect(parseYuan(fenToInput(fen))).toEqual({ ok: true, value: fen });
    }
  });
});

describe('parseWhole', () => {
  it('takes whole numbers in range', () => {
    expect(parseWhole('20', 1, 99)).toEqual({ ok: true, value: 20 });
    expect(parseWhole('20%', 1, 99)).toEqual({ ok: true, value: 20 });
    expect(parseWhole('2.5', 1, 99)).toEqual({ ok: false, problem: 'decimals' });
    expect(parseWhole('100', 1, 99)).toEqual({ ok: false, problem: 'too_large' });
    expect(parseWhole('0', 1, 99)).toEqual({ ok: false, problem: 'zero' });
    expect(parseWhole('', 1, 99)).toEqual({ ok: false, problem: 'empty' });
  });
});
