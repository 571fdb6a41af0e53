import type { TFunction } from 'i18next';
import { SCALE_RANGE } from './surveyScale';

/** Timeline entries of surveys and customer health (server/surveys, server/health) the console puts into words. */
export const SURVEY_AUDIT_ACTIONS = [
  'survey.sent',
  'survey.answered',
  'customer.at_risk',
  'customer.no_longer_at_risk',
] as const;

export type SurveyAuditAction = (typeof SURVEY_AUDIT_ACTIONS)[number];

const isScale = (value: unknown): value is keyof typeof SCALE_RANGE =>
  value === 'csat' || value === 'nps' || value === 'ces';
const isChannel = (value: unknown): value is 'voice' | 'sms' | 'email' =>
  value === 'voice' || value === 'sms' || value === 'email';

export function describeSurveyAudit(action: SurveyAuditAction, data: Record<string, unknown>, t: TFunction): string {
  switch (action) {
    case 'survey.sent':
      return t('surveys.audit.sent', { channel: isChannel(data.channel) ? t(`channel.${data.channel}`) : '' });
    case 'survey.answered': {
      const values = { score: String(data.score), max: isScale(data.scale) ? SCALE_RANGE[data.scale].max : '?' };
      return data.low === true ? t('surveys.audit.answeredLow', values) : t('surveys.audit.answered', values);
    }
    case 'customer.at_risk':
      return t('surveys.audit.atRisk', { score: String(data.score) });
    case 'customer.no_longer_at_risk':
      return t('surveys.audit.noLongerAtRisk', { score: String(data.score) });
  }
}
