import type { Task } from '../queues/task';
import { bridgeCustomer, dialAgentLeg } from './connectCall';

/** Places the agent's leg through Twilio's REST API (retried with backoff if Twilio cannot be reached). */
export const dialAgentLegTask: Task<{ legId: string }> = {
  queue: 'voice',
  name: 'dial-agent-leg',
  perform: (ctx, { legId }) => dialAgentLeg(ctx, legId),
};

/** Brings the customer into the conference the agent just joined. */
export const bridgeCustomerTask: Task<{ callId: string }> = {
  queue: 'voice',
  name: 'bridge-customer',
  perform: (ctx, { callId }) => bridgeCustomer(ctx, callId),
};
