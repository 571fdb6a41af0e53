import twilio from 'twilio';
import { callableOwnNumber } from './callbackNumber';
import type { IvrMenu, IvrSettings } from './ivrSettings';
import { conferenceName, voiceUrl, type VoicePath } from './voiceUrls';

type VoiceResponse = InstanceType<typeof twilio.twiml.VoiceResponse>;

/**
 * The TwiML documents the phone line answers with, built with twilio's VoiceResponse. Pure: each takes what it says
 * and where its actions go, so every branch can be checked on its own.
 */
export class CallTwiml {
  constructor(
    private readonly publicUrl: string,
    private readonly ivr: Pick<
      IvrSettings,
      'language' | 'holdMessage' | 'holdMusicUrl' | 'callbackKey' | 'voicemailPrompt' | 'closedMessage'
    >,
  ) {}

  private url(path: VoicePath, query: Record<string, string> = {}) {
    return voiceUrl(this.publicUrl, path, query);
  }

  private response() {
    return new twilio.twiml.VoiceResponse();
  }

  private say(r: Pick<VoiceResponse, 'say'>, text: string) {
    r.say({ language: this.ivr.language as never }, text);
  }

  /**
   * A menu: its prompt inside a Gather for one key or a spoken word; no answer comes back to the menu handler.
   * `step`: how many steps the call's IVR path holds as the caller is asked; it rides along in the action URL so a
   * retried answer is told from a new one (ivrFlow.ts appendPath).
   */
  menu(callId: string, menu: IvrMenu, attempt: number, step: number, before?: string) {
    const r = this.response();
    if (before) this.say(r, before);
    const hints = menu.options.flatMap((o) => o.words).join(', ');
    const gather = r.gather({
      input: ['dtmf', 'speech'],
      numDigits: 1,
      timeout: 6,
      action: this.url('menu', { callId, menu: menu.id, attempt: String(attempt), step: String(step) }),
      method: 'POST',
      language: this.ivr.language as never,
      ...(hints ? { hints } : {}),
      actionOnEmptyResult: true,
    });
    this.say(gather, menu.prompt);
    return r.toString();
  }

  /** The caller waits in the queue: hold audio plays from the wait URL; leaving the queue reports to the action URL. */
  enqueue(callId: string, queueId: string, before?: string) {
    const r = this.response();
    if (before) this.say(r, before);
    r.enqueue(
      {
        waitUrl: this.url('wait', { callId }),
        waitUrlMethod: 'POST',
        action: this.url('queueResult', { callId }),
        method: 'POST',
      },
      queueId,
    );
    return r.toString();
  }

  /** Played in a loop while queued: where the caller stands, the offer of a callback, then hold audio. */
  wait(callId: string, announcement: string | null) {
    const r = this.response();
    if (announcement) this.say(r, announcement);
    const gather = r.gather({ numDigits: 1, timeout: 2, action: this.url('waitChoice', { callId }), method: 'POST' });
    this.say(
      gather,
      `To be called back instead of waiting, keeping your place in line, press ${spokenKey(this.ivr.callbackKey)}.`,
    );
    if (this.ivr.holdMusicUrl) gather.play(this.ivr.holdMusicUrl);
    else {
      this.say(gather, this.ivr.holdMessage);
      gather.pause({ length: 10 });
    }
    return r.toString();
  }

  /** Leaves the queue (the Enqueue action then asks for the callback number). */
  leaveQueue() {
    const r = this.response();
    r.leave();
    return r.toString();
  }

  /** Nothing to do: a wait-loop answer that goes back to waiting, or an answer Twilio ignores. */
  empty() {
    return this.response().toString();
  }

  /**
   * Confirms the number to call back: one key for the caller's own number, or another number ended by #. A caller
   * whose number is withheld (or no phone number) is only asked to key one in: there is no number of theirs to confirm.
   */
  callbackNumber(callId: string, queueId: string, callerNumber: string, attempt: number, before?: string) {
    const r = this.response();
    if (before) this.say(r, before);
    const gather = r.gather({
      finishOnKey: '#',
      timeout: 8,
      action: this.url('callbackNumber', { callId, queueId, attempt: String(attempt) }),
      method: 'POST',
      actionOnEmptyResult: true,
    });
    const prompt =
      callableOwnNumber(callerNumber) === null
        ? 'Your number is withheld. Please enter the number we should call you back at, then press pound.'
        : `We will call you back at ${spokenDigits(callerNumber)}. To confirm, press 1 then pound. To be called at another number, enter it now, then press pound.`;
    this.say(gather, prompt);
    return r.toString();
  }

  goodbye(text: string) {
    const r = this.response();
    this.say(r, text);
    r.hangup();
    return r.toString();
  }

  /** The caller leaves a message, transcribed where Twilio can; its recording becomes a message on a ticket. */
  voicemail(callId: string, queueId: string | null, before?: string) {
    const r = this.response();
    if (before) this.say(r, before);
    this.say(r, this.ivr.voicemailPrompt);
    const query = { callId, ...(queueId ? { queueId } : {}) };
    r.record({
      action: this.url('voicemail', query),
      method: 'POST',
      maxLength: 180,
      finishOnKey: '#',
      playBeep: true,
      transcribe: true,
      transcribeCallback: this.url('transcription', { callId }),
      recordingStatusCallback: this.url('recording', { callId, kind: 'voicemail' }),
      recordingStatusCallbackMethod: 'POST',
    });
    // Record falls through when the caller said nothing.
    this.say(r, 'We did not receive a message. Goodbye.');
    r.hangup();
    return r.toString();
  }

  closed(callId: string, queueId: string | null) {
    return this.voicemail(callId, queueId, this.ivr.closedMessage);
  }

  /** The customer's side of a conversation: the call's conference, recorded; it ends when the customer leaves. */
  customerJoins(callId: string) {
    const r = this.response();
    const dial = r.dial({ action: this.url('goodbye', { callId }), method: 'POST' });
    dial.conference({ ...this.conferenceCommon(callId), endConferenceOnExit: true }, conferenceName(callId));
    return r.toString();
  }

  /** An agent's side: the same conference; the agent leaving does not end it (a transfer, or the customer is told goodbye). */
  agentJoins(callId: string, before?: string) {
    const r = this.response();
    if (before) this.say(r, before);
    const dial = r.dial();
    dial.conference({ ...this.conferenceCommon(callId), endConferenceOnExit: false }, conferenceName(callId));
    return r.toString();
  }

  /**
   * What both sides ask of the call's conference. Recording is set on both because the conference is created by
   * whoever enters first — the agent, who is rung before the customer is brought in — and records only if asked then.
   */
  private conferenceCommon(callId: string) {
    return {
      startConferenceOnEnter: true,
      beep: 'false' as never,
      record: 'record-from-start' as const,
      recordingStatusCallback: this.url('recording', { callId, kind: 'conversation' }),
      recordingStatusCallbackMethod: 'POST' as const,
      waitUrl: this.url('holdMusic'),
      waitMethod: 'POST' as const,
    };
  }

  /** What a held customer (or an empty conference) hears. */
  holdMusic() {
    const r = this.response();
    if (this.ivr.holdMusicUrl) r.play({ loop: 0 }, this.ivr.holdMusicUrl);
    else {
      this.say(r, 'Please hold.');
      r.pause({ length: 20 });
    }
    return r.toString();
  }
}

/** The line's TwiML for this deployment's public address and the IVR settings in force. */
export const twimlFor = (ctx: { config: { PUBLIC_URL: string } }, ivr: IvrSettings) =>
  new CallTwiml(ctx.config.PUBLIC_URL, ivr);

/** Digits read one by one, so a number is spoken as a number. */
export function spokenDigits(number: string) {
  return number.replace(/\D/g, '').split('').join(' ');
}

function spokenKey(key: string) {
  return key === '*' ? 'star' : key === '#' ? 'pound' : key;
}
