import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

/** Every leaf key as a dotted path, e.g. "presence.available". */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

/** Interpolation placeholders used in a string, e.g. ["min"] for "At least {{min}}". */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
}

function leafValue(resource: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], resource);
}

describe('translations', () => {
  it('en and zh-CN have exactly the same keys', () => {
    expect(leafKeys(zhCN).sort()).toEqual(leafKeys(en).sort());
  });

  it('every translation is a non-empty string', () => {
    for (const resource of [en, zhCN]) {
      for (const key of leafKeys(resource)) {
        const value = leafValue(resource, key);
        expect(typeof value, key).toBe('string');
        expect((value as string).trim(), key).not.toBe('');
      }
    }
  });

  it('zh-CN uses the same interpolation placeholders as en', () => {
    for (const key of leafKeys(en)) {
      expect(placeholders(leafValue(zhCN, key) as string), key).toEqual(placeholders(leafValue(en, key) as string));
    }
  });

  it('zh-CN is actually translated (presence and navigation are in Chinese)', () => {
    expect(zhCN.presence).toMatchObject({ available: '可用', busy: '忙碌', away: '离开', offline: '离线' });
    expect(zhCN.nav).toMatchObject({ inbox: '收件箱', supervisor: '主管', account: '账户' });
  });
});
