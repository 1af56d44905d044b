/* The design system's own words (namespace 'ui'): text counters, date and time pickers. */
const zhCN = {
  text: {
    count: '{{count}} / {{max}}',
    over: '超出 {{over}} 字：最多 {{max}} 字，请删减后再保存',
  },
  date: {
    placeholder: '年-月-日',
    open: '打开日历',
    prevMonth: '上个月',
    nextMonth: '下个月',
    today: '今天',
    keys: '方向键选日期 · 回车确认 · Esc 关闭',
    format: '请输入有效日期，格式如 2026-12-07',
    no_such_day: '没有这一天，请检查月份和日期',
  },
  time: {
    placeholder: '时:分',
    format: '请输入 24 小时制时间，如 09:00',
  },
};

export default zhCN;
export type UiMessages = typeof zhCN;
