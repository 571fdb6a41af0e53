import type { Locale } from '../../../server/http/apiTypes';
import type {
  LowScoreAction,
  QueueSurveySettings,
  SurveyChannelChoice,
  SurveyMessages,
  SurveyScale,
  SurveySettingsInput,
  VoiceSurveyMode,
} from '../../../server/http/surveyApiTypes';
import { DEFAULT_LOW_SCORE_THRESHOLD } from './surveyScale';

/** A queue's survey settings as typed: text in the number inputs. */
export interface SurveySettingsDraft {
  channel: SurveyChannelChoice;
  delayMinutes: string;
  voiceMode: VoiceSurveyMode;
  scale: SurveyScale;
  askComment: boolean;
  askSecondQuestion: boolean;
  messages: Record<Locale, SurveyMessages>;
  throttleDays: string;
  expiryHours: string;
  lowScoreThreshold: string;
  lowScoreAction: LowScoreAction;
}

export const surveySettingsDraft = (settings: QueueSurveySettings): SurveySettingsDraft => ({
  channel: settings.channel,
  delayMinutes: String(settings.delayMinutes),
  voiceMode: settings.voiceMode,
  scale: settings.scale,
  askComment: settings.askComment,
  askSecondQuestion: settings.askSecondQuestion,
  messages: settings.messages,
  throttleDays: String(settings.throttleDays),
  expiryHours: String(settings.expiryHours),
  lowScoreThreshold: String(settings.lowScoreThreshold),
  lowScoreAction: settings.lowScoreAction,
});

/**
 * Another scale keeps the threshold only if it was the old scale's default: "2" on CSAT becomes "6" on NPS, while
 * a threshold the admin chose stays for them to review.
 */
export function withScale(draft: SurveySettingsDraft, scale: SurveyScale): SurveySettingsDraft {
  const wasDefault = draft.lowScoreThreshold.trim() === String(DEFAULT_LOW_SCORE_THRESHOLD[draft.scale]);
  return {
    ...draft,
    scale,
    lowScoreThreshold: wasDefault ? String(DEFAULT_LOW_SCORE_THRESHOLD[scale]) : draft.lowScoreThreshold,
  };
}

/** Empty or not a number goes out as null, so the server's complaint shows by that field. */
const numberOf = (text: string): number => (text.trim() === '' ? null : Number(text.trim())) as number;

/** Every setting (the API replaces them whole). */
export const surveySettingsInputOf = (draft: SurveySettingsDraft): SurveySettingsInput => ({
  channel: draft.channel,
  delayMinutes: numberOf(draft.delayMinutes),
  voiceMode: draft.voiceMode,
  scale: draft.scale,
  askComment: draft.askComment,
  askSecondQuestion: draft.askSecondQuestion,
  messages: draft.messages,
  throttleDays: numberOf(draft.throttleDays),
  expiryHours: numberOf(draft.expiryHours),
  lowScoreThreshold: numberOf(draft.lowScoreThreshold),
  lowScoreAction: draft.lowScoreAction,
});
