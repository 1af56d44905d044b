import { ch } from './builtin-bi';
import type { BiScript } from './builtin-bi';

/*
 * Outreach callbacks: our own initiative (win-back, onboarding, care). The customer did not ask for the
 * call, so each script lets them stop at the first question, and offers before it asks.
 */

const OFFER_CHOICES = [
  ch('cashback', '消费返现', 'Cashback on purchases'),
  ch('fee_free', '转账提现免手续费', 'Fee-free transfers and withdrawals'),
  ch('double_points', '积分加倍', 'Double points'),
  ch('none', '都不需要', 'None of these'),
];

const winback: BiScript = {
  purpose: 'winback',
  title: { zh: '老用户回归回访', en: 'Win-back call' },
  opening: {
    zh: '{customer_name}您好，我是钱包客服{agent_name}。注意到您最近较少使用我们的钱包，想了解一下原因，我们也为您准备了一份回归礼遇：{voucher}。',
    en: 'Hello {customer_name}, this is {agent_name} from Wallet Support. We noticed you have not used the wallet much lately and would like to hear why. We have also set aside a welcome-back offer for you: {voucher}.',
  },
  closing: {
    zh: '感谢{customer_name}抽空和我们交流，期待您回来继续使用。再见！',
    en: 'Thank you for your time, {customer_name}. We hope to see you back soon. Goodbye!',
  },
  questions: [
    {
      key: 'willing',
      type: 'single',
      required: true,
      text: { zh: '能占用您一两分钟聊聊吗？', en: 'Could you spare a minute or two to talk?' },
      help: { zh: '客户表示不感兴趣时选“不感兴趣”，礼貌结束，不要反复劝说。', en: 'If the customer is not interested, choose it and end politely; do not push.' },
      choices: [ch('yes', '可以', 'Yes'), ch('not_interested', '不感兴趣', 'Not interested')],
      endIf: { q: 'willing', op: 'eq', value: 'not_interested' },
    },
    {
      key: 'reason_left',
      type: 'multi',
      required: true,
      allowOther: true,
      text: { zh: '您最近较少使用的主要原因是什么？可以多选。', en: 'What are the main reasons you use the wallet less? You can name more than one.' },
      choices: [
        ch('switched', '改用了其他支付方式', 'I switched to another payment method'),
        ch('fees', '手续费太高', 'Fees are too high'),
        ch('payment_failures', '支付经常失败或不稳定', 'Payments often fail'),
        ch('security', '担心账户安全', 'Worried about account security'),
        ch('few_offers', '优惠和积分太少', 'Too few offers and points'),
        ch('app_hard', '操作太复杂', 'The app is too complicated'),
        ch('no_need', '暂时没有使用需求', 'I simply do not need it now'),
      ],
    },
    {
      key: 'security_detail',
      type: 'single',
      required: true,
      text: { zh: '在安全方面，您具体担心什么？', en: 'What exactly worries you about security?' },
      choices: [
        ch('fraud', '遇到过或担心诈骗', 'Scams I met or fear'),
        ch('account_theft', '担心账户被盗', 'My account being taken over'),
        ch('privacy', '担心个人信息泄露', 'My personal data leaking'),
      ],
      showIf: { q: 'reason_left', op: 'eq', value: 'security' },
    },
    {
      key: 'current_method',
      type: 'single',
      allowOther: true,
      text: { zh: '您现在主要用什么方式付款？', en: 'What do you mainly pay with now?' },
      choices: [ch('other_wallet', '其他电子钱包', 'Another e-wallet'), ch('bank_card', '银行卡', 'Bank card'), ch('cash', '现金', 'Cash')],
    },
    {
      key: 'offer_interest',
      type: 'yes_no',
      required: true,
      text: { zh: '为您准备的回归礼遇“{voucher}”，您感兴趣吗？', en: 'Are you interested in the welcome-back offer "{voucher}"?' },
    },
    {
      key: 'send_sms',
      type: 'yes_no',
      text: { zh: '需要把领取方式通过短信发给您吗？', en: 'Shall we text you how to claim it?' },
      showIf: { q: 'offer_interest', op: 'eq', value: true },
    },
    {
      key: 'offer_preference',
      type: 'single',
      text: { zh: '什么样的优惠更能吸引您？', en: 'Which kind of offer would appeal to you more?' },
      choices: OFFER_CHOICES,
      showIf: { q: 'offer_interest', op: 'eq', value: false },
    },
    {
      key: 'return_likelihood',
      type: 'rating',
      text: { zh: '您重新经常使用我们钱包的可能性有多大？1分不可能，5分很可能。', en: 'How likely are you to use the wallet regularly again? 1 is not likely, 5 very likely.' },
    },
    {
      key: 'comments',
      type: 'long_text',
      text: { zh: '还有什么希望我们改进的吗？', en: 'Is there anything else you would like us to improve?' },
    },
  ],
};

const onboarding: BiScript = {
  purpose: 'onboarding',
  title: { zh: '新用户开通引导', en: 'New customer onboarding' },
  opening: {
    zh: '{customer_name}您好，我是钱包客服{agent_name}，欢迎您开通我们的钱包！今天来电想看看开通和使用是否顺利，有什么可以帮您的。',
    en: 'Hello {customer_name}, this is {agent_name} from Wallet Support. Welcome to the wallet! We are calling to check that getting started went well and to help with anything you need.',
  },
  closing: {
    zh: '感谢{customer_name}的配合！如需帮助，可随时在App“我的-客服”联系我们。祝您使用愉快！',
    en: 'Thank you, {customer_name}! If you need help, reach us any time under Me › Support in the app. Enjoy the wallet!',
  },
  questions: [
    {
      key: 'can_talk',
      type: 'yes_no',
      required: true,
      text: { zh: '请问您现在方便说几分钟吗？', en: 'Do you have a few minutes now?' },
      endIf: { q: 'can_talk', op: 'eq', value: false },
    },
    {
      key: 'setup_done',
      type: 'single',
      required: true,
      text: { zh: '实名认证和绑定银行卡都完成了吗？', en: 'Have you finished identity verification and linking a bank card?' },
      choices: [ch('both', '都已完成', 'Both done'), ch('verified_only', '只完成了实名认证', 'Only identity verification'), ch('neither', '都还没有完成', 'Neither yet')],
    },
    {
      key: 'setup_blocker',
      type: 'multi',
      allowOther: true,
      text: { zh: '是哪一步遇到了困难？可以多选。', en: 'Which step gave you trouble? You can name more than one.' },
      choices: [
        ch('id_upload', '身份证上传失败', 'ID card upload failed'),
        ch('face_check', '人脸识别不通过', 'Face check failed'),
        ch('card_link', '银行卡绑定失败', 'Linking the card failed'),
        ch('dont_know_how', '不知道怎么操作', 'Did not know how'),
        ch('privacy', '担心个人信息安全', 'Worried about my personal data'),
      ],
      showIf: { q: 'setup_done', op: 'in', values: ['verified_only', 'neither'] },
    },
    {
      key: 'want_guide',
      type: 'yes_no',
      required: true,
      text: { zh: '需要我现在一步步带您完成吗？', en: 'Would you like me to walk you through it now?' },
      showIf: { q: 'setup_done', op: 'in', values: ['verified_only', 'neither'] },
    },
    {
      key: 'first_payment',
      type: 'yes_no',
      required: true,
      text: { zh: '您已经用钱包付过款了吗？', en: 'Have you made a payment with the wallet yet?' },
    },
    {
      key: 'first_payment_ease',
      type: 'rating',
      text: { zh: '第一次付款的体验怎么样？1分很不顺利，5分很顺利。', en: 'How did your first payment go? 1 is very badly, 5 very smoothly.' },
      showIf: { q: 'first_payment', op: 'eq', value: true },
    },
    {
      key: 'security_set',
      type: 'yes_no',
      text: { zh: '您设置支付密码并开启指纹或面容支付了吗？', en: 'Have you set a payment PIN and turned on fingerprint or face payment?' },
      help: { zh: '如未开启，引导客户在“我的-安全中心”开启，并提醒不要把验证码告诉任何人。', en: 'If not, guide them to Me › Security Centre and remind them never to share a code.' },
    },
    {
      key: 'points_known',
      type: 'yes_no',
      text: { zh: '您了解新人优惠和积分规则吗？', en: 'Do you know about the new-customer offers and how points work?' },
    },
    {
      key: 'app_ease',
      type: 'rating',
      required: true,
      text: { zh: '到目前为止，App好不好用？1分很难用，5分很好用。', en: 'So far, how easy is the app to use? 1 is very hard, 5 very easy.' },
    },
    {
      key: 'questions',
      type: 'long_text',
      text: { zh: '您还有什么问题想咨询吗？', en: 'Is there anything else you would like to ask?' },
    },
  ],
};

const care: BiScript = {
  purpose: 'care',
  title: { zh: '老用户关怀回访', en: 'Customer care call' },
  opening: {
    zh: '{customer_name}您好，我是钱包客服{agent_name}。感谢您一直以来的支持，今天是一次关怀回访，也为您准备了一份小礼：{voucher}。',
    en: 'Hello {customer_name}, this is {agent_name} from Wallet Support. Thank you for being with us; this is a courtesy call, and we have a small gift for you: {voucher}.',
  },
  closing: {
    zh: '再次感谢{customer_name}！请注意防范诈骗，保护好验证码和密码。祝您生活愉快，再见！',
    en: 'Thank you again, {customer_name}! Stay alert to scams and keep your codes and PIN to yourself. Goodbye!',
  },
  questions: [
    {
      key: 'can_talk',
      type: 'yes_no',
      required: true,
      text: { zh: '请问您现在方便说两分钟吗？', en: 'Do you have two minutes now?' },
      endIf: { q: 'can_talk', op: 'eq', value: false },
    },
    {
      key: 'overall',
      type: 'rating',
      required: true,
      text: { zh: '您对我们钱包的整体满意度，1到5分打几分？', en: 'Overall, how satisfied are you with the wallet, from 1 to 5?' },
    },
    {
      key: 'recent_issue',
      type: 'yes_no',
      required: true,
      text: { zh: '最近使用中遇到过什么问题吗？', en: 'Have you had any problems recently?' },
    },
    {
      key: 'issue_area',
      type: 'multi',
      required: true,
      allowOther: true,
      text: { zh: '是哪方面的问题？可以多选。', en: 'What kind of problem? You can name more than one.' },
      choices: [
        ch('payment', '付款', 'Paying'),
        ch('transfer', '转账到账', 'Transfers arriving'),
        ch('topup_withdraw', '充值或提现', 'Top-up or withdrawal'),
        ch('login', '登录或账户', 'Signing in or my account'),
        ch('points', '积分或优惠', 'Points or offers'),
      ],
      showIf: { q: 'recent_issue', op: 'eq', value: true },
    },
    {
      key: 'open_ticket',
      type: 'yes_no',
      required: true,
      text: { zh: '需要我为您登记工单，安排专人跟进吗？', en: 'Shall I open a case so someone follows it up for you?' },
      showIf: { q: 'recent_issue', op: 'eq', value: true },
    },
    {
      key: 'scam_contact',
      type: 'yes_no',
      text: { zh: '最近有没有接到自称客服、要求转账或提供验证码的电话或短信？', en: 'Has anyone recently called or texted claiming to be us and asking for a transfer or a code?' },
    },
    {
      key: 'scam_acted',
      type: 'yes_no',
      required: true,
      text: { zh: '您有没有按对方要求转账或提供验证码？', en: 'Did you transfer money or give them a code?' },
      help: { zh: '如回答“是”：立即转接安全专线，并建议客户冻结账户。', en: 'If "Yes": transfer the call to the security line at once and suggest freezing the account.' },
      showIf: { q: 'scam_contact', op: 'eq', value: true },
    },
    {
      key: 'offer_preference',
      type: 'single',
      text: { zh: '下列权益中您最感兴趣的是哪一个？', en: 'Which of these benefits interests you most?' },
      choices: OFFER_CHOICES,
    },
    {
      key: 'nps',
      type: 'nps',
      text: { zh: '您有多大可能把我们的钱包推荐给亲友？0到10分。', en: 'How likely are you to recommend the wallet to friends or family, from 0 to 10?' },
    },
  ],
};

export const OUTREACH_SCRIPTS: readonly BiScript[] = [winback, onboarding, care];
