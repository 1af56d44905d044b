import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN';
import en from './en';
import adminZhCN from './admin.zh-CN';
import adminEn from './admin.en';
import scriptsZhCN from './scripts.zh-CN';
import scriptsEn from './scripts.en';
import surveyZhCN from './survey.zh-CN';
import surveyEn from './survey.en';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/**
 * Namespaces: 'translation' (the console), 'admin' (import, settings, audit pages), 'scripts' (the
 * script editor) and 'survey' (the in-call questionnaire and the survey figures).
 */
void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN, admin: adminZhCN, scripts: scriptsZhCN, survey: surveyZhCN },
    en: { translation: en, admin: adminEn, scripts: scriptsEn, survey: surveyEn },
  },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  ns: ['translation', 'admin', 'scripts', 'survey'],
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
