import { joinConference, leaveConference } from '../../conferences/conferenceControl';
import type { ParticipantOptions } from '../../conferences/simConference';
import { boolAttr, listAttr, methodAttr, type TwimlNode } from '../../twiml/twimlNode';
import { Interruption, resolveUrl } from '../instruction';
import { TWILIO_HOLD_MUSIC } from '../loopingDocument';
import type { VerbOutcome, VerbScope } from '../verbScope';
import { afterDial, type DialOptions } from './dialOptions';

/**
 * `<Dial><Conference>`: the call joins the named conference (created on first use, started by a participant
 * with startConferenceOnEnter) and stays until it is removed, the conference ends, or the call moves on. The
 * first participant with a statusCallback (or record="record-from-start") sets it for the conference.
 */
export async function dialConference(scope: VerbScope, options: DialOptions, noun: TwimlNode): Promise<VerbOutcome> {
  const { ctx, call, documentUrl } = scope;
  const conference = ctx.conferences.getOrCreate(noun.text);
  const participantOptions: ParticipantOptions = {
    muted: boolAttr(noun, 'muted', false),
    startConferenceOnEnter: boolAttr(noun, 'startConferenceOnEnter', true),
    endConferenceOnExit: boolAttr(noun, 'endConferenceOnExit', false),
    beep: noun.attrs.beep ?? 'true',
    waitUrl:
      noun.attrs.waitUrl === undefined
        ? TWILIO_HOLD_MUSIC
        : noun.attrs.waitUrl && resolveUrl(noun.attrs.waitUrl, documentUrl),
    waitMethod: methodAttr(noun, 'waitMethod'),
    label: noun.attrs.participantLabel ?? null,
    coach: noun.attrs.coach ?? null,
  };
  if (!conference.statusCallback && noun.attrs.statusCallback) {
    const events = listAttr(noun, 'statusCallbackEvent');
    conference.statusCallback = {
      url: resolveUrl(noun.attrs.statusCallback, documentUrl),
      method: methodAttr(noun, 'statusCallbackMethod'),
      events: new Set(events.length ? events : ['start', 'end']),
    };
  }
  if (!conference.recordingPlan && noun.attrs.record === 'record-from-start') {
    const events = listAttr(noun, 'recordingStatusCallbackEvent');
    conference.recordingPlan = {
      callback: noun.attrs.recordingStatusCallback
        ? {
            url: resolveUrl(noun.attrs.recordingStatusCallback, documentUrl),
            method: methodAttr(noun, 'recordingStatusCallbackMethod'),
            events: new Set(events.length ? events : ['completed']),
          }
        : null,
    };
  }
  const participant = joinConference(ctx, conference, call, participantOptions);
  try {
    await ctx.clock.abortable(participant.left.promise, scope.signal);
  } catch (error) {
    leaveConference(
      ctx,
      participant,
      error instanceof Interruption && error.reason.kind === 'redirect' ? 'redirect' : 'hangup',
    );
    throw error;
  }
  return afterDial(options, { status: 'completed', durationSeconds: ctx.clock.secondsBetween(participant.joinedAt) });
}
