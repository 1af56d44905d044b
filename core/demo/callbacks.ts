import { REASON_PURPOSE, REASONS } from '../domain/model';
import type { Priority, Reason } from '../domain/model';
import type { WalletSegment } from '../domain/records';
import type { ConsentSet } from './profile';
import { DAY } from './profile';
import type { Prng } from './prng';

/**
 * Why each demo customer is in the queue, how urgent it is and what the agent who queued it wrote.
 * Reasons follow the customer (win-back only for dormant users, onboarding only for new ones) so the
 * list reads like a real team's workload rather than a shuffled enum.
 */

export interface ReasonContext {
  segment: WalletSegment;
  hadComplaint: boolean;
  consents: ConsentSet;
}

const BASE_WEIGHT: Record<WalletSegment, Record<Reason, number>> = {
  new: { complaint_followup: 0, satisfaction: 2, winback: 0, onboarding: 7, care: 1 },
  active: { complaint_followup: 0, satisfaction: 4, winback: 0, onboarding: 0, care: 2 },
  dormant: { complaint_followup: 0, satisfaction: 1, winback: 7, onboarding: 0, care: 1.5 },
  high_value: { complaint_followup: 0, satisfaction: 3, winback: 0, onboarding: 0, care: 3 },
  merchant: { complaint_followup: 0, satisfaction: 4, winback: 0, onboarding: 0, care: 1.5 },
};

function consentOf(consents: ConsentSet, reason: Reason) {
  switch (REASON_PURPOSE[reason]) {
    case 'service':
      return consents.consentService;
    case 'survey':
      return consents.consentSurvey;
    case 'marketing':
      return consents.consentMarketing;
  }
}

export function consentGranted(consents: ConsentSet, reason: Reason): boolean {
  return consentOf(consents, reason) === 'granted';
}

/**
 * Up to `count` distinct reasons. Teams rarely queue outreach a customer has refused, but imports do
 * let some through, so a refusal damps the weight instead of removing it (the queue then shows those
 * rows as blocked for consent, which the demo should also exhibit).
 */
export function chooseReasons(rng: Prng, ctx: ReasonContext, count: number): Reason[] {
  const weights = { ...BASE_WEIGHT[ctx.segment] };
  for (const r of REASONS) {
    if (consentOf(ctx.consents, r) === 'refused') weights[r] *= 0.2;
  }
  const chosen: Reason[] = [];
  if (ctx.hadComplaint) {
    chosen.push('complaint_followup');
  }
  while (chosen.length < count) {
    let total = 0;
    for (const r of REASONS) if (!chosen.includes(r)) total += weights[r];
    if (total <= 0) break;
    let x = rng.float() * total;
    let pickedReason: Reason | null = null;
    for (const r of REASONS) {
      if (chosen.includes(r)) continue;
      x -= weights[r];
      if (x < 0) {
        pickedReason = r;
        break;
      }
    }
    chosen.push(pickedReason ?? (REASONS.find((r) => !chosen.includes(r) && weights[r] > 0) as Reason));
  }
  return chosen;
}

export function choosePriority(rng: Prng, reason: Reason, segment: WalletSegment): Priority {
  switch (reason) {
    case 'complaint_followup':
      return segment === 'high_value' || rng.chance(0.4) ? 1 : 2;
    case 'satisfaction':
      return 3;
    case 'winback':
      return rng.chance(0.4) ? 3 : 4;
    case 'onboarding': {
      const x = rng.float();
      return x < 0.25 ? 2 : x < 0.75 ? 3 : 4;
    }
    case 'care':
      return rng.chance(0.4) ? 4 : 5;
  }
}

const COMPLAINT_NOTES = [
  '用户反馈转账到账延迟，已退款，回访确认满意度',
  '信用卡还款重复扣款，已退回多扣金额，回访确认到账',
  '扫码支付显示失败但已扣款，已原路退回，回访确认',
  '账户被风控临时冻结，已解冻，回访确认能否正常使用',
  '红包未到账投诉，已人工补发，回访确认',
  '客服热线排队时间过长投诉，致歉并回访',
  '提现手续费有异议，已解释收费规则，回访确认是否接受',
  '话费充值未到账，运营商已补充，回访确认',
  '自动续费扣款未提醒投诉，已退款并关闭自动续费',
  '实名认证多次失败投诉，已人工审核通过，回访确认',
  '疑似被骗转账，已协助报案，回访了解进展并做防诈提醒',
];
const MERCHANT_COMPLAINT_NOTES = [
  '商户收款结算延迟投诉，已加急处理，回访确认到账',
  '收款码单日限额投诉，已提升额度，回访确认',
];
const SATISFACTION_NOTES = [
  '在线客服咨询已结束，回访满意度',
  '电话客服工单已结案，邀请评价服务',
  '理财赎回咨询后满意度调查',
  '新版 APP 使用体验调研',
  '退款处理完成，回访服务满意度',
  '账单查询服务满意度抽样回访',
];
const ONBOARDING_NOTES = [
  '实名认证未完成，协助上传证件',
  '首笔转账引导，可赠送 5 元立减券',
  '引导开通小额免密支付',
  '介绍零钱理财及账户安全设置',
];
const CARE_NOTES = [
  '生日关怀，可赠送积分',
  '生日关怀，赠送 10 元话费券',
  '节日问候，介绍节日红包活动',
  '会员周年关怀，可赠送免费提现额度',
  '防诈骗提醒关怀回访',
];

/** How often the agent who queued a callback of this reason bothered to write something. */
const NOTE_RATE: Record<Reason, number> = {
  complaint_followup: 0.9,
  satisfaction: 0.45,
  winback: 0.6,
  onboarding: 0.6,
  care: 0.7,
};

export interface NoteContext {
  segment: WalletSegment;
  tags: readonly string[];
  lastActiveAt: number;
  now: number;
  livesAbroad: boolean;
}

export function chooseNote(rng: Prng, reason: Reason, ctx: NoteContext): string {
  if (!rng.chance(NOTE_RATE[reason])) return '';
  let note: string;
  switch (reason) {
    case 'complaint_followup':
      note =
        ctx.segment === 'merchant' && rng.chance(0.5)
          ? rng.pick(MERCHANT_COMPLAINT_NOTES)
          : rng.pick(COMPLAINT_NOTES);
      break;
    case 'satisfaction':
      note = rng.pick(SATISFACTION_NOTES);
      break;
    case 'winback': {
      const idle = Math.floor((ctx.now - ctx.lastActiveAt) / DAY);
      note = rng.pick([
        `${idle} 天未使用钱包，可发放回归红包`,
        '长期未登录，告知免费提现额度活动',
        '曾为高频用户，近期交易骤减，了解原因',
        '沉睡用户，推荐信用卡还款免手续费',
      ]);
      break;
    }
    case 'onboarding':
      note =
        ctx.tags.includes('未绑卡') && rng.chance(0.6) ? '新注册未绑卡，引导完成绑卡' : rng.pick(ONBOARDING_NOTES);
      break;
    case 'care':
      note = rng.pick(CARE_NOTES);
      break;
  }
  if (ctx.livesAbroad && rng.chance(0.5)) note += '（境外用户，注意时差）';
  return note;
}
