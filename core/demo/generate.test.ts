import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { FOREVER } from '../domain/model';
import { AGENTS, customerById, data, DAY, NOW, OPTS, share } from './fixture';
import { generateDemoData } from './generate';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const idMsecs = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('generateDemoData: replay', () => {
  it('returns the same data, byte for byte, for the same options', () => {
    const again = generateDemoData({ ...OPTS, agentIds: [...AGENTS] });
    expect(again).toEqual(data);
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
  });

  it('returns different data for a different seed', () => {
    const other = generateDemoData({ ...OPTS, seed: OPTS.seed + 1, customers: 200 });
    const same = generateDemoData({ ...OPTS, customers: 200 });
    expect(other.customers.map((c) => c.phone)).not.toEqual(same.customers.map((c) => c.phone));
    expect(other.customers[0]?.id).not.toBe(same.customers[0]?.id);
  });

  it('makes the requested number of customers, and nothing for zero', () => {
    expect(data.customers).toHaveLength(5000);
    const empty = generateDemoData({ ...OPTS, customers: 0 });
    expect(empty).toEqual({ customers: [], callbacks: [], attempts: [], dncEntries: [] });
  });
});

describe('generateDemoData: ids', () => {
  it('gives every record a unique UUIDv7 stamped with its creation time', () => {
    const stamped: [string, number][] = [
      ...data.customers.map((c): [string, number] => [c.id, c.createdAt]),
      ...data.callbacks.map((c): [string, number] => [c.id, c.createdAt]),
      ...data.attempts.map((a): [string, number] => [a.id, a.startedAt]),
      ...data.dncEntries.map((d): [string, number] => [d.id, d.createdAt]),
    ];
    expect(new Set(stamped.map(([id]) => id)).size).toBe(stamped.length);
    for (const [id, at] of stamped) {
      expect(id).toMatch(UUID_V7);
      expect(idMsecs(id)).toBe(at);
    }
  });
});

describe('generateDemoData: customers', () => {
  it('gives unique, valid E.164 mobiles, mainland ones for people in China', () => {
    const phones = data.customers.map((c) => c.phone);
    expect(new Set(phones).size).toBe(phones.length);
    for (const c of data.customers) {
      expect(c.phone).toMatch(/^\+[1-9]\d{7,14}$/);
      expect(isValidPhoneNumber(c.phone)).toBe(true);
      if (c.timezone === 'Asia/Shanghai') expect(c.phone).toMatch(/^\+861(3\d|5[0-35-9]|7[0-35-8]|8\d|9[89])\d{8}$/);
    }
    const abroad = data.customers.filter((c) => c.timezone !== 'Asia/Shanghai');
    const abroadMainland = abroad.filter((c) => c.phone.startsWith('+86')).length;
    expect(share(abroadMainland, abroad.length)).toBeGreaterThan(0.6);
    expect(abroadMainland).toBeLessThan(abroad.length);
  });

  it('lives abroad for about 8%, with their own zone, a city and the 境外用户 tag', () => {
    const abroad = data.customers.filter((c) => c.timezone !== 'Asia/Shanghai');
    expect(share(abroad.length, 5000)).toBeGreaterThan(0.065);
    expect(share(abroad.length, 5000)).toBeLessThan(0.095);
    expect(new Set(abroad.map((c) => c.timezone)).size).toBeGreaterThanOrEqual(8);
    for (const c of abroad) expect(c.tags).toContain('境外用户');
    for (const c of data.customers) {
      expect(c.city).toBeTruthy();
      expect(DateTime.local().setZone(c.timezone).isValid).toBe(true);
    }
  });

  it('has Chinese names and mostly known genders', () => {
    for (const c of data.customers) expect(c.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    const unknown = data.customers.filter((c) => c.gender === 'unknown').length;
    expect(share(unknown, 5000)).toBeGreaterThan(0.01);
    expect(share(unknown, 5000)).toBeLessThan(0.06);
    expect(new Set(data.customers.map((c) => c.name)).size).toBeGreaterThan(2500);
  });

  it('keeps each wallet profile consistent with its segment', () => {
    for (const c of data.customers) {
      const idle = NOW - (c.lastActiveAt as number);
      const age = NOW - (c.registeredAt as number);
      expect(c.lastActiveAt as number).toBeGreaterThan(c.registeredAt as number);
      expect(c.tags.length).toBeGreaterThan(0);
      expect(c.tags.length).toBeLessThanOrEqual(5);
      switch (c.segment) {
        case 'new':
          expect(age).toBeLessThanOrEqual(30 * DAY);
          break;
        case 'dormant':
          expect(idle).toBeGreaterThanOrEqual(45 * DAY);
          expect(idle).toBeLessThanOrEqual(200 * DAY);
          expect(c.txnCount30d).toBeLessThanOrEqual(2);
          break;
        case 'active':
          expect(idle).toBeLessThanOrEqual(3 * DAY);
          expect(c.txnCount30d).toBeGreaterThanOrEqual(10);
          expect(c.txnCount30d).toBeLessThanOrEqual(120);
          break;
        case 'merchant':
          expect(c.txnCount30d).toBeGreaterThanOrEqual(100);
          expect(c.txnCount30d).toBeLessThanOrEqual(900);
          expect(c.tags).toContain('小微商户');
          break;
        case 'high_value':
          expect(['1k_10k', '10k_50k', 'gte_50k']).toContain(c.balanceBand);
          break;
        default:
          throw new Error(`unexpected segment ${String(c.segment)}`);
      }
      if (c.segment !== 'new') expect(age).toBeGreaterThanOrEqual(365 * DAY);
      expect(c.capUntil).toBeNull();
    }
  });

  it('records consents in the intended proportions', () => {
    const count = (f: (c: (typeof data.customers)[number]) => boolean) => share(data.customers.filter(f).length, 5000);
    expect(count((c) => c.consentService === 'granted')).toBeGreaterThan(0.95);
    expect(count((c) => c.consentSurvey === 'refused')).toBeGreaterThan(0.05);
    expect(count((c) => c.consentSurvey === 'refused')).toBeLessThan(0.11);
    expect(count((c) => c.consentMarketing === 'granted')).toBeGreaterThan(0.64);
    expect(count((c) => c.consentMarketing === 'granted')).toBeLessThan(0.74);
    expect(count((c) => c.consentMarketing === 'refused')).toBeGreaterThan(0.15);
    expect(count((c) => c.consentMarketing === 'refused')).toBeLessThan(0.23);
  });

  it('lists about 3% as do-not-call, with dncUntil derived from the entry', () => {
    expect(share(data.dncEntries.length, 5000)).toBeGreaterThan(0.02);
    expect(share(data.dncEntries.length, 5000)).toBeLessThan(0.04);
    expect(data.dncEntries.some((d) => d.expiresAt === null)).toBe(true);
    expect(data.dncEntries.some((d) => d.expiresAt !== null)).toBe(true);
    const listed = new Set<string>();
    for (const d of data.dncEntries) {
      const c = customerById.get(d.customerId);
      expect(c).toBeDefined();
      expect(d.phone).toBe(c?.phone);
      expect(d.source).toBe('demo');
      expect(d.createdAt).toBeLessThan(NOW);
      if (d.expiresAt !== null) expect(d.expiresAt).toBeGreaterThan(NOW);
      expect(c?.dncUntil).toBe(d.expiresAt ?? FOREVER);
      listed.add(d.customerId);
    }
    expect(listed.size).toBe(data.dncEntries.length);
    for (const c of data.customers) if (!listed.has(c.id)) expect(c.dncUntil).toBeNull();
    // Nobody dialled a listed customer in the generated history.
    for (const a of data.attempts) expect(listed.has(a.customerId)).toBe(false);
  });

  it('marks about 1% of numbers bad, each explained by a wrong-number call where one could be made', () => {
    const bad = data.customers.filter((c) => c.phoneStatus === 'bad');
    expect(share(bad.length, 5000)).toBeGreaterThan(0.004);
    expect(share(bad.length, 5000)).toBeLessThan(0.02);
    const wrong = data.callbacks.filter((c) => c.outcome === 'wrong_number');
    expect(wrong.length).toBeGreaterThan(bad.length / 2);
    for (const cb of wrong) expect(customerById.get(cb.customerId)?.phoneStatus).toBe('bad');
  });
});
