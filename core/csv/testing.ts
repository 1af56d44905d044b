// Test helpers only; core/ has no DOM or Node typings, so TextEncoder is declared here.
declare const TextEncoder: new () => { encode(s: string): Uint8Array };

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function withBom(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(bytes, 3);
  return out;
}

export function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/**
 * Produced once with `iconv -f utf-8 -t gbk` from:
 *   手机号,姓名,回访原因,预约时间,优先级,时区,备注
 *   138 1234 5678,张三,投诉回访,2026-11-23 10:00,1,,客户要求下午回电
 *   +86 139-0000-1111,李四,满意度回访,,,Asia/Shanghai,"备注，含中文逗号"
 * with CRLF line ends. '张三' is D5C5 C8FD, '投诉回访' CDB6 CBDF BBD8 B7C3.
 */
export const GBK_SAMPLE = hex(
  'cad6bbfabac52cd0d5c3fb2cbbd8b7c3d4add2f22cd4a4d4bccab1bce42cd3c5cfc8bcb62ccab1c7f82cb1b8d7a20d0a' +
    '313338203132333420353637382cd5c5c8fd2ccdb6cbdfbbd8b7c32c323032362d31312d32332031303a30302c312c2c' +
    'bfcdbba7d2aac7f3cfc2cee7bbd8b5e70d0a' +
    '2b3836203133392d303030302d313131312cc0eecbc42cc2fad2e2b6c8bbd8b7c32c2c2c417369612f5368616e676861692c' +
    '22b1b8d7a2a3acbaacd6d0cec4b6babac5220d0a',
);
