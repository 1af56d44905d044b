import { describe, expect, it } from 'vitest';
import { parseQueuePrefs, type QueuePrefs } from './queuePrefs';

const defaults: QueuePrefs = { filter: { status: 'open', reasons: [], priorities: [], search: '', mine: false }, sort: 'queue', direction: 'asc' };

describe('queue preferences read back from storage', () => {
  it('keeps what the contract accepts', () => {
    const saved = { filter: { status: 'blocked', reasons: ['care', 'winback'], priorities: [1, 2], search: '5678', mine: true }, sort: 'due', direction: 'desc' };
    expect(parseQueuePrefs(saved, defaults)).toEqual(saved);
  });

  it('drops anything unknown or malformed, field by field', () => {
    const r = parseQueuePrefs({ filter: { status: 'weird', reasons: ['care', 'nope', 3], priorities: [0, 2, 9, 'x'], search: 'x'.repeat(80), mine: 'yes' }, sort: 'DROP TABLE', direction: 'up' }, defaults);
    expect(r).toEqual({ filter: { status: 'open', reasons: ['care'], priorities: [2], search: 'x'.repeat(64), mine: false }, sort: 'queue', direction: 'asc' });
    expect(parseQueuePrefs(null, defaults)).toBe(defaults);
    expect(parseQueuePrefs('text', defaults)).toBe(defaults);
  });
});
