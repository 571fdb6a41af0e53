import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { describeSurveyAudit } from './surveyAudit';

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
  });
});

describe('describeSurveyAudit', () => {
  it('when a survey went out, then the timeline says by which channel', () => {
    expect(describeSurveyAudit('survey.sent', { channel: 'sms', surveyId: 's1' }, i18next.t)).toBe(
      'Satisfaction survey sent by SMS',
    );
  });

  it('when the customer answered low, then the timeline gives the score on its scale and says it is low', () => {
    expect(describeSurveyAudit('survey.answered', { score: 1, scale: 'csat', low: true }, i18next.t)).toBe(
      'Survey answered: 1 of 5 (low score)',
    );
    expect(describeSurveyAudit('survey.answered', { score: 9, scale: 'nps', low: false }, i18next.t)).toBe(
      'Survey answered: 9 of 10',
    );
  });

  it('when read in Chinese, then the health change is in Chinese', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(describeSurveyAudit('customer.at_risk', { score: 35 }, i18next.t)).toBe('健康度 35：有流失风险');
    await i18next.changeLanguage('en');
  });
});
