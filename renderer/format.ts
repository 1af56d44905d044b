import i18n from 'i18next';

/*
 * Date, time and number formatting for the console. Everything goes through Intl with the chosen UI
 * locale; agent-facing times are shown in the display zone (Asia/Shanghai) unless a customer zone is
 * passed explicitly. The clock is the back end's clock (system.status.now), which may differ from the
 * machine's clock (tests pin it with CONSOLE_CLOCK_START).
 */

export const DISPLAY_ZONE = 'Asia/Shanghai';

let clockOffset = 0;
/** Aligns the renderer clock with the back end's `now`. */
export function syncClock(serverNow: number): void {
  clockOffset = serverNow - Date.now();
}
/** "Now" as the back end sees it. Use this for timers, relative hints and outcome timestamps. */
export function now(): number {
  return Date.now() + clockOffset;
}

export type UiLocale = 'zh-CN' | 'en';
export function uiLocale(): UiLocale {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}
/** The Intl locale: English uses en-GB-ish 24h clock conventions but US-neutral wording. */
function intlLocale(): string {
  return uiLocale() === 'en' ? 'en-US' : 'zh-CN';
}

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(options: Intl.DateTimeFormatOptions, zone: string): Intl.DateTimeFormat {
  const key = `${intlLocale()}|${zone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(), { ...options, timeZone: zone });
    cache.set(key, f);
  }
  return f;
}

/* English spells the month ("Nov 18") so dates are never read day-first vs month-first. */
const EN_DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const EN_SHORT_DATE_TIME: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const EN_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const DAY_OPTION: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', weekday: 'short' };

const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const SHORT_DATE_TIME: Intl.DateTimeFormatOptions = {
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const TIME_SEC: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
const CLOCK_DATE: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', weekday: 'short' };

const en = () => uiLocale() === 'en';

export function formatDateTime(ms: number, zone = DISPLAY_ZONE): string {
  return dtf(en() ? EN_DATE_TIME : DATE_TIME, zone).format(ms);
}
/** Month, day and time; adds the year only when it is not the current one. */
export function formatShortDateTime(ms: number, zone = DISPLAY_ZONE): string {
  const sameYear = dtf({ year: 'numeric' }, zone).format(ms) === dtf({ year: 'numeric' }, zone).format(now());
  if (en()) return dtf(sameYear ? EN_SHORT_DATE_TIME : EN_DATE_TIME, zone).format(ms);
  return dtf(sameYear ? SHORT_DATE_TIME : DATE_TIME, zone).format(ms);
}
export function formatDate(ms: number, zone = DISPLAY_ZONE): string {
  return dtf(en() ? EN_DATE : DATE, zone).format(ms);
}
/** "11月24日周二" / "Tue, Nov 24": a day in a picker. */
export function formatDayOption(ms: number, zone = DISPLAY_ZONE): string {
  return dtf(DAY_OPTION, zone).format(ms);
}
export function formatTime(ms: number, zone = DISPLAY_ZONE, seconds = false): string {
  return dtf(seconds ? TIME_SEC : TIME, zone).format(ms);
}
export function formatClockDate(ms: number, zone = DISPLAY_ZONE): string {
  return dtf(CLOCK_DATE, zone).format(ms);
}
/** "GMT+9"-style offset of a zone at an instant, for labelling customer-local times. */
export function zoneOffsetLabel(ms: number, zone: string): string {
  const part = dtf({ timeZoneName: 'shortOffset', hour: '2-digit' }, zone)
    .formatToParts(ms)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

const numberCache = new Map<string, Intl.NumberFormat>();
export function formatNumber(n: number): string {
  const key = intlLocale();
  let f = numberCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(key);
    numberCache.set(key, f);
  }
  return f.format(n);
}

/** mm:ss (or h:mm:ss) for the call timer. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The largest sensible unit for a span: minutes under 1 h, hours under 2 days, else days. */
export function spanParts(ms: number): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  const hours = Math.round(minutes / 60);
  if (hours < 48) return { unit: 'hours', count: hours };
  return { unit: 'days', count: Math.round(hours / 24) };
}

/** "逾期 3 小时" / "overdue 3h" for the past, "2 天后" / "in 2d" for the future. */
export function relativeToNow(ms: number, reference = now()): string {
  const diff = ms - reference;
  if (Math.abs(diff) < 60_000) return i18n.t('time.now');
  const { unit, count } = spanParts(diff);
  return i18n.t(diff < 0 ? `time.overdue.${unit}` : `time.in.${unit}`, { count });
}

/** "3 天前" / "3 days ago", for last-active style facts (not deadlines). */
export function agoFromNow(ms: number, reference = now()): string {
  const diff = reference - ms;
  if (diff < 60_000) return i18n.t('time.justNow');
  const { unit, count } = spanParts(diff);
  return i18n.t(`time.ago.${unit}`, { count });
}
