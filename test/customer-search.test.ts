import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerHit } from '../core/contract/views';
import { searchCustomers } from '../db/repos/customer-search';
import { cleanup, contentHash, makeHarness, seedCustomer, setUpEmpty, T0 } from './helpers';

afterEach(cleanup);

describe('customers.search', () => {
  it('finds customers by name (prefix first, then anywhere in the name) or by the last digits of the phone, masked', async () => {
    const h = makeHarness();
    await setUpEmpty(h);
    seedCustomer(h.db, { name: '张伟', phone: '+8613800005678', city: '上海' });
    seedCustomer(h.db, { name: '张伟华', phone: '+8613900001234' });
    seedCustomer(h.db, { name: '李张', phone: '+8613700009999' });
    seedCustomer(h.db, { name: 'Chen Wei', phone: '+14155552671' });
    seedCustomer(h.db, { name: '100%_客户', phone: '+8613600000001' });
    const before = contentHash(h.db);
    const find = (query: string, limit?: number) => h.ok<CustomerHit[]>('customers.search', { query, ...(limit ? { limit } : {}) });

    expect(await find('张')).toEqual([
      { id: expect.any(String), name: '张伟', phoneMasked: '138****5678', city: '上海' },
      { id: expect.any(String), name: '张伟华', phoneMasked: '139****1234', city: null },
      { id: expect.any(String), name: '李张', phoneMasked: '137****9999', city: null },
    ]);
    expect((await find('张', 2)).map((c) => c.name)).toEqual(['张伟', '张伟华']);
    expect((await find('伟')).map((c) => c.name)).toEqual(['张伟', '张伟华']);
    expect((await find('chen')).map((c) => c.name)).toEqual(['Chen Wei']);
    expect((await find('5678')).map((c) => c.name)).toEqual(['张伟']);
    expect((await find('0000 1234')).map((c) => c.name)).toEqual(['张伟华']);
    expect((await find('2671')).map((c) => [c.name, c.phoneMasked])).toEqual([['Chen Wei', '+1 ****2671']]);
    // Fewer than 4 digits is not a phone search (the whole number is never needed, a fragment is too vague).
    expect(await find('678')).toEqual([]);
    // LIKE wildcards are text, not patterns.
    expect((await find('%_')).map((c) => c.name)).toEqual(['100%_客户']);
    expect(await find('%')).toHaveLength(1);
    // No phone ever leaves unmasked.
    for (const c of await find('1')) expect(JSON.stringify(c)).not.toMatch(/\d{7}/);
    expect(contentHash(h.db)).toBe(before);
    expect((await h.err('customers.search', { query: '  ' })).code).toBe('BAD_INPUT');
    expect((await h.err('customers.search', { query: '张', limit: 51 })).code).toBe('BAD_INPUT');
  });

  it('stays fast at 100,000 customers: a phone suffix and a name are found in a few milliseconds', async () => {
    const h = makeHarness();
    await setUpEmpty(h);
    const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
    const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';
    const insert = h.db.$client.prepare(
      `INSERT INTO customers (id, name, phone, phone_status, timezone, gender, tags, consent_service, consent_survey, consent_marketing, created_at)
       VALUES (?, ?, ?, 'ok', 'Asia/Shanghai', 'unknown', '[]', 'granted', 'unknown', 'unknown', ?)`,
    );
    h.db.$client.transaction(() => {
      for (let i = 0; i < 100_000; i++) {
        const name = `${surnames[i % 20]}${given[Math.floor(i / 20) % 20]}${i % 7 === 0 ? given[(i * 7) % 20] : ''}`;
        insert.run(`00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, name, `+86139${String(i * 7919).padStart(8, '0').slice(-8)}`, T0);
      }
    })();
    const time = (query: string) => {
      const runs: number[] = [];
      let hits = 0;
      for (let i = 0; i < 15; i++) {
        const t0 = performance.now();
        hits = searchCustomers(h.db, query, 10).length;
        runs.push(performance.now() - t0);
      }
      runs.sort((a, b) => a - b);
      return { p50: runs[7]!, max: runs[14]!, hits };
    };
    const suffix = time('5678');
    const name = time('王芳');
    const inside = time('芳'); // prefix finds none: the LIKE fills up
    const rare = time('欧阳'); // no such name: the whole LIKE scan
    console.log(
      `customers.search at 100k: phone suffix p50 ${suffix.p50.toFixed(1)} ms (max ${suffix.max.toFixed(1)}), name prefix ${name.p50.toFixed(2)} ms, ` +
        `inside a name ${inside.p50.toFixed(2)} ms, no match ${rare.p50.toFixed(1)} ms`,
    );
    expect(suffix.hits).toBeGreaterThan(0);
    expect(name.hits).toBe(10);
    expect(inside.hits).toBe(10);
    expect(rare.hits).toBe(0);
    // Generous bounds for a shared 2-core machine; the figures are printed above.
    expect(suffix.p50).toBeLessThan(100);
    expect(name.p50).toBeLessThan(10);
    expect(rare.p50).toBeLessThan(150);
  });
});
