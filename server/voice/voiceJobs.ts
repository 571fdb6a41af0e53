import type { AppContext } from '../context';

// The caller waits on hold while the agent's leg is placed: a few quick retries ride out a blip in Twilio's API
// (about 3 s in all); past that the call is better offered to another agent than kept waiting for this one.
const DIAL_AGENT_RETRIES = { attempts: 3, backoff: { type: 'exponential', delay: 1000 } };

// Job ids are fixed per leg, so adding a job again while BullMQ still knows it (waiting, retrying, or recently done)
// changes nothing: the reconciler may re-add them freely.

/** Asks a worker to place the agent's leg through Twilio. */
export const enqueueDialAgentLeg = (ctx: Pick<AppContext, 'queues'>, legId: string) =>
  ctx.queues.voice.add('dial-agent-leg', { legId }, { jobId: `dial-agent-leg-${legId}`, ...DIAL_AGENT_RETRIES });

/** Asks a worker to bring the customer into the conference the agent on `legId` just joined. */
export const enqueueBridgeCustomer = (ctx: Pick<AppContext, 'queues'>, callId: string, legId: string) =>
  ctx.queues.voice.add('bridge-customer', { callId }, { jobId: `bridge-customer-${legId}` });
