import type { CallView } from '../../../server/http/voiceApiTypes';
import { myLeg } from './myCalls';

/**
 * What the call bar says and which controls it offers.
 * `incoming`: my device rings (Answer / Decline); `ringing`: my leg is being rung elsewhere (my phone, or before the device
 * reports it); `waiting`: the caller is in the IVR or a queue; `connected` / `onHold`: talking; `wrapUp`: after-call work.
 */
export type CallBarStatus = 'idle' | 'incoming' | 'ringing' | 'waiting' | 'connected' | 'onHold' | 'wrapUp' | 'ended';

export function callBarStatus(call: CallView | null, myId: string, deviceRinging: boolean): CallBarStatus {
  if (deviceRinging) return 'incoming';
  if (!call) return 'idle';
  if (call.phase === 'ended') return call.wrapUp === 'pending' ? 'wrapUp' : 'ended';
  const leg = myLeg(call, myId);
  const talking = !!leg?.answeredAt && !leg.endedAt;
  if (call.phase === 'connected' && talking) return call.customerOnHold ? 'onHold' : 'connected';
  if (leg && !leg.answeredAt && !leg.endedAt) return 'ringing';
  if (call.phase === 'ivr' || call.phase === 'queued') return 'waiting';
  // Connected, but my leg is not up: the caller waits (on hold) for me or someone else.
  return call.phase === 'connected' ? 'onHold' : 'ringing';
}

/** Which controls make sense in each state. */
export function controlsFor(status: CallBarStatus) {
  const talking = status === 'connected' || status === 'onHold';
  return {
    answer: status === 'incoming',
    hangUp: talking || status === 'ringing' || status === 'waiting',
    hold: talking,
    mute: talking,
    transfer: talking,
    wrapUp: status === 'wrapUp',
  };
}
