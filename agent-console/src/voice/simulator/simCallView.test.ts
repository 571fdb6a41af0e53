import { describe, expect, it } from 'vitest';
import type { SimulatedCallView } from '../../../../server/http/voiceApiTypes';
import { orderedParties, simCallInputs, simCallState } from './simCallView';

const aSimCall = (overrides: Partial<SimulatedCallView> = {}): SimulatedCallView => ({
  sid: 'CA1',
  from: '+15550100',
  to: '+15550199',
  direction: 'inbound',
  status: 'in-progress',
  transcript: [],
  awaiting: null,
  queue: null,
  conference: null,
  ...overrides,
});

describe('simCallState', () => {
  it('follows the caller from ringing through the menu and the queue to an agent', () => {
    expect(simCallState(aSimCall({ status: 'ringing' }))).toBe('ringing');
    expect(simCallState(aSimCall())).toBe('ivr');
    expect(simCallState(aSimCall({ queue: { name: 'Support', position: 2 } }))).toBe('queued');
    expect(
      simCallState(aSimCall({ conference: { name: 'sb-1', onHold: false, muted: false, participants: [] } })),
    ).toBe('connected');
    expect(simCallState(aSimCall({ conference: { name: 'sb-1', onHold: true, muted: false, participants: [] } }))).toBe(
      'onHold',
    );
  });

  it('is ended for every final status', () => {
    for (const status of ['completed', 'busy', 'failed', 'no-answer', 'canceled'] as const)
      expect(simCallState(aSimCall({ status }))).toBe('ended');
  });
});

describe('simCallInputs', () => {
  it('enables the keypad for a gather listening for keys, speech for one listening for speech', () => {
    expect(simCallInputs(aSimCall({ awaiting: { kind: 'gather', numDigits: 1, input: ['dtmf'] } }))).toEqual({
      keys: true,
      speech: false,
      message: false,
    });
    expect(
      simCallInputs(aSimCall({ awaiting: { kind: 'gather', numDigits: null, input: ['dtmf', 'speech'] } })),
    ).toEqual({ keys: true, speech: true, message: false });
    expect(simCallInputs(aSimCall({ awaiting: { kind: 'gather', numDigits: null, input: ['speech'] } }))).toEqual({
      keys: false,
      speech: true,
      message: false,
    });
  });

  it('takes a message when the line records', () => {
    expect(simCallInputs(aSimCall({ awaiting: { kind: 'record' } }))).toEqual({
      keys: false,
      speech: false,
      message: true,
    });
  });

  it('takes nothing while the line talks, nor after the call ended', () => {
    expect(simCallInputs(aSimCall())).toEqual({ keys: false, speech: false, message: false });
    expect(simCallInputs(aSimCall({ status: 'completed', awaiting: { kind: 'record' } }))).toEqual({
      keys: false,
      speech: false,
      message: false,
    });
    expect(simCallInputs(null)).toEqual({ keys: false, speech: false, message: false });
  });
});

describe('orderedParties', () => {
  it('lists the caller, then the agent, then the supervisor', () => {
    const parties = orderedParties([
      { role: 'supervisor' as const, callSid: 'CA3' },
      { role: 'agent' as const, callSid: 'CA2' },
      { role: 'caller' as const, callSid: 'CA1' },
    ]);
    expect(parties.map((p) => p.callSid)).toEqual(['CA1', 'CA2', 'CA3']);
  });
});
