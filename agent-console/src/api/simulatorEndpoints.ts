import type { SimulatedSms, SimulatorStatus } from '../../../server/http/apiTypes';
import { requestJson } from './request';

/** Whether the SMS simulator runs (no Twilio credentials configured) and the company number its texts go to. */
export const getSimulatorStatus = () => requestJson<SimulatorStatus>('/api/simulator');

/** Texts the company from a simulated phone, through the signed SMS webhook. 404 `simulator_off` with Twilio configured. */
export const sendSimulatedSms = (from: string, text: string) =>
  requestJson<{ sid: string }>('/api/simulator/sms', { method: 'POST', body: { from, text } });

/** The simulated phone's conversation, oldest first; `phone` is the number as the server normalised it. */
export const getSimulatedConversation = (phone: string) =>
  requestJson<{ phone: string; messages: SimulatedSms[] }>(`/api/simulator/sms/${encodeURIComponent(phone)}`);
