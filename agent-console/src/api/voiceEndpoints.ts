import type {
  CallbackView,
  CallView,
  SimulatedCallView,
  VoiceDeviceResponse,
} from '../../../server/http/voiceApiTypes';
import type { TransferTarget } from './ticketEndpoints';
import { requestJson } from './request';

const callPath = (id: string) => `/api/calls/${encodeURIComponent(id)}`;

/** How I take calls: the browser (Twilio Voice SDK, or the simulator's device) or my own phone; a Voice token under Twilio. */
export const getVoiceDevice = () => requestJson<VoiceDeviceResponse>('/api/voice/device');

/** My calls in progress and those waiting for my after-call work. */
export const getMyCalls = () => requestJson<{ calls: CallView[] }>('/api/calls/mine');

export const getTicketCalls = (ticketId: string) =>
  requestJson<{ calls: CallView[]; callbacks: CallbackView[] }>(`/api/tickets/${encodeURIComponent(ticketId)}/calls`);

export const hangUpCall = (id: string) => requestJson<void>(`${callPath(id)}/hangup`, { method: 'POST' });

export const holdCall = (id: string, hold: boolean) =>
  requestJson<{ call: CallView }>(`${callPath(id)}/hold`, { method: 'POST', body: { hold } });

export const muteCall = (id: string, muted: boolean) =>
  requestJson<{ call: CallView }>(`${callPath(id)}/mute`, { method: 'POST', body: { muted } });

export const transferCall = (id: string, target: TransferTarget) =>
  requestJson<{ call: CallView }>(`${callPath(id)}/transfer`, { method: 'POST', body: target });

export const wrapUpCall = (id: string, disposition: string, note: string) =>
  requestJson<{ call: CallView }>(`${callPath(id)}/wrap-up`, { method: 'POST', body: { disposition, note } });

// The voice simulator (no Twilio credentials): my simulated browser device, and simulated customer phones.

const simCallPath = (sid: string) => `/api/simulator/voice/calls/${encodeURIComponent(sid)}`;
const simDevicePath = (sid: string) => `/api/simulator/voice/device/${encodeURIComponent(sid)}`;

/** Calls ringing or connected at my simulated browser device. */
export const getSimulatedDevice = () => requestJson<{ calls: SimulatedCallView[] }>('/api/simulator/voice/device');

export const answerSimulatedDeviceCall = (sid: string) =>
  requestJson<void>(`${simDevicePath(sid)}/answer`, { method: 'POST' });

export const rejectSimulatedDeviceCall = (sid: string) =>
  requestJson<void>(`${simDevicePath(sid)}/reject`, { method: 'POST' });

/** A simulated customer phone calls the company number. */
export const placeSimulatedCall = (from: string) =>
  requestJson<{ callSid: string }>('/api/simulator/voice/calls', { method: 'POST', body: { from } });

export const getSimulatedCall = (sid: string) => requestJson<{ call: SimulatedCallView }>(simCallPath(sid));

export const pressSimulatedDigits = (sid: string, digits: string) =>
  requestJson<{ call: SimulatedCallView }>(`${simCallPath(sid)}/digits`, { method: 'POST', body: { digits } });

export const speakOnSimulatedCall = (sid: string, text: string) =>
  requestJson<{ call: SimulatedCallView }>(`${simCallPath(sid)}/speech`, { method: 'POST', body: { text } });

/** Answers a <Record>: the typed text stands for the recorded message. */
export const leaveSimulatedRecording = (sid: string, text: string) =>
  requestJson<{ call: SimulatedCallView }>(`${simCallPath(sid)}/recording`, { method: 'POST', body: { text } });

export const hangUpSimulatedCall = (sid: string) => requestJson<void>(`${simCallPath(sid)}/hangup`, { method: 'POST' });
