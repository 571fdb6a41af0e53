import type { Channel, Locale } from '../../../server/http/apiTypes';
import type {
  HealthReasonKind,
  LowScoreAction,
  SurveyChannelChoice,
  SurveyScale,
  VoiceSurveyMode,
} from '../../../server/http/surveyApiTypes';

// The choices of surveyApiTypes.ts, repeated here because the console may only import types from server/; the
// `satisfies` clauses make the compiler refuse a value the server does not know.
export const SCALES = ['csat', 'nps', 'ces'] as const satisfies readonly SurveyScale[];
export const SURVEY_CHANNELS = ['off', 'contact', 'sms', 'email'] as const satisfies readonly SurveyChannelChoice[];
export const VOICE_MODES = ['off', 'always', 'opt_in'] as const satisfies readonly VoiceSurveyMode[];
export const LOW_SCORE_ACTION_CHOICES = ['none', 'callback', 'ticket'] as const satisfies readonly LowScoreAction[];
export const CONTACT_CHANNELS = ['voice', 'sms', 'email'] as const satisfies readonly Channel[];
export const MESSAGE_LOCALES = ['en', 'zh-CN'] as const satisfies readonly Locale[];
export const HEALTH_REASONS = [
  'repeat_contacts',
  'volume_above_baseline',
  'low_scores',
  'sla_breaches',
  'open_too_long',
  'missed_callback',
  'sms_opt_out',
  'complaint_words',
] as const satisfies readonly HealthReasonKind[];
