import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN';
import en from './en';
import adminZhCN from './admin.zh-CN';
import adminEn from './admin.en';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Namespaces: 'translation' (the console) and 'admin' (import, settings, audit pages). */
void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN, admin: adminZhCN },
    en: { translation: en, admin: adminEn },
  },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  ns: ['translation', 'admin'],
  defaultNS: 'translation',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Switches the UI language (React re-renders through react-i18next) and the document language. */
export async function applyLocale(locale: Locale): Promise<void> {
  document.documentElement.lang = locale;
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export default i18n;
