import type { SimContext } from '../context';
import { playLoopingDocument, TWILIO_HOLD_MUSIC } from '../engine/loopingDocument';
import type { Participant } from './simConference';

/**
 * Starts or stops what a participant hears instead of the conference: hold music while held (the holdUrl,
 * Twilio's own music by default), wait music while the conference has not started (the waitUrl).
 */
export function updateParticipantMusic(ctx: SimContext, participant: Participant) {
  const { conference, call, options } = participant;
  const want = participant.hold
    ? {
        key: `hold ${participant.holdUrl ?? ''}`,
        url: participant.holdUrl ?? TWILIO_HOLD_MUSIC,
        method: participant.holdMethod,
      }
    : conference.status === 'init'
      ? { key: `wait ${options.waitUrl}`, url: options.waitUrl, method: options.waitMethod }
      : null;
  if ((want?.key ?? null) === (participant.music?.key ?? null)) return;
  participant.music?.stop.abort();
  participant.music = null;
  if (!want || !call.isLive) return;
  const stop = new AbortController();
  participant.music = { key: want.key, stop };
  const params = () => ({ ConferenceSid: conference.sid, FriendlyName: conference.friendlyName });
  playLoopingDocument(ctx, call, want.url, want.method, params, AbortSignal.any([stop.signal, call.signal])).catch(
    () => {},
  );
}
