/**
 * Word lists behind name redaction (see redact.ts for how they are used and what they miss).
 * Kept apart from the rules so the lists can grow without the rules file growing with them.
 */

/**
 * The hundred most frequent single-character surnames (2020 census order, 闫/阎 and 付/傅 both kept
 * because both spellings are registered). A rarer surname is only caught when the caller passes the
 * name in `names`.
 */
export const SINGLE_SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤',
  ),
);

/** Compound surnames still in use; checked before single ones so 欧阳娜娜 is not read as 欧 + 阳娜. */
export const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯',
  '轩辕', '令狐', '独孤', '南宫', '西门', '端木', '百里', '呼延', '钟离', '申屠', '太史', '澹台', '万俟',
]);

/** Honorifics that follow a surname or a full name; longest first so 小姐 is not cut short. */
export const HONORIFICS = ['先生', '女士', '小姐', '老师', '经理'] as const;

/**
 * Surnames that are far more often grammatical words ("用户于昨日…", "客户向客服…", "用户曾多次…").
 * After a weak cue (客户/用户/本人) they are not taken as the start of a name; after a strong cue
 * (我叫, 姓名：) they are.
 */
export const FUNCTION_WORD_SURNAMES = new Set(Array.from('于向常曾任许万'));

/**
 * Common two-character words that begin with a surname character, mostly wallet and support
 * vocabulary: "用户余额不足" must not become "用户[姓名]不足". Also used the other way round —
 * a word that ENDS with a surname character ("基金经理", "主任老师") is not a surname + honorific.
 */
export const COMMON_WORDS = new Set([
  // money and payments
  '余额', '余下', '金额', '金卡', '金币', '金融', '黄金', '现金', '资金', '基金', '押金', '奖金', '租金', '付款',
  '付费', '付钱', '支付', '预付', '代付', '垫付', '钱包', '钱款', '零钱', '退钱', '万元', '万一', '白条', '龙卡',
  // everyday support vocabulary
  '高级', '高兴', '高峰', '高额', '高度', '方式', '方法', '方便', '方面', '方案', '方向', '对方', '官方', '双方',
  '任何', '任务', '任意', '主任', '责任', '信任', '担任', '现任', '前任', '许多', '许可', '允许', '也许', '或许',
  '曾经', '未曾', '不曾', '常用', '常见', '常规', '正常', '异常', '非常', '经常', '日常', '于是', '关于', '由于',
  '对于', '至于', '等于', '属于', '终于', '位于', '在于', '用于', '向我', '面向', '意向', '向来', '严重', '严格',
  '莫名', '莫非', '程序', '程度', '流程', '过程', '进程', '行程', '日程', '教程', '白天', '明白', '空白', '范围',
  '规范', '防范', '范例', '史上', '历史', '阶段', '手段', '石油', '钻石', '马上', '立马', '谢谢', '感谢', '多谢',
  '周末', '周一', '周二', '周三', '周四', '周五', '周六', '周日', '周期', '周边', '一周', '本周', '上周', '下周',
  '每周', '分钟', '点钟', '钟表', '何时', '何处', '何况', '如何', '为何', '时候', '健康', '顾问', '顾客', '照顾',
  '陆续', '登陆', '大陆', '毛病', '董事', '郑重', '杜绝', '黎明', '贺卡', '雷同', '夏天', '夏季', '华夏', '生肖',
  '王者', '王牌', '张贴', '陈述', '黄色', '胡乱', '宋体', '唐突', '武器', '熊猫', '丁点', '白名', '金条', '苏宁',
  '高频', '高端', '高速',
  // places that start with a surname character
  '江苏', '江西', '江门', '苏州', '常州', '武汉', '石家', '石景', '金华', '万州', '龙岗', '龙华', '龙江', '黄山',
  '黄石', '贺州', '高新', '白山', '马鞍', '陆家',
]);

/**
 * Characters that begin the next word rather than end a name: "用户张三反映…" is 张三 + 反映, so a
 * 3-character candidate whose last character is one of these is cut to 2 characters. 小 and 老 are
 * deliberately absent: 王小明 and 李老三 are names.
 */
export const AFTER_NAME = new Set(
  Array.from(
    '反说表称讲告诉问咨询投诉来去到在于已曾刚才又再还也都就便即先后今昨前近当本该此这那是有无没未不对被因由从向和与跟及或而但却以把让叫给往自将会能可要想希需请称办用使绑申开关登注取查提收付支充转退扣确认觉质多等一两个上下里中的地得着过了吗呢吧啊呀哦嗯，',
  ),
);
