import type { ConsentState } from '../domain/model';
import type { BalanceBand, WalletSegment } from '../domain/records';
import { weighted } from './prng';
import type { Prng } from './prng';

/**
 * The wallet side of a demo customer. Fields are drawn together so they agree with each other: a
 * dormant user has almost no recent transactions, a merchant has hundreds, a new user registered
 * this month — a supervisor reading one row should not spot a contradiction.
 */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface WalletProfile {
  segment: WalletSegment;
  registeredAt: number;
  lastActiveAt: number;
  txnCount30d: number;
  balanceBand: BalanceBand;
  tags: string[];
}

const segment = weighted<WalletSegment>([
  ['new', 15], ['active', 40], ['dormant', 25], ['high_value', 9], ['merchant', 11],
]);

const BALANCE: Record<WalletSegment, (rng: Prng) => BalanceBand> = {
  new: weighted<BalanceBand>([['lt_100', 55], ['100_1k', 35], ['1k_10k', 10]]),
  active: weighted<BalanceBand>([['lt_100', 15], ['100_1k', 40], ['1k_10k', 35], ['10k_50k', 9], ['gte_50k', 1]]),
  dormant: weighted<BalanceBand>([['lt_100', 60], ['100_1k', 30], ['1k_10k', 9], ['10k_50k', 1]]),
  high_value: weighted<BalanceBand>([['1k_10k', 10], ['10k_50k', 50], ['gte_50k', 40]]),
  merchant: weighted<BalanceBand>([['100_1k', 15], ['1k_10k', 45], ['10k_50k', 30], ['gte_50k', 10]]),
};

/** Tag, and how likely a customer of the segment carries it. Order is the order shown. */
const SEGMENT_TAGS: Record<WalletSegment, readonly (readonly [string, number])[]> = {
  new: [['新注册', 1], ['未绑卡', 0.4], ['优惠敏感', 0.4], ['扫码支付', 0.3], ['红包活跃', 0.2]],
  active: [
    ['扫码支付', 0.7], ['转账频繁', 0.4], ['信用卡还款', 0.35], ['话费充值', 0.3], ['生活缴费', 0.3],
    ['红包活跃', 0.25], ['理财用户', 0.2], ['优惠敏感', 0.2],
  ],
  dormant: [['沉睡用户', 0.6], ['优惠敏感', 0.5], ['扫码支付', 0.2], ['信用卡还款', 0.15]],
  high_value: [['理财用户', 0.85], ['高净值', 0.7], ['信用卡还款', 0.5], ['转账频繁', 0.4], ['境外消费', 0.15]],
  merchant: [['小微商户', 1], ['收款码', 0.7], ['提现频繁', 0.4], ['扫码支付', 0.3]],
};

const MAX_TAGS = 5;

export interface ProfileInput {
  now: number;
  livesAbroad: boolean;
  hadComplaint: boolean;
}

export function makeProfile(rng: Prng, input: ProfileInput): WalletProfile {
  const { now } = input;
  const seg = segment(rng);
  const registeredAt =
    seg === 'new' ? now - rng.range(1 * DAY, 30 * DAY) : now - rng.range(365 * DAY, 6 * 365 * DAY);
  let lastActiveAt: number;
  let txnCount30d: number;
  switch (seg) {
    case 'new':
      lastActiveAt = Math.max(registeredAt + HOUR, now - rng.range(0.05 * DAY, 5 * DAY));
      txnCount30d = rng.int(0, 15);
      break;
    case 'active':
      lastActiveAt = now - rng.range(0.05 * DAY, 3 * DAY);
      txnCount30d = rng.int(10, 120);
      break;
    case 'dormant':
      lastActiveAt = now - rng.range(45 * DAY, 200 * DAY);
      txnCount30d = rng.int(0, 2);
      break;
    case 'high_value':
      lastActiveAt = now - rng.range(0.05 * DAY, 7 * DAY);
      txnCount30d = rng.int(15, 150);
      break;
    case 'merchant':
      lastActiveAt = now - rng.range(0.02 * DAY, 1 * DAY);
      txnCount30d = rng.int(100, 900);
      break;
  }
  // A dormant user had no transactions in 30 days unless the rare one came in 30–45 days ago.
  if (seg === 'dormant' && lastActiveAt < now - 30 * DAY) txnCount30d = 0;

  const tags: string[] = [];
  if (input.livesAbroad) {
    tags.push('境外用户');
    if (rng.chance(0.4)) tags.push('跨境汇款');
  }
  if (input.hadComplaint) tags.push('曾投诉');
  for (const [tag, p] of SEGMENT_TAGS[seg]) {
    if (tags.length >= MAX_TAGS) break;
    if (rng.chance(p) && !tags.includes(tag)) tags.push(tag);
  }
  // Every wallet user leaves some trace; an untagged row reads like missing data.
  const [firstTag] = SEGMENT_TAGS[seg][0] ?? [];
  if (tags.length === 0 && firstTag) tags.push(firstTag);

  return {
    segment: seg,
    registeredAt: Math.round(registeredAt),
    lastActiveAt: Math.round(lastActiveAt),
    txnCount30d,
    balanceBand: BALANCE[seg](rng),
    tags,
  };
}

export interface ConsentSet {
  consentService: ConsentState;
  consentSurvey: ConsentState;
  consentMarketing: ConsentState;
}

const serviceConsent = weighted<ConsentState>([['granted', 98], ['refused', 0.7], ['unknown', 1.3]]);
const surveyConsent = weighted<ConsentState>([['granted', 86], ['refused', 8], ['unknown', 6]]);
const marketingConsent = weighted<ConsentState>([['granted', 70], ['refused', 18], ['unknown', 12]]);

/** Someone who asked not to be called has, in practice, nearly always opted out of marketing too. */
export function makeConsents(rng: Prng, onDnc: boolean): ConsentSet {
  const consentService = serviceConsent(rng);
  const consentSurvey = surveyConsent(rng);
  let consentMarketing = marketingConsent(rng);
  if (onDnc && rng.chance(0.8)) consentMarketing = 'refused';
  return { consentService, consentSurvey, consentMarketing };
}
