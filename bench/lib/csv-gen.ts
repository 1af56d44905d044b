import { REASON_LABELS_ZH, REASONS, type Priority, type Reason } from '../../core/domain/model';
import { chineseMobile, makeName } from '../../core/demo/people';
import { createPrng, weighted, type Prng } from '../../core/demo/prng';

/**
 * A supervisor's callback list as it arrives from Excel: UTF-8 with BOM, CRLF, the English template
 * header, mobiles typed every way people type them, reasons as keys or Chinese labels, due times in
 * three spellings, a few zones, notes with commas and quotes. A small share repeats an earlier phone
 * (same customer, another reason), repeats a whole row (a duplicate) or is broken (invalid).
 */

export interface CsvRow {
  /** What the row means once validated; null for the rows built to be invalid. */
  canonical: {
    phone: string;
    name: string;
    reason: Reason;
    priority: Priority;
    dueAt: number | null;
    timezone: string;
    notes: string;
  } | null;
  /** Exact repeat of an earlier row (same phone, reason, due time): the import skips it. */
  duplicate: boolean;
}

export interface GeneratedCsv {
  bytes: Uint8Array;
  rows: CsvRow[];
  counts: { rows: number; invalid: number; duplicates: number; repeatCustomers: number; distinctPhones: number };
}

const HOUR = 3_600_000;
const ABROAD = ['America/Los_Angeles', 'Asia/Tokyo', 'Asia/Singapore', 'Europe/London', 'Australia/Sydney', 'America/New_York'];
const reasonOf = weighted<Reason>([['complaint_followup', 25], ['satisfaction', 30], ['winback', 15], ['onboarding', 15], ['care', 15]]);
const priorityOf = weighted<Priority | null>([[null, 20], [1, 8], [2, 17], [3, 35], [4, 12], [5, 8]]);
const NOTES = [
  '客户反映转账到账延迟，已升级处理',
  '退款已原路退回，请确认客户是否收到',
  '客户要求下午回电，不要在午休时间打',
  '实名认证失败三次，需要指导上传身份证照片',
  '备注，含中文逗号，和英文逗号, 两种',
  'Customer prefers English; ask about the "frozen account" notice',
  'Asked for a callback after 3pm, re: merchant QR code fees',
  '红包提现手续费投诉，已按政策减免',
  '新用户未绑卡，引导完成绑卡并介绍优惠券',
  '上次通话中断，客户说"信号不好"，请再联系',
];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Local wall-clock parts of an instant in Shanghai (the default zone of the file). */
function shanghaiParts(t: number) {
  const d = new Date(t + 8 * HOUR);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() };
}

function formatPhone(rng: Prng, e164: string): string {
  const n = e164.slice(3); // 11-digit national mobile
  const [a, b, c] = [n.slice(0, 3), n.slice(3, 7), n.slice(7)];
  const roll = rng.float();
  if (roll < 0.3) return n;
  if (roll < 0.5) return `+86 ${a} ${b} ${c}`;
  if (roll < 0.7) return `${a}-${b}-${c}`;
  if (roll < 0.8) return e164;
  if (roll < 0.88) return `${a} ${b} ${c}`;
  if (roll < 0.93) return `0086 ${a} ${b} ${c}`;
  if (roll < 0.97) return `(+86) ${a}-${b}-${c}`;
  return n.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit))); // full-width, as a Chinese IME types
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function generateCsv(rowsWanted: number, seed: number, now: number): GeneratedCsv {
  const rng = createPrng(seed, 0);
  const phones = new Set<string>();
  const rows: CsvRow[] = [];
  const lines: string[] = ['phone,name,reason,due_at,priority,timezone,notes'];
  const counts = { rows: 0, invalid: 0, duplicates: 0, repeatCustomers: 0, distinctPhones: 0 };
  const earlier: { cells: string[]; canonical: NonNullable<CsvRow['canonical']> }[] = [];

  for (let i = 0; i < rowsWanted; i++) {
    const roll = rng.float();
    if (roll < 0.005 && earlier.length > 0) {
      // An exact duplicate: the same row pasted twice.
      const prev = rng.pick(earlier);
      lines.push(prev.cells.join(','));
      rows.push({ canonical: prev.canonical, duplicate: true });
      counts.duplicates++;
      continue;
    }
    if (roll < 0.008) {
      // Broken rows: a mobile missing a digit, an unknown reason, an impossible date.
      const kind = rng.int(0, 2);
      const phone = kind === 0 ? chineseMobile(rng).slice(3, 13) : chineseMobile(rng).slice(3);
      const reason = kind === 1 ? 'survey' : '满意度回访';
      const due = kind === 2 ? '2026-13-01 10:00' : '';
      lines.push([phone, makeName(rng).name, reason, due, '', '', ''].map(csvCell).join(','));
      rows.push({ canonical: null, duplicate: false });
      counts.invalid++;
      continue;
    }

    let e164: string;
    let name: string;
    let timezone = 'Asia/Shanghai';
    let zoneCell = '';
    const repeat = roll < 0.03 && earlier.length > 0 ? rng.pick(earlier) : null;
    if (repeat) {
      // The same customer again, for another reason.
      e164 = repeat.canonical.phone;
      name = repeat.canonical.name;
      timezone = repeat.canonical.timezone;
      zoneCell = timezone === 'Asia/Shanghai' ? '' : timezone;
      counts.repeatCustomers++;
    } else {
      do e164 = chineseMobile(rng);
      while (phones.has(e164));
      phones.add(e164);
      name = makeName(rng).name;
      const z = rng.float();
      if (z < 0.07) {
        timezone = rng.pick(ABROAD);
        zoneCell = rng.chance(0.2) ? timezone.toLowerCase() : timezone;
      } else if (z < 0.15) {
        zoneCell = 'Asia/Shanghai';
      }
    }
    let reason = reasonOf(rng);
    if (repeat && reason === repeat.canonical.reason) reason = REASONS[(REASONS.indexOf(reason) + 1) % REASONS.length]!;
    const reasonCell = rng.chance(0.45) ? REASON_LABELS_ZH[reason] : rng.chance(0.1) ? reason.toUpperCase() : reason;

    let dueAt: number | null = null;
    let dueCell = '';
    const dueRoll = rng.float();
    if (dueRoll >= 0.35) {
      // Quarter hours between 10:00 and 19:30 Shanghai time, from two days ago to a week ahead.
      const day = rng.int(-2, 7);
      const minuteOfDay = 10 * 60 + 15 * rng.int(0, 38);
      const base = shanghaiParts(now + day * 24 * HOUR);
      const wallUtc = Date.UTC(base.y, base.m - 1, base.d) + minuteOfDay * 60_000;
      const p = shanghaiParts(wallUtc - 8 * HOUR);
      if (timezone === 'Asia/Shanghai' && dueRoll < 0.65) {
        dueAt = wallUtc - 8 * HOUR;
        dueCell = `${p.y}-${pad2(p.m)}-${pad2(p.d)} ${pad2(p.h)}:${pad2(p.min)}`;
      } else if (timezone === 'Asia/Shanghai' && dueRoll < 0.8) {
        dueAt = wallUtc - 8 * HOUR;
        dueCell = `${p.y}/${p.m}/${p.d} ${p.h}:${pad2(p.min)}`;
      } else {
        // With an explicit offset the instant does not depend on the zone column.
        dueAt = wallUtc - 8 * HOUR;
        dueCell = `${p.y}-${pad2(p.m)}-${pad2(p.d)}T${pad2(p.h)}:${pad2(p.min)}:00+08:00`;
      }
    }
    const priority = priorityOf(rng);
    const notes = rng.chance(0.4) ? '' : rng.pick(NOTES);
    const canonical = { phone: e164, name, reason, priority: priority ?? 3, dueAt, timezone, notes };
    const cells = [formatPhone(rng, e164), name, reasonCell, dueCell, priority === null ? '' : String(priority), zoneCell, notes].map(csvCell);
    lines.push(cells.join(','));
    rows.push({ canonical, duplicate: false });
    if (earlier.length < 5_000 || rng.chance(0.05)) earlier[earlier.length < 5_000 ? earlier.length : rng.int(0, 4_999)] = { cells, canonical };
  }
  counts.rows = rows.length;
  counts.distinctPhones = phones.size;
  const text = `\uFEFF${lines.join('\r\n')}\r\n`;
  return { bytes: new TextEncoder().encode(text), rows, counts };
}
