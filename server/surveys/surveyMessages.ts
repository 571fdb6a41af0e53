import type { Locale } from '../http/apiTypes';
import type { SurveyMessages, SurveyScale } from '../http/surveyApiTypes';
import { scaleRangeText } from './surveyScales';

/** The questions a queue starts with, per scale and language; admins rewrite them in the survey settings. */
export function defaultSurveyMessages(scale: SurveyScale): Record<Locale, SurveyMessages> {
  const en: Record<SurveyScale, string> = {
    csat: 'How satisfied are you with the help you got on ticket #{ticket}? Please answer {scale} (5 = very satisfied).',
    nps: 'How likely are you to recommend us to a friend? Please answer {scale} (10 = very likely).',
    ces: 'How easy was it to get your issue on ticket #{ticket} solved? Please answer {scale} (7 = very easy).',
  };
  const zh: Record<SurveyScale, string> = {
    csat: '您对工单 #{ticket} 的服务满意吗？请回复 {scale}（5 = 非常满意）。',
    nps: '您有多大可能向朋友推荐我们？请回复 {scale}（10 = 非常可能）。',
    ces: '解决工单 #{ticket} 的问题有多容易？请回复 {scale}（7 = 非常容易）。',
  };
  return {
    en: {
      question: en[scale],
      secondQuestion: 'Was your issue resolved? Answer 1 for yes, 2 for no.',
      commentPrompt: 'Thank you! Anything you would like to tell us? Just reply with your comment.',
      thanks: 'Thank you for your feedback.',
    },
    'zh-CN': {
      question: zh[scale],
      secondQuestion: '您的问题解决了吗？是请回复 1，否请回复 2。',
      commentPrompt: '谢谢！还有什么想告诉我们的吗？直接回复您的意见即可。',
      thanks: '感谢您的反馈。',
    },
  };
}

/** A message with its `{scale}` and `{ticket}` filled in. */
export function fillSurveyText(text: string, values: { scale: SurveyScale; ticketNumber: number | string }) {
  return text.replaceAll('{scale}', scaleRangeText(values.scale)).replaceAll('{ticket}', String(values.ticketNumber));
}

// Han characters: a customer who writes them reads Chinese.
const HAN = /\p{Script=Han}/u;

/** The customer's language: the one stored for them, else Chinese if what they wrote is, else English. */
export function surveyLocale(preferred: string | null, customerText: string): Locale {
  if (preferred === 'en' || preferred === 'zh-CN') return preferred;
  return HAN.test(customerText) ? 'zh-CN' : 'en';
}
