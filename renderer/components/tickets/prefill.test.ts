import { describe, expect, it } from 'vitest';
import { firstSentence, guessTicket } from './prefill';

const ALL = ['payments', 'account_security', 'app_usability', 'support_experience', 'offers_points', 'other'];

describe('guessTicket', () => {
  it('takes the first sentence as the subject and guesses the category from the words', () => {
    expect(guessTicket('用户反映转账到账延迟两天，要求补偿。已核实为清算通道故障', ALL, '投诉')).toEqual({
      subject: '用户反映转账到账延迟两天，要求补偿',
      description: '用户反映转账到账延迟两天，要求补偿。已核实为清算通道故障',
      category: 'payments',
      priority: 'P2',
    });
  });

  it('makes money or account at risk P1 and account security', () => {
    const g = guessTicket('客户称账户被盗刷 500 元', ALL, '投诉');
    expect(g.category).toBe('account_security');
    expect(g.priority).toBe('P1');
  });

  it('falls back to the given subject and "other" with no notes, and skips retired categories', () => {
    expect(guessTicket('', ALL, '张三 来电投诉')).toMatchObject({ subject: '张三 来电投诉', category: 'other', priority: 'P2' });
    expect(guessTicket('积分没到账', ['payments', 'other'], 'x').category).toBe('payments');
  });

  it('keeps subjects short', () => {
    expect(firstSentence('很'.repeat(80))).toHaveLength(60);
    expect(firstSentence('Refund missing. Customer angry.')).toBe('Refund missing');
  });
});
