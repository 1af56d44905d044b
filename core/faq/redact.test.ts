import { describe, expect, it } from 'vitest';
import { idCheckCharacter, isResidentId, luhnValid, redact } from './redact';

type Case = [what: string, input: string, expected: string, names?: string[]];

// Realistic ticket text as agents write it; the expected output is what a public FAQ may show.
const CASES: Case[] = [
  [
    'the ticket from the brief: name cue, dashed mobile, ID with X, labelled card',
    '客户张伟（手机 138-1234-5678，身份证 11010519491231002X）反映绑定的招商银行卡 6225 8801 2345 6781 被重复扣款…',
    '客户[姓名]（手机 [手机号]，身份证 [身份证号]）反映绑定的招商银行卡 [银行卡号] 被重复扣款…',
  ],
  ['mobile with spaces', '请拨打 138 1234 5678 联系我', '请拨打 [手机号] 联系我'],
  ['mobile with +86', '用户留的号码是+86 13812345678，白天打不通', '用户留的号码是[手机号]，白天打不通'],
  ['mobile with 0086 and dashes', '境外来电 0086-139-8765-4321 已回拨', '境外来电 [手机号] 已回拨'],
  ['full-width digits', '手机号：１３９１２３４５６７８，请回电', '手机号：[手机号]，请回电'],
  ['landline in parentheses', '公司电话 (010) 8888 6666 转 123，工作日可联系', '公司电话 [固话]，工作日可联系'],
  ['landline with dash and full-width parentheses', '座机（021）-12345678，或021-12345678-801', '座机[固话]，或[固话]'],
  ['landline with a 4-digit area code', '深圳门店 0755 88886666 已核实', '深圳门店 [固话] 已核实'],
  ['landline with an English extension and the country code', '热线 010-88886666 ext. 123，海外请拨 +86 21 6888 1234', '热线 [固话]，海外请拨 [固话]'],
  ['18-digit ID in groups of 6-8-4', '身份证号 440301 19900101 1234 已验证', '身份证号 [身份证号] 已验证'],
  ['lower-case x check character', '证件号码 11010519491231002x', '证件号码 [身份证号]'],
  ['15-digit first-generation ID', '老身份证 110105491231002 已过期', '老身份证 [身份证号] 已过期'],
  ['18 digits failing the ID check stay when not a card either', '参考号 110105194912310021 请保留', '参考号 110105194912310021 请保留'],
  ['Luhn-valid card without label', '退款原路退回 6225880123456783，预计 3 个工作日', '退款原路退回 [银行卡号]，预计 3 个工作日'],
  ['19-digit card in 4-4-4-4-3 groups', '尾号变更前的卡 6217-0000-1000-1234-569 已注销', '尾号变更前的卡 [银行卡号] 已注销'],
  ['email', '发票请发到 zhang.wei+invoice@example.com.cn 谢谢', '发票请发到 [邮箱] 谢谢'],
  ['full-width at sign', '邮箱 li_na＠qq.com', '邮箱 [邮箱]'],
  ['voucher codes, any case', '已补发券 CV-7K3M-Q9XZ 和 cv-0abc-defg', '已补发券 [券码] 和 [券码]'],
  ['not a voucher: I, L, O, U are not Crockford digits', '编码 CV-ILOU-1234 无效', '编码 CV-ILOU-1234 无效'],
  ['surname + honorific keeps the honorific', '王先生来电称提现未到账，李女士表示已收到', '[姓名]先生来电称提现未到账，[姓名]女士表示已收到'],
  ['full name + honorific', '已回访李晓明先生，欧阳娜娜女士的退款已处理', '已回访[姓名]先生，[姓名]女士的退款已处理'],
  ['compound surname alone', '司马经理已审批，诸葛老师确认', '[姓名]经理已审批，[姓名]老师确认'],
  ['a preposition before the surname is kept', '对于王先生的投诉，请向张经理汇报', '对于[姓名]先生的投诉，请向[姓名]经理汇报'],
  ['job titles ending in 经理/老师 are not names', '基金经理和高级经理都不是人名，主任老师也不是', '基金经理和高级经理都不是人名，主任老师也不是'],
  ['name cues', '我叫陈小红，姓名：刘洋，持卡人 赵敏', '我叫[姓名]，姓名：[姓名]，持卡人 [姓名]'],
  ['a cue followed by a verb', '用户张三反映余额显示异常', '用户[姓名]反映余额显示异常'],
  ['strong cues may take 是/为', '户名为周杰，收款人是吴敏。客户为何迟迟未收到？', '户名为[姓名]，收款人是[姓名]。客户为何迟迟未收到？'],
  ['weak cues followed by ordinary words', '用户余额不足，客户方表示理解，用户于昨日再次充值', '用户余额不足，客户方表示理解，用户于昨日再次充值'],
  ['wallet vocabulary without a cue', '王者荣耀充值失败，黄金会员权益，高级认证', '王者荣耀充值失败，黄金会员权益，高级认证'],
  [
    'names from the caller, longest first, Latin names as words',
    '孙悦婷说 Anna Li 帮她处理过，Linda 不相干；孙悦来过电话',
    '[姓名]说 [姓名] 帮她处理过，Linda 不相干；[姓名]来过电话',
    ['孙悦', '孙悦婷', 'Anna Li', 'Li'],
  ],
  ['English honorifics', 'Called back Ms Anna Li and Mr. Wang about the refund', 'Called back Ms [姓名] and Mr. [姓名] about the refund'],
  // Negative cases: everyday numbers in support text.
  ['amounts', '扣款金额 ¥1,234.56，另有 ￥88.00 手续费', '扣款金额 ¥1,234.56，另有 ￥88.00 手续费'],
  ['dates and times', '2026-11-23 提交，服务时间 13:00–18:00，2026/11/23 到账', '2026-11-23 提交，服务时间 13:00–18:00，2026/11/23 到账'],
  ['an order number failing Luhn and the ID check', '订单号 202611231234567890 已退款', '订单号 202611231234567890 已退款'],
  ['a labelled order number that passes Luhn by chance', '订单号：2026112300012340 已关闭，交易号 4111111111111111', '订单号：2026112300012340 已关闭，交易号 4111111111111111'],
  ['percentages, counts, versions', '成功率 99.5%，共 3 笔，App 版本 8.12.0，验证码 6 位', '成功率 99.5%，共 3 笔，App 版本 8.12.0，验证码 6 位'],
  ['placeholders are not redacted again', '[姓名]先生的[手机号]已更新', '[姓名]先生的[手机号]已更新'],
];

describe('redact on realistic support text', () => {
  it.each(CASES)('%s', (_what, input, expected, names) => {
    const r = redact(input, { names });
    expect(r.text).toBe(expected);
    for (const f of r.found) expect(input.slice(f.start, f.end)).toBe(f.original);
  });

  it('reports every redaction with its kind and offsets into the original text', () => {
    const input = '客户张伟（手机 138-1234-5678，身份证 11010519491231002X）反映绑定的招商银行卡 6225 8801 2345 6781 被重复扣款…';
    expect(redact(input).found).toEqual([
      { kind: 'name', original: '张伟', replacement: '[姓名]', start: 2, end: 4 },
      { kind: 'mobile', original: '138-1234-5678', replacement: '[手机号]', start: 8, end: 21 },
      { kind: 'id_card', original: '11010519491231002X', replacement: '[身份证号]', start: 26, end: 44 },
      { kind: 'bank_card', original: '6225 8801 2345 6781', replacement: '[银行卡号]', start: 56, end: 75 },
    ]);
  });

  it('maps full-width offsets back to the characters as written', () => {
    const input = 'Tel：＋８６ １３８００１３８０００';
    const [f] = redact(input).found;
    expect(f).toMatchObject({ kind: 'mobile', original: '＋８６ １３８００１３８０００', start: 4 });
    expect(f!.end).toBe(input.length);
  });

  it('a valid ID that also passes Luhn is reported as an ID', () => {
    // Chosen so both checks pass: the ID rule is the more specific one.
    const id = findIdPassingLuhn();
    expect(redact(`号码 ${id}`).found.map((f) => f.kind)).toEqual(['id_card']);
  });

  it('keeps the surname-only form for a name after an honorific cue, and ignores one-character names', () => {
    expect(redact('王先生', { names: ['王'] }).text).toBe('[姓名]先生');
    expect(redact('王五来过', { names: ['王'] }).text).toBe('王五来过');
  });

  it('known limit: a surname that is usually a preposition needs the name passed in', () => {
    expect(redact('客户于洋反映').text).toBe('客户于洋反映');
    expect(redact('客户于洋反映', { names: ['于洋'] }).text).toBe('客户[姓名]反映');
    // It errs the safe way when two surname characters meet: one character too many, never too few.
    expect(redact('平台方王经理').text).toBe('平台[姓名]经理');
  });

  it('returns the text unchanged when there is nothing to redact', () => {
    expect(redact('')).toEqual({ text: '', found: [] });
    expect(redact('如何修改支付密码？')).toEqual({ text: '如何修改支付密码？', found: [] });
  });
});

describe('checks', () => {
  it('computes the MOD 11-2 check character', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(idCheckCharacter('44030119900101123')).toBe('4');
    expect(isResidentId('11010519491231002X')).toBe(true);
    expect(isResidentId('110105194912310021')).toBe(false);
    expect(isResidentId('110105194902301234')).toBe(false); // 30 February
    expect(isResidentId('990105194912310021')).toBe(false); // no province 99
  });

  it('applies Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('6225880123456781')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });
});

function findIdPassingLuhn(): string {
  for (let seq = 0; seq < 1000; seq++) {
    const first17 = `11010519800101${String(seq).padStart(3, '0')}`;
    const id = first17 + idCheckCharacter(first17);
    if (/^\d+$/.test(id) && luhnValid(id)) return id;
  }
  throw new Error('no such ID in range');
}
