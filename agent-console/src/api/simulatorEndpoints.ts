import type { SimulatedEmail, SimulatedSms, SimulatorStatus } from '../../../server/http/apiTypes';
import { requestJson } from './request';

/** Which simulators run (SMS: no Twilio credentials; email: no active mailbox) and where their messages go. */
export const getSimulatorStatus = () => requestJson<SimulatorStatus>('/api/simulator');

/** Texts the company from a simulated phone, through the signed SMS webhook. 404 `simulator_off` with Twilio configured. */
export const sendSimulatedSms = (from: string, text: string) =>
  requestJson<{ sid: string }>('/api/simulator/sms', { method: 'POST', body: { from, text } });

/** The simulated phone's conversation, oldest first; `phone` is the number as the server normalised it. */
export const getSimulatedConversation = (phone: string) =>
  requestJson<{ phone: string; messages: SimulatedSms[] }>(`/api/simulator/sms/${encodeURIComponent(phone)}`);

export interface SimulatedEmailInput {
  from: string;
  name?: string;
  subject: string;
  /** Either the plain text or the HTML (the server makes the plain part from it). */
  text?: string;
  html?: string;
  /** The id of a mail in this address's inbox that the new mail answers. */
  inReplyTo?: string;
}

/** Writes to the simulated support mailbox as a customer; the mail goes through the same intake as IMAP mail. */
export const sendSimulatedEmail = (mail: SimulatedEmailInput) =>
  requestJson<{ messageId: string; ticketId: string }>('/api/simulator/email', { method: 'POST', body: mail });

/** A simulated customer's mailbox, oldest first: what they sent and the replies they received. */
export const getSimulatedMailbox = (address: string) =>
  requestJson<{ address: string; emails: SimulatedEmail[] }>(`/api/simulator/email/${encodeURIComponent(address)}`);
