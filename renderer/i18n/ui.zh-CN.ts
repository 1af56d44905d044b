/* The design system's own words (namespace 'ui'): text counters, date and time pickers. */
const zhCN = {
  text: {
    count: '{{count}} / {{max}}',
    over: '超出 {{over}} 字：最多 {{max}} 字，请删减后再保存',
  },
};

export default zhCN;
export type UiMessages = typeof zhCN;
