import type { TicketPriority } from '../../../core/sla/policy';

/*
 * A first guess at a ticket raised from a call, from what the agent wrote: the notes as the (internal)
 * description, a category from the words used, P1 when money or the account is at risk. The subject is
 * NOT taken from the notes: it is read to the customer in the follow-up call's opening
 * ({ticket_subject}), and call notes are instructions between agents ("致歉并回访"). The agent types the
 * subject in words the customer may hear. A guess only saves typing; every field stays editable.
 */

const CATEGORY_WORDS: [string, RegExp][] = [
  ['account_security', /盗|被骗|诈骗|冒用|密码|验证码|冻结|异地登录|安全|hack|fraud|stolen|password|locked|unauthori[sz]ed/i],
  ['payments', /支付|付款|转账|扣款|扣费|到账|退款|提现|充值|余额|重复扣|payment|transfer|refund|charge|withdraw|top.?up/i],
  ['offers_points', /优惠|积分|红包|券|活动|返现|cash.?back|coupon|points|promo|offer/i],
  ['app_usability', /界面|闪退|卡顿|打不开|登录不上|操作|找不到|升级|版本|app|crash|screen|button|login|update/i],
  ['support_experience', /客服|态度|等待|排队|投诉.*服务|没人|转接|agent|rude|waiting|hold/i],
];

const URGENT = /盗刷|被盗|诈骗|被骗|资金损失|冒用|unauthori[sz]ed|fraud|stolen/i;

export interface TicketGuess {
  subject: string;
  description: string;
  category: string;
  priority: TicketPriority;
}

/** The first sentence of the notes, at most 60 characters; '' when there are no notes. */
export function firstSentence(notes: string): string {
  const text = notes.trim().replace(/\s+/g, ' ');
  const cut = text.split(/(?<=[。！？!?；;])|(?<=\.)\s/)[0]?.trim() ?? '';
  const sentence = cut.replace(/[。；;，,.]$/, '');
  return sentence.length > 60 ? `${sentence.slice(0, 59)}…` : sentence;
}

export function guessTicket(notes: string, usable: readonly string[], subject = ''): TicketGuess {
  const category = CATEGORY_WORDS.find(([key, re]) => usable.includes(key) && re.test(notes))?.[0] ?? (usable.includes('other') ? 'other' : (usable[0] ?? 'other'));
  return {
    subject,
    description: notes.trim(),
    category,
    // A complaint raised during a call is at least "high": the customer is waiting on the line.
    priority: URGENT.test(notes) ? 'P1' : 'P2',
  };
}
