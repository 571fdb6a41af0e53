import twilio from 'twilio';
import type { Locale } from '../../http/apiTypes';
import type { SurveyScale } from '../../http/surveyApiTypes';
import { VOICE_BASE } from '../../voice/voiceUrls';
import { SCALE_RANGE } from '../surveyScales';

/** Where the keypad survey's answers go (under the voice webhooks, so Twilio's signature is checked on each). */
export const voiceSurveyPaths = {
  optIn: `${VOICE_BASE}/survey/opt-in`,
  answer: `${VOICE_BASE}/survey/answer`,
  comment: `${VOICE_BASE}/survey/comment`,
  transcription: `${VOICE_BASE}/survey/transcription`,
} as const;

const SAY_LANGUAGE: Record<Locale, string> = { en: 'en-US', 'zh-CN': 'zh-CN' };
const SORRY: Record<Locale, string> = {
  en: 'Sorry, that is not one of the choices.',
  'zh-CN': '抱歉，您的输入无效。',
};
const KEYS: Record<Locale, (min: number, max: number) => string> = {
  en: (min, max) => `Press a number from ${min} to ${max}${max >= 10 ? ', then the pound key' : ''}.`,
  'zh-CN': (min, max) => `请按 ${min} 到 ${max} 之间的数字${max >= 10 ? '，然后按井号键' : ''}。`,
};
const OPT_IN: Record<'en' | 'zh-CN', string> = {
  en: 'After your call, would you answer a short survey about it? Press 1 for yes, or wait to continue.',
  'zh-CN': '通话结束后，您愿意参加一个简短的满意度调查吗？愿意请按 1，否则请稍候。',
};

type VoiceResponse = InstanceType<typeof twilio.twiml.VoiceResponse>;

/** The keypad survey's TwiML, in the survey's language. Pure: every branch can be checked on its own. */
export class VoiceSurveyTwiml {
  constructor(
    private readonly publicUrl: string,
    private readonly locale: Locale,
  ) {}

  private url(path: string, query: Record<string, string>) {
    return `${this.publicUrl}${path}?${new URLSearchParams(query).toString()}`;
  }

  private say(r: Pick<VoiceResponse, 'say'>, text: string) {
    if (text.trim()) r.say({ language: SAY_LANGUAGE[this.locale] as never }, text);
  }

  /** The score: one key (two and # on the 0–10 scale); an empty or wrong answer comes back to ask again. */
  score(surveyId: string, scale: SurveyScale, question: string, attempt: number, sorry = false) {
    const { min, max } = SCALE_RANGE[scale];
    const r = new twilio.twiml.VoiceResponse();
    if (sorry) this.say(r, SORRY[this.locale]);
    const gather = r.gather({
      input: ['dtmf'],
      numDigits: max >= 10 ? 2 : 1,
      finishOnKey: '#',
      timeout: 8,
      action: this.url(voiceSurveyPaths.answer, { surveyId, step: 'score', attempt: String(attempt) }),
      method: 'POST',
      actionOnEmptyResult: true,
    });
    this.say(gather, question);
    this.say(gather, KEYS[this.locale](min, max));
    return r.toString();
  }

  /** The second question: 1 for yes, 2 for no. */
  second(surveyId: string, question: string, attempt: number, sorry = false) {
    const r = new twilio.twiml.VoiceResponse();
    if (sorry) this.say(r, SORRY[this.locale]);
    const gather = r.gather({
      input: ['dtmf'],
      numDigits: 1,
      timeout: 8,
      action: this.url(voiceSurveyPaths.answer, { surveyId, step: 'second', attempt: String(attempt) }),
      method: 'POST',
      actionOnEmptyResult: true,
    });
    this.say(gather, question);
    return r.toString();
  }

  /** A spoken comment, recorded and transcribed; silence (no recording) falls through to thanks. */
  comment(surveyId: string, prompt: string, thanks: string) {
    const r = new twilio.twiml.VoiceResponse();
    this.say(r, prompt);
    r.record({
      action: this.url(voiceSurveyPaths.comment, { surveyId }),
      method: 'POST',
      maxLength: 120,
      finishOnKey: '#',
      playBeep: true,
      transcribe: true,
      transcribeCallback: this.url(voiceSurveyPaths.transcription, { surveyId }),
    });
    this.say(r, thanks);
    r.hangup();
    return r.toString();
  }

  goodbye(text: string) {
    const r = new twilio.twiml.VoiceResponse();
    this.say(r, text);
    r.hangup();
    return r.toString();
  }
}

/** Offered in the IVR before a caller waits in a queue whose keypad survey is opt-in. */
export function surveyOptInTwiml(publicUrl: string, ivrLanguage: string, callId: string, queueId: string) {
  const locale = ivrLanguage === 'zh-CN' ? 'zh-CN' : 'en';
  const r = new twilio.twiml.VoiceResponse();
  const gather = r.gather({
    input: ['dtmf'],
    numDigits: 1,
    timeout: 5,
    action: `${publicUrl}${voiceSurveyPaths.optIn}?${new URLSearchParams({ callId, queueId }).toString()}`,
    method: 'POST',
    actionOnEmptyResult: true,
  });
  gather.say({ language: ivrLanguage as never }, OPT_IN[locale]);
  return r.toString();
}
