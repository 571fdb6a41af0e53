import type { Locale } from '../../../server/http/apiTypes';

// Mirrors LOCALES in apiTypes; repeated here because the console may only import types from server/.
export const SUPPORTED_LOCALES = ['en', 'zh-CN'] as const satisfies readonly Locale[];

/** Any Chinese tag (zh, zh-TW, zh-Hans-CN…) gets the one Chinese translation we have; everything else English. */
export function toSupportedLocale(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The language to show before anyone has signed in: the browser's first preference. */
export function detectBrowserLocale(nav: { language?: string; languages?: readonly string[] } | undefined): Locale {
  return toSupportedLocale(nav?.languages?.[0] ?? nav?.language);
}
