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
import ticketsZhCN from './tickets.zh-CN';
import ticketsEn from './tickets.en';
import slaZhCN from './sla.zh-CN';
import slaEn from './sla.en';
import reportsZhCN from './reports.zh-CN';
import reportsEn from './reports.en';
import faqZhCN from './faq.zh-CN';
import faqEn from './faq.en';
import apiErrorsZhCN from './apiErrors.zh-CN';
import apiErrorsEn from './apiErrors.en';
import uiZhCN from './ui.zh-CN';
import uiEn from './ui.en';
import syncZhCN from './sync.zh-CN';
import syncEn from './sync.en';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/**
 * Namespaces: 'translation' (the console), 'admin' (import, settings, audit pages), 'scripts' (the
 * script editor), 'survey' (the in-call questionnaire and the survey figures), 'tickets' (tickets,
 * vouchers and notifications for agents), 'sla' (the supervisor's SLA board, approvals, calendar and
 * policies), 'reports' (supervisor reports), 'faq' (FAQ curation and export),
 * 'apiErrors' (back-end errors in the user's language, worded by ./apiError.ts), 'ui' (renderer/ui) and 'sync' (the team server: status, joining, "Needs attention").
 */
void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': {
      translation: zhCN,
      admin: adminZhCN,
      scripts: scriptsZhCN,
      survey: surveyZhCN,
      tickets: ticketsZhCN,
      sla: slaZhCN,
      reports: reportsZhCN,
      faq: faqZhCN,
      apiErrors: apiErrorsZhCN,
      ui: uiZhCN,
      sync: syncZhCN,
    },
    en: { translation: en, admin: adminEn, scripts: scriptsEn, survey: surveyEn, tickets: ticketsEn, sla: slaEn, reports: reportsEn, faq: faqEn, apiErrors: apiErrorsEn, ui: uiEn, sync: syncEn },
  },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  ns: ['translation', 'admin', 'scripts', 'survey', 'tickets', 'sla', 'reports', 'faq', 'apiErrors', 'ui', 'sync'],
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
