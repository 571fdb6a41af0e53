import { describe, expect, it } from 'vitest';
import { detectBrowserLocale, toSupportedLocale } from './locales';

describe('toSupportedLocale', () => {
  it('maps every Chinese tag to zh-CN', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-TW', 'ZH-hans-cn']) expect(toSupportedLocale(tag)).toBe('zh-CN');
  });

  it('falls back to English for anything else', () => {
    for (const tag of ['en-US', 'de', 'fr-CA', '', undefined, null]) expect(toSupportedLocale(tag)).toBe('en');
  });
});

describe('detectBrowserLocale', () => {
  it('uses the first preferred language', () => {
    expect(detectBrowserLocale({ languages: ['zh-CN', 'en'], language: 'en' })).toBe('zh-CN');
    expect(detectBrowserLocale({ languages: ['en-GB', 'zh-CN'] })).toBe('en');
  });

  it('falls back to navigator.language, then English', () => {
    expect(detectBrowserLocale({ language: 'zh-TW' })).toBe('zh-CN');
    expect(detectBrowserLocale(undefined)).toBe('en');
  });
});
