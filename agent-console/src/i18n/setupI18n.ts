import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../server/http/apiTypes';
import { en } from './en';
import { SUPPORTED_LOCALES } from './locales';
import { zhCN } from './zh-CN';

function reflectLanguageInDocument(language: string): void {
  document.documentElement.lang = language;
  document.title = i18n.t('app.name');
}

/** Resources are bundled, so init completes synchronously and the first render is already translated. */
export function setupI18n(initialLocale: Locale): typeof i18n {
  i18n.on('languageChanged', reflectLanguageInDocument);
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: initialLocale,
    fallbackLng: 'en',
    supportedLngs: SUPPORTED_LOCALES,
    load: 'currentOnly',
    // React escapes output itself.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return i18n;
}
