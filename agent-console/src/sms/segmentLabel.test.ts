import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { countSmsSegments } from '../../../channels/sms/smsSegments';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { segmentLabel } from './segmentLabel';

async function translator(lng: 'en' | 'zh-CN'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe('segmentLabel', () => {
  it('counts a long Latin text in GSM-7 segments of 153', async () => {
    const t = await translator('en');
    expect(segmentLabel(countSmsSegments('a'.repeat(160)), t)).toBe('1 segment · GSM-7 · 0 left');
    expect(segmentLabel(countSmsSegments('a'.repeat(161)), t)).toBe('2 segments · GSM-7 · 145 left');
    expect(segmentLabel(countSmsSegments('a'.repeat(307)), t)).toBe('3 segments · GSM-7 · 152 left');
  });

  it('counts Chinese as UCS-2, in Chinese', async () => {
    const t = await translator('zh-CN');
    expect(segmentLabel(countSmsSegments('您好'), t)).toBe('1 条短信 · UCS-2 · 剩余 68');
    expect(segmentLabel(countSmsSegments('您'.repeat(5)), t)).toBe('1 条短信 · UCS-2 · 剩余 65');
    expect(segmentLabel(countSmsSegments('您'.repeat(71)), t)).toBe('2 条短信 · UCS-2 · 剩余 63');
  });

  it('says "0 segments" for an empty text', async () => {
    const t = await translator('en');
    expect(segmentLabel(countSmsSegments(''), t)).toBe('0 segments · GSM-7 · 160 left');
  });

  it('switches a mostly Latin text to UCS-2 for one emoji', async () => {
    const t = await translator('en');
    expect(segmentLabel(countSmsSegments('Your order shipped 📦'), t)).toBe('1 segment · UCS-2 · 49 left');
  });
});
