import type { UiMessages } from './ui.zh-CN';

const en: UiMessages = {
  text: {
    count: '{{count}} / {{max}}',
    over: '{{over}} characters too many: at most {{max}}; shorten it to save',
  },
  date: {
    placeholder: 'yyyy-mm-dd',
    open: 'Open the calendar',
    prevMonth: 'Previous month',
    nextMonth: 'Next month',
    today: 'Today',
    keys: 'Arrows move · Enter picks · Esc closes',
    format: 'Enter a date such as 2026-12-07',
    no_such_day: 'That day does not exist; check the month and day',
  },
  time: {
    placeholder: 'hh:mm',
    format: 'Enter a 24-hour time such as 09:00',
  },
};

export default en;
