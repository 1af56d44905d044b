import { describe, expect, it } from 'vitest';
import { findPhonesInText, maskPhonesInText, splitPhones } from './phone-text';

describe('phone numbers in free text are masked like the phone field', () => {
  const cases: [string, string, string][] = [
    ['11 digits straight', '客户手机 17745841568，请尽快回电', '客户手机 177****1568，请尽快回电'],
    ['3-4-4 with spaces', '联系电话：138 1234 5678', '联系电话：138****5678'],
    ['3-4-4 with dashes', '备用号码138-1234-5678。', '备用号码138****5678。'],
    ['+86 with a space', '他留的是+86 139 1234 5678', '他留的是+86 139****5678'],
    ['+86 no space', '号码+8613912345678打不通', '号码+86 139****5678打不通'],
    ['0086', '0086-13912345678', '0086 139****5678'],
    ['full-width digits', '手机１３８１２３４５６７８', '手机138****5678'],
    ['two numbers', '本人 13800001111，家属 15900002222', '本人 138****1111，家属 159****2222'],
    ['Beijing landline', '公司电话 010-62345678 转 8001', '公司电话 010-****5678 转 8001'],
    ['landline in parentheses', '座机（0755）8612 3456', '座机(0755)****3456'],
    ['landline straight', '打 02112345678 找王经理', '打 021-****5678 找王经理'],
    ['landline +86', '+86 10 6234 5678', '+86 10-****5678'],
    ['English text', 'Customer asked to call 186-0000-1234 after 6pm', 'Customer asked to call 186****1234 after 6pm'],
  ];
  it.each(cases)('%s', (_, text, masked) => {
    expect(maskPhonesInText(text)).toBe(masked);
  });

  const untouched: [string, string][] = [
    ['an order number', '订单号 202405121381234567890 已退款'],
    ['a transaction serial holding 11 digits', '流水号 T2024138123456789'],
    ['a bank card', '银行卡 6222 0212 3456 7890 123'],
    ['an amount and a date', '2024-05-12 扣款 ¥1,380.00，共 3 笔'],
    ['12 digits starting with 1', '编号 138123456789'],
    ['a mobile with a wrong second digit', '12812345678'],
    ['no digits', '客服热线排队时间过长投诉，致歉并回访'],
  ];
  it.each(untouched)('leaves %s alone', (_, text) => {
    expect(findPhonesInText(text)).toEqual([]);
    expect(maskPhonesInText(text)).toBe(text);
  });

  it('splits text into plain and phone parts that join back to the original, with offsets into it', () => {
    const text = '客户手机 17745841568，座机 010-62345678';
    const parts = splitPhones(text);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.phone).map((p) => [p.text, p.phone!.kind, p.phone!.masked])).toEqual([
      ['17745841568', 'mobile', '177****1568'],
      ['010-62345678', 'landline', '010-****5678'],
    ]);
    const [first] = findPhonesInText('手机１３８１２３４５６７８');
    expect(first).toMatchObject({ start: 2, end: 13 });
  });

  it('never shows digits 4–7 of a mobile', () => {
    for (const text of ['13912345678', '139 1234 5678', '+86 139-1234-5678']) expect(maskPhonesInText(text)).not.toContain('1234');
  });
});
