import { ch } from './builtin-bi';
import type { BiQuestion, BiScript } from './builtin-bi';

/*
 * Service callbacks: the customer started something (a complaint, a service contact) and we call back.
 * Every script opens by asking whether now is a good time; "no" ends it before anything else is asked.
 */

const CAN_TALK: BiQuestion = {
  key: 'can_talk',
  type: 'yes_no',
  required: true,
  text: { zh: '请问您现在方便占用两三分钟做个回访吗？', en: 'Is now a good time for a two- or three-minute follow-up?' },
  help: { zh: '客户说不方便时，选“否”并结束通话，可约定其他时间。', en: 'If not, choose "No" and end the call; offer another time.' },
  endIf: { q: 'can_talk', op: 'eq', value: false },
};

const complaintFollowup: BiScript = {
  purpose: 'complaint_followup',
  title: { zh: '投诉处理回访', en: 'Complaint follow-up' },
  opening: {
    zh: '您好，请问是{customer_name}吗？我是钱包客服{agent_name}。您之前反馈的“{ticket_subject}”已经处理完毕，今天来电想了解一下处理结果您是否满意。',
    en: 'Hello, am I speaking with {customer_name}? This is {agent_name} from Wallet Support. Your case "{ticket_subject}" has been handled, and we are calling to check that you are satisfied with the outcome.',
  },
  closing: {
    zh: '感谢{customer_name}的耐心反馈，您的意见我们会认真改进。如有任何问题，可随时在App内联系在线客服。祝您生活愉快，再见！',
    en: 'Thank you, {customer_name}, for your time and feedback; we will act on it. If anything else comes up, contact us any time from the in-app support page. Goodbye!',
  },
  questions: [
    CAN_TALK,
    {
      key: 'resolved',
      type: 'single',
      required: true,
      text: { zh: '您反馈的问题现在解决了吗？', en: 'Has the problem you reported been resolved?' },
      choices: [ch('fully', '已完全解决', 'Yes, fully'), ch('partly', '部分解决', 'Partly'), ch('not_resolved', '还没有解决', 'No, not yet')],
    },
    {
      key: 'unresolved_detail',
      type: 'long_text',
      required: true,
      text: { zh: '还有哪些地方没有解决？请您具体说一下。', en: 'What is still not resolved? Please tell me the details.' },
      help: { zh: '尽量记录金额、时间、订单号等细节，便于重新跟进。', en: 'Note amounts, times and order numbers so the case can be reopened.' },
      showIf: { q: 'resolved', op: 'in', values: ['partly', 'not_resolved'] },
    },
    {
      key: 'handling_speed',
      type: 'single',
      text: { zh: '您觉得这次处理的速度怎么样？', en: 'How was the speed of our handling?' },
      choices: [ch('faster', '比预期快', 'Faster than expected'), ch('as_expected', '符合预期', 'As expected'), ch('slower', '比预期慢', 'Slower than expected')],
    },
    {
      key: 'csat',
      type: 'rating',
      required: true,
      text: {
        zh: '对这次客服处理的整体满意度，1分到5分您打几分？1分非常不满意，5分非常满意。',
        en: 'On a scale of 1 to 5, how satisfied are you with how our support handled this? 1 is very dissatisfied, 5 very satisfied.',
      },
    },
    {
      key: 'what_went_wrong',
      type: 'multi',
      required: true,
      allowOther: true,
      text: { zh: '主要是哪些方面让您不满意？可以多选。', en: 'What disappointed you? You can name more than one thing.' },
      choices: [
        ch('slow_reply', '回复太慢', 'Replies were slow'),
        ch('repeat_myself', '需要反复说明问题', 'I had to repeat myself'),
        ch('unclear', '解释不清楚', 'Explanations were unclear'),
        ch('not_solved', '问题没有真正解决', 'The problem was not really solved'),
        ch('attitude', '服务态度不好', 'Staff attitude'),
        ch('compensation', '补偿不合理', 'Compensation was unfair'),
      ],
      showIf: { q: 'csat', op: 'between', min: 1, max: 3 },
    },
    {
      key: 'supervisor_callback',
      type: 'yes_no',
      required: true,
      text: { zh: '需要我们安排主管再给您回电跟进吗？', en: 'Would you like a supervisor to call you back about this?' },
      showIf: { any: [{ q: 'csat', op: 'between', min: 1, max: 2 }, { q: 'resolved', op: 'eq', value: 'not_resolved' }] },
    },
    {
      key: 'callback_slot',
      type: 'single',
      required: true,
      text: { zh: '主管什么时间给您回电比较方便？', en: 'When would suit you for the supervisor’s call?' },
      choices: [ch('morning', '上午（9–12点）', 'Morning (9–12)'), ch('afternoon', '下午（14–18点）', 'Afternoon (2–6 pm)'), ch('evening', '晚上（18–21点）', 'Evening (6–9 pm)')],
      showIf: { q: 'supervisor_callback', op: 'eq', value: true },
    },
    {
      key: 'security_worry',
      type: 'yes_no',
      text: { zh: '这次的问题有没有让您担心账户安全？', en: 'Did this problem make you worry about the security of your account?' },
      help: {
        zh: '如客户担心，提醒：我们不会索要验证码或支付密码，可在“我的-安全中心”查看登录设备。',
        en: 'If so, remind them we never ask for codes or the payment PIN, and that Me › Security Centre lists signed-in devices.',
      },
    },
    {
      key: 'comments',
      type: 'long_text',
      text: { zh: '对我们的服务还有其他意见或建议吗？', en: 'Any other comments or suggestions about our service?' },
    },
  ],
};

const satisfaction: BiScript = {
  purpose: 'satisfaction',
  title: { zh: '钱包使用满意度回访', en: 'Wallet satisfaction survey' },
  opening: {
    zh: '{customer_name}您好，我是钱包客服{agent_name}。为了把服务做得更好，想请您花两三分钟聊聊最近的使用体验。',
    en: 'Hello {customer_name}, this is {agent_name} from Wallet Support. To improve our service we would like two or three minutes of your time to hear about your recent experience.',
  },
  closing: {
    zh: '非常感谢{customer_name}的宝贵意见！提醒您：任何索要验证码或要求转账的来电都是诈骗。祝您生活愉快！',
    en: 'Thank you very much, {customer_name}! A reminder: anyone who asks for your verification code or asks you to transfer money is a scammer. Have a great day!',
  },
  questions: [
    CAN_TALK,
    {
      key: 'payment_smooth',
      type: 'single',
      required: true,
      text: { zh: '您最近用钱包付款顺畅吗？', en: 'How smooth have your recent wallet payments been?' },
      choices: [ch('very_smooth', '很顺畅', 'Very smooth'), ch('mostly_smooth', '基本顺畅', 'Mostly smooth'), ch('had_issues', '遇到过问题', 'I had problems')],
    },
    {
      key: 'payment_issues',
      type: 'multi',
      required: true,
      allowOther: true,
      text: { zh: '遇到了哪些问题？可以多选。', en: 'What went wrong? You can name more than one.' },
      choices: [
        ch('failed', '支付失败', 'Payment failed'),
        ch('slow_arrival', '到账慢', 'Money arrived late'),
        ch('double_charge', '重复扣款', 'Charged twice'),
        ch('verification', '验证步骤太繁琐', 'Too many verification steps'),
        ch('not_accepted', '商户不支持', 'Merchant did not accept it'),
      ],
      showIf: { q: 'payment_smooth', op: 'eq', value: 'had_issues' },
    },
    {
      key: 'arrival_speed',
      type: 'single',
      text: { zh: '转账或充值的到账速度您觉得怎么样？', en: 'How fast do transfers and top-ups arrive for you?' },
      choices: [
        ch('instant', '基本实时到账', 'Almost instantly'),
        ch('within_hour', '一小时内', 'Within an hour'),
        ch('longer', '超过一小时', 'Longer than an hour'),
        ch('not_used', '没用过', 'I haven’t used them'),
      ],
    },
    {
      key: 'app_ease',
      type: 'rating',
      required: true,
      text: { zh: 'App的界面和操作好不好用？1分很难用，5分很好用。', en: 'How easy is the app to use? 1 is very hard, 5 very easy.' },
    },
    {
      key: 'app_pain',
      type: 'short_text',
      text: { zh: '哪个功能或环节最不好用？', en: 'Which feature or step is the hardest to use?' },
      showIf: { q: 'app_ease', op: 'between', min: 1, max: 2 },
    },
    {
      key: 'security_confidence',
      type: 'rating',
      text: { zh: '您对账户和资金安全有多放心？1分很担心，5分很放心。', en: 'How confident are you that your account and money are safe? 1 is very worried, 5 fully confident.' },
    },
    {
      key: 'fraud_awareness',
      type: 'yes_no',
      text: { zh: '您知道我们的客服绝不会向您索要验证码或支付密码吗？', en: 'Did you know our staff will never ask for your verification code or payment PIN?' },
      help: { zh: '如回答“否”，请说明：任何人索要验证码都是诈骗，请挂断并通过App联系我们。', en: 'If "No", explain: anyone asking for a code is a scammer; hang up and contact us through the app.' },
    },
    {
      key: 'nps',
      type: 'nps',
      required: true,
      text: { zh: '您有多大可能把我们的钱包推荐给亲友？0分完全不可能，10分非常可能。', en: 'How likely are you to recommend our wallet to friends or family? 0 is not at all likely, 10 extremely likely.' },
    },
    {
      key: 'nps_reason',
      type: 'long_text',
      text: { zh: '您给出这个分数的主要原因是什么？', en: 'What is the main reason for your score?' },
      showIf: { q: 'nps', op: 'answered' },
    },
  ],
};

export const SERVICE_SCRIPTS: readonly BiScript[] = [complaintFollowup, satisfaction];
