import type { VoiceDeviceResponse } from '../../../server/http/voiceApiTypes';

/**
 * Which VoiceDevice the console runs: `twilio` (the Voice SDK in this browser), `simulator` (the simulator's device for
 * this browser), `phone` (Twilio rings the agent's own phone: nothing rings here, the controls still work) or `none`.
 */
export type DeviceKind = 'twilio' | 'simulator' | 'phone' | 'none';

export function deviceKindFor(device: Pick<VoiceDeviceResponse, 'mode' | 'endpoint' | 'token'>): DeviceKind {
  if (device.endpoint === 'phone') return 'phone';
  if (device.endpoint !== 'browser') return 'none';
  if (device.mode === 'simulator') return 'simulator';
  return device.token ? 'twilio' : 'none';
}
