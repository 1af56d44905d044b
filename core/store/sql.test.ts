import { describe, expect, it } from 'vitest';
import { all, get, inList, run, runAsync, runSync, type Op, type Q } from './sql';

/* The seam's two drivers must drive the same generator to the same end, errors included. */

function* work(): Q<{ names: string[]; changed: number; caught: string }> {
  const one = yield* get<{ name: string }>('SELECT name FROM t WHERE id = @id', { id: 1 });
  const rest = yield* all<{ name: string }>('SELECT name FROM t');
  const changed = yield* run('UPDATE t SET name = ?', ['x']);
  let caught = '';
  try {
    yield* run('BROKEN');
  } catch (error) {
    caught = (error as Error).message;
  }
  return { names: [one!.name, ...rest.map((r) => r.name)], changed, caught };
}

const answer = (op: Op): unknown => {
  if (op.sql === 'BROKEN') throw new Error('syntax error');
  if (op.kind === 'get') return { name: 'a' };
  if (op.kind === 'all') return [{ name: 'b' }, { name: 'c' }];
  return 2;
};

describe('store seam drivers', () => {
  it('the synchronous and the asynchronous driver give the same result and hand errors back to the applier', async () => {
    const expected = { names: ['a', 'b', 'c'], changed: 2, caught: 'syntax error' };
    expect(runSync(work(), answer)).toEqual(expected);
    expect(await runAsync(work(), async (op) => answer(op))).toEqual(expected);
  });

  it('an error the applier does not catch ends the work with that error', async () => {
    function* failing(): Q<number> {
      yield* run('BROKEN');
      return 1;
    }
    expect(() => runSync(failing(), answer)).toThrow('syntax error');
    await expect(runAsync(failing(), async (op) => answer(op))).rejects.toThrow('syntax error');
  });

  it('inList spells a list as numbered parameters, and an empty list as one that matches nothing', () => {
    expect(inList('r', ['a', 'b'])).toEqual({ sql: '(@r0, @r1)', params: { r0: 'a', r1: 'b' } });
    expect(inList('r', [])).toEqual({ sql: '(NULL)', params: {} });
  });
});
