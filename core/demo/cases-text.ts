/*
 * What the demo's complaint tickets say: per category, subjects with a description, a first reply, and how
 * each was resolved. Descriptions carry the kind of personal detail agents really paste (phone numbers,
 * card tails, e-mails), which is what the FAQ redaction must catch.
 */

export interface ComplaintText {
  subject: string;
  description: string;
  reply: string;
  resolution: string;
}

export const COMPLAINTS: Record<string, ComplaintText[]> = {
  payments: [
    {
      subject: '转账显示成功但对方未收到',
      description: '客户{name}反映，向朋友转账 {amount} 元，页面显示成功，但对方至今未收到。客户手机 {phone}。',
      reply: '您好，已为您查询到该笔转账，款项因收款行系统维护延迟入账，预计 24 小时内到账，请您留意。',
      resolution: '收款行已入账，客户确认对方收到。',
    },
    {
      subject: '同一笔订单被重复扣款',
      description: '客户{name}在商户消费时被扣款两次，订单金额 {amount} 元，要求退还多扣的一笔。绑定银行卡尾号 {tail}。',
      reply: '您好，经核实确为重复扣款，多扣的款项已发起原路退回，1–3 个工作日到账。',
      resolution: '重复扣款已原路退回，并发放补偿。',
    },
    {
      subject: '提现到银行卡超过两天未到账',
      description: '客户{name}于前天提现 {amount} 元到银行卡，至今未到账，情绪较急。联系邮箱 {email}。',
      reply: '您好，您的提现已由银行受理，因节假日清算顺延，预计下一个工作日到账。',
      resolution: '提现已到账，已向客户解释节假日清算规则。',
    },
    {
      subject: '扫码支付失败但余额已扣',
      description: '客户{name}扫码付款时提示失败，但钱包余额减少 {amount} 元，商户未收到款项。',
      reply: '您好，该笔交易为支付中断，资金已被冻结，系统将自动退回您的余额。',
      resolution: '冻结资金已自动退回余额。',
    },
  ],
  account_security: [
    {
      subject: '收到陌生设备登录提醒',
      description: '客户{name}收到陌生设备登录短信提醒，担心账户被盗，要求核实。客户手机 {phone}。',
      reply: '您好，已为您强制下线该设备并冻结敏感操作，请尽快修改登录密码和支付密码。',
      resolution: '确认为客户家人设备登录，已解除冻结并指导开启设备锁。',
    },
    {
      subject: '账户被冻结无法付款',
      description: '客户{name}的账户因风控被冻结，无法付款和转账，要求尽快解冻。',
      reply: '您好，您的账户因异常交易触发风控，完成人脸核验后即可解冻。',
      resolution: '客户完成人脸核验，账户已解冻。',
    },
    {
      subject: '怀疑被盗刷，要求冻结账户',
      description: '客户{name}发现两笔不认识的消费共 {amount} 元，怀疑被盗刷，要求冻结并追回。银行卡尾号 {tail}。',
      reply: '您好，已为您冻结账户并提交盗刷调查，调查结果将在 3 个工作日内告知。',
      resolution: '确认盗刷，款项已由风险保障金全额赔付。',
    },
  ],
  app_usability: [
    {
      subject: '更新后找不到转账入口',
      description: '客户{name}反映 App 更新后首页找不到转账入口，老年用户操作困难。',
      reply: '您好，新版本的转账入口在首页“资金”卡片中，也可以在搜索框输入“转账”。',
      resolution: '已指导客户找到入口，建议已转产品团队。',
    },
    {
      subject: '打开 App 闪退',
      description: '客户{name}的手机打开 App 即闪退，已重装仍无效，机型较旧。',
      reply: '您好，该问题由旧版系统兼容引起，修复版本已发布，请更新到最新版本。',
      resolution: '客户更新版本后恢复正常。',
    },
    {
      subject: '实名认证页面一直转圈',
      description: '客户{name}上传身份证后实名认证页面一直加载，无法完成认证。',
      reply: '您好，认证服务短时繁忙，现已恢复，请您重新提交。',
      resolution: '客户重新提交后认证通过。',
    },
  ],
  support_experience: [
    {
      subject: '在线客服长时间无人回复',
      description: '客户{name}在线咨询后等待超过 30 分钟无人回复，对服务不满。',
      reply: '您好，非常抱歉让您久等，我们已为您安排专人跟进您的问题。',
      resolution: '已致歉并解决原问题，发放体验补偿。',
    },
    {
      subject: '客服答复前后不一致',
      description: '客户{name}两次来电得到的退款时效说法不同，要求给出明确答复。',
      reply: '您好，退款将在 3 个工作日内原路退回，此前的答复有误，向您致歉。',
      resolution: '已统一口径并按时退款。',
    },
  ],
  offers_points: [
    {
      subject: '活动返现未到账',
      description: '客户{name}参加满减返现活动，返现 {amount} 元至今未到账。',
      reply: '您好，活动返现将在活动结束后 7 个工作日内统一发放，请您留意。',
      resolution: '返现已补发到账。',
    },
    {
      subject: '积分过期没有提醒',
      description: '客户{name}的积分在未收到任何提醒的情况下过期，要求恢复。',
      reply: '您好，积分到期前会在消息中心提醒，我们已为您申请恢复部分积分。',
      resolution: '已补偿积分，并建议客户开启消息通知。',
    },
    {
      subject: '优惠券无法使用',
      description: '客户{name}领取的优惠券在商户结算时提示不可用。',
      reply: '您好，该券仅限指定商户使用，我们已为您补发一张通用券。',
      resolution: '已补发通用优惠券。',
    },
  ],
  other: [
    {
      subject: '要求开具电子发票',
      description: '客户{name}需要为充值交易开具电子发票，发送到邮箱 {email}。',
      reply: '您好，电子发票已开具并发送至您的邮箱，请查收。',
      resolution: '发票已发送。',
    },
  ],
};

export const INTERNAL_NOTES = ['已查询交易流水', '已联系商户核实', '已提交技术排查', '等待银行回执', '已与客户确认细节'];
export const PENDING_REASONS = ['等待客户提供截图', '等待客户回电确认', '等待客户补充材料'];
