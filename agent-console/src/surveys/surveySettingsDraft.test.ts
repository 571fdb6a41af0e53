import { describe, expect, it } from 'vitest';
import type { QueueSurveySettings } from '../../../server/http/surveyApiTypes';
import { surveySettingsDraft, surveySettingsInputOf, withScale } from './surveySettingsDraft';

const messages = { question: 'Q {scale}', secondQuestion: '', commentPrompt: 'Say more', thanks: 'Thanks' };
const settings: QueueSurveySettings = {
  queueId: 'q1',
  queueName: 'Billing',
  channel: 'contact',
  delayMinutes: 30,
  voiceMode: 'opt_in',
  scale: 'csat',
  askComment: true,
  askSecondQuestion: false,
  messages: { en: messages, 'zh-CN': { ...messages, question: '请打分 {scale}' } },
  throttleDays: 14,
  expiryHours: 72,
  lowScoreThreshold: 2,
  lowScoreAction: 'callback',
};

describe('survey settings draft', () => {
  it('when saved unchanged, then the settings go back exactly as read (without the queue’s id and name)', () => {
    const { queueId: _id, queueName: _name, ...input } = settings;
    expect(surveySettingsInputOf(surveySettingsDraft(settings))).toEqual(input);
  });

  it('when a number is left empty or is not one, then it goes out as null or NaN for the server to name', () => {
    const input = surveySettingsInputOf({ ...surveySettingsDraft(settings), delayMinutes: ' ', expiryHours: 'abc' });
    expect(input.delayMinutes).toBeNull();
    expect(input.expiryHours).toBeNaN();
  });

  it('when the scale changes while the threshold is the old default, then it becomes the new scale’s default', () => {
    expect(withScale(surveySettingsDraft(settings), 'nps').lowScoreThreshold).toBe('6');
    expect(withScale(surveySettingsDraft(settings), 'ces').lowScoreThreshold).toBe('3');
  });

  it('when the admin chose their own threshold, then another scale keeps it for them to review', () => {
    expect(withScale({ ...surveySettingsDraft(settings), lowScoreThreshold: '3' }, 'nps').lowScoreThreshold).toBe('3');
  });
});
