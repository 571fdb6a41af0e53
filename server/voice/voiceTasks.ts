import { UnrecoverableError } from 'bullmq';
import type { Task } from '../queues/task';
import { applyCustomerDialFailure, applyLegDialFailure } from './callStatusCallbacks';
import { bridgeCustomer, dialAgentLeg } from './connectCall';
import { twilioRequestFailure } from './twilioRequestFailure';

/**
 * Places the agent's leg through Twilio's REST API, retried while Twilio may recover. Once it gives up the leg fails,
 * so the caller goes to another agent instead of waiting on one who will never ring.
 */
export const dialAgentLegTask: Task<{ legId: string }> = {
  queue: 'voice',
  name: 'dial-agent-leg',
  async perform(ctx, { legId }, { lastAttempt }) {
    try {
      await dialAgentLeg(ctx, legId);
    } catch (err) {
      const failure = twilioRequestFailure(err);
      if (failure.retryHelps && !lastAttempt) throw err;
      await applyLegDialFailure(ctx, legId, failure.message);
      throw new UnrecoverableError(failure.message);
    }
  },
};

/**
 * Brings the customer into the conference the agent just joined. If a call we place cannot be dialled, it fails
 * once the retries are spent, so a callback attempt is settled and tried again later.
 */
export const bridgeCustomerTask: Task<{ callId: string }> = {
  queue: 'voice',
  name: 'bridge-customer',
  async perform(ctx, { callId }, { lastAttempt }) {
    try {
      await bridgeCustomer(ctx, callId);
    } catch (err) {
      const failure = twilioRequestFailure(err);
      if (failure.retryHelps && !lastAttempt) throw err;
      await applyCustomerDialFailure(ctx, callId, failure.message);
      throw new UnrecoverableError(failure.message);
    }
  },
};
