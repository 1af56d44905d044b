/*
 * Amounts typed by agents. Money crosses the contract as integer fen, so a yuan string is converted by
 * its digits, never through floating point ("0.29" * 100 is 28.999999999999996).
 */

/** The contract's ceiling for one voucher amount: ¥100,000,000.00. */
export const MAX_FEN = 100_000_000_00;

export type AmountProblem = 'empty' | 'format' | 'decimals' | 'zero' | 'too_large';
export type Parsed = { ok: true; value: number } | { ok: false; problem: AmountProblem };

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E]/g;

function normalise(text: string): string {
  // Chinese input methods type full-width digits and a full-width point; thousands separators are noise.
  return text
    .replace(FULL_WIDTH, (c) => (c === '\uFF0E' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)))
    .replace(/^[\s¥￥]+/, '')
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
}

/**
 * "88", "88.5", "¥1,288.00", "８８．５" → fen. More than two decimals is refused, not rounded. Zero is
 * refused unless `allowZero` (a limit of ¥0 is a setting; a voucher of ¥0 is a mistake).
 */
export function parseYuan(text: string, { allowZero = false } = {}): Parsed {
  const s = normalise(text);
  if (s === '') return { ok: false, problem: 'empty' };
  const m = /^(\d{1,12})(?:\.(\d*))?$/.exec(s) ?? /^()\.(\d+)$/.exec(s);
  if (!m) return { ok: false, problem: 'format' };
  const frac = m[2] ?? '';
  if (frac.length > 2) return { ok: false, problem: 'decimals' };
  const whole = m[1] === '' ? 0 : Number(m[1]);
  const fen = whole * 100 + Number(frac.padEnd(2, '0'));
  if (fen === 0 && !allowZero) return { ok: false, problem: 'zero' };
  if (fen > MAX_FEN) return { ok: false, problem: 'too_large' };
  return { ok: true, value: fen };
}

/** A whole number within [min, max] (percent off, points). */
export function parseWhole(text: string, min: number, max: number): Parsed {
  const s = normalise(text).replace(/%$/, '');
  if (s === '') return { ok: false, problem: 'empty' };
  if (!/^\d{1,12}$/.test(s)) return { ok: false, problem: /^\d+\.\d+$/.test(s) ? 'decimals' : 'format' };
  const n = Number(s);
  if (n === 0 || n < min) return { ok: false, problem: 'zero' };
  if (n > max) return { ok: false, problem: 'too_large' };
  return { ok: true, value: n };
}

/** Fen back to the plain yuan string an input shows: 8850 → "88.50", 8800 → "88". */
export function fenToInput(fen: number): string {
  const whole = Math.floor(fen / 100);
  const rest = fen % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}
