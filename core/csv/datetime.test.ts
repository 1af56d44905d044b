import { describe, it, expect } from 'vitest';
import { canonicalZone, parseDueAt, wallClockToUtc } from './datetime';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s);

describe('parseDueAt', () => {
  it.each([
    ['2026-11-23 10:00', 'Asia/Shanghai', utc(2026, 11, 23, 2)],
    ['2026-11-23 10:00', 'America/Los_Angeles', utc(2026, 11, 23, 18)],
    ['2026-07-01 10:00', 'America/Los_Angeles', utc(2026, 7, 1, 17)], // PDT
    ['2026-11-23 10:00:30', 'Asia/Shanghai', utc(2026, 11, 23, 2, 0, 30)],
    ['2026/11/23 10:00', 'Asia/Shanghai', utc(2026, 11, 23, 2)],
    ['2026/11/3 9:05', 'Asia/Shanghai', utc(2026, 11, 3, 1, 5)],
    ['2026-11-23T10:00', 'Europe/London', utc(2026, 11, 23, 10)],
    ['2026-11-23T10:00:00', 'Asia/Tokyo', utc(2026, 11, 23, 1)],
    ['2026-11-23T10:00:00+08:00', 'America/Los_Angeles', utc(2026, 11, 23, 2)],
    ['2026-11-23T10:00:00Z', 'Asia/Shanghai', utc(2026, 11, 23, 10)],
    ['2026-11-23T10:00:00.250-05:00', 'Asia/Shanghai', utc(2026, 11, 23, 15) + 250],
    ['2026-11-23T10:00+0530', 'Asia/Shanghai', utc(2026, 11, 23, 4, 30)],
    ['2026-11-23 10:00 +08', 'UTC', utc(2026, 11, 23, 2)],
    ['２０２６－１１－２３　１０：００', 'Asia/Shanghai', utc(2026, 11, 23, 2)],
    ['2028-02-29 00:00', 'Asia/Shanghai', utc(2028, 2, 28, 16)],
  ])('%s in %s', (raw, zone, expected) => {
    expect(parseDueAt(raw, zone)).toBe(expected);
  });

  it.each([
    ['2026-11-23'],
    ['10:00'],
    ['tomorrow 10:00'],
    ['23/11/2026 10:00'],
    ['2026-02-29 10:00'],
    ['2026-04-31 10:00'],
    ['2026-13-01 10:00'],
    ['2026-11-23 24:00'],
    ['2026-11-23 10:60'],
    ['2026-11-23 10:00:60'],
    ['2026-11/23 10:00'],
    ['0026-11-23 10:00'],
    ['2026-11-23T10:00:00+24:00'],
    ['2026-11-23T10:00:00 PST'],
    ['46349'],
  ])('rejects %j', (raw) => {
    expect(parseDueAt(raw, 'Asia/Shanghai')).toBeNull();
  });
});

describe('wallClockToUtc across DST changes', () => {
  it('moves a time in the spring-forward gap forward by the gap', () => {
    expect(wallClockToUtc('America/Los_Angeles', utc(2026, 3, 8, 2, 30))).toBe(utc(2026, 3, 8, 10, 30));
  });

  it('takes the earlier instant of a repeated hour', () => {
    expect(wallClockToUtc('America/Los_Angeles', utc(2026, 11, 1, 1, 30))).toBe(utc(2026, 11, 1, 8, 30));
    expect(wallClockToUtc('America/Los_Angeles', utc(2026, 11, 1, 2, 30))).toBe(utc(2026, 11, 1, 10, 30));
  });

  it('handles half-hour transitions that fall inside a UTC hour (Lord Howe)', () => {
    // DST starts 2026-10-04 02:00 local (+10:30 → +11:00), i.e. 2026-10-03 15:30Z.
    expect(wallClockToUtc('Australia/Lord_Howe', utc(2026, 10, 4, 1, 59))).toBe(utc(2026, 10, 3, 15, 29));
    expect(wallClockToUtc('Australia/Lord_Howe', utc(2026, 10, 4, 2, 15))).toBe(utc(2026, 10, 3, 15, 45));
    expect(wallClockToUtc('Australia/Lord_Howe', utc(2026, 10, 4, 2, 30))).toBe(utc(2026, 10, 3, 15, 30));
  });
});

describe('canonicalZone', () => {
  it.each([
    ['Asia/Shanghai', 'Asia/Shanghai'],
    ['asia/shanghai', 'Asia/Shanghai'],
    ['America/Los_Angeles', 'America/Los_Angeles'],
    ['UTC', 'UTC'],
    ['Etc/GMT-8', 'Etc/GMT-8'],
  ])('%s → %s', (raw, name) => {
    expect(canonicalZone(raw)).toBe(name);
  });

  it.each([['Mars/Olympus'], ['+08:00'], ['GMT+8'], ['北京时间'], ['Asia/Shanghai '], ['']])('rejects %j', (raw) => {
    expect(canonicalZone(raw)).toBeNull();
    expect(canonicalZone(raw)).toBeNull(); // and the cached answer agrees
  });
});
