import type { UiMessages } from './ui.zh-CN';

const en: UiMessages = {
  text: {
    count: '{{count}} / {{max}}',
    over: '{{over}} characters too many: at most {{max}}; shorten it to save',
  },
};

export default en;
