import { describe, expect, it } from 'vitest';
import { firstSentence, guessTicket } from './prefill';

const ALL = ['payments', 'account_security', 'app_usability', 'support_experience', 'offers_points', 'other'];

describe('guessTicket', () => {
  it('keeps the notes as the description and guesses the category, but never makes the subject from the notes', () => {
    expect(guessTicket('用户反映转账到账延迟两天，要求补偿。已核实为清算通道故障', ALL)).toEqual({
      subject: '',
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

  it('the subject is read to the customer later ({ticket_subject}): internal notes never become it', () => {
    const g = guessTicket('客服热线排队时间过长投诉，致歉并回访', ALL);
    expect(g.subject).toBe('');
    expect(g.category).toBe('support_experience');
    expect(g.description).toBe('客服热线排队时间过长投诉，致歉并回访');
  });

  it('keeps a subject already typed, "other" with no notes, and skips retired categories', () => {
    expect(guessTicket('', ALL, '转账延迟')).toMatchObject({ subject: '转账延迟', category: 'other', priority: 'P2' });
    expect(guessTicket('积分没到账', ['payments', 'other'], 'x').category).toBe('payments');
  });

  it('keeps subjects short', () => {
    expect(firstSentence('很'.repeat(80))).toHaveLength(60);
    expect(firstSentence('Refund missing. Customer angry.')).toBe('Refund missing');
  });
});
