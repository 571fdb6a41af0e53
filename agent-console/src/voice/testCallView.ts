import type { CallLegView, CallView } from '../../../server/http/voiceApiTypes';

/** A CallView for unit tests: an inbound call in the IVR unless told otherwise. */
export function aCallView(overrides: Partial<CallView> = {}): CallView {
  return {
    id: 'call-1',
    callSid: 'CA1',
    ticketId: 'ticket-1',
    customerId: 'customer-1',
    direction: 'inbound',
    origin: 'customer',
    from: '+15550100',
    to: '+15550199',
    status: 'in-progress',
    phase: 'ivr',
    ivrPath: [],
    queueId: null,
    agentId: null,
    createdAt: '2025-01-01T10:00:00Z',
    enqueuedAt: null,
    connectedAt: null,
    endedAt: null,
    waitSeconds: null,
    talkSeconds: null,
    abandoned: false,
    callbackRequested: false,
    voicemail: false,
    customerOnHold: false,
    recording: null,
    wrapUp: null,
    wrapUpDeadline: null,
    disposition: null,
    wrapUpNote: null,
    error: null,
    legs: [],
    ...overrides,
  };
}

export function aLeg(overrides: Partial<CallLegView> = {}): CallLegView {
  return {
    id: 'leg-1',
    agentId: 'me',
    agentName: 'Me',
    to: 'client:agent-me',
    status: 'ringing',
    muted: false,
    answeredAt: null,
    endedAt: null,
    ...overrides,
  };
}
