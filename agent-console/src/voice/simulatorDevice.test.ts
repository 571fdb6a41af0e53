import { describe, expect, it } from 'vitest';
import type { SimulatedCallView } from '../../../server/http/voiceApiTypes';
import { simulatedDeviceState } from './simulatorDevice';

const aSimCall = (sid: string, status: SimulatedCallView['status']): SimulatedCallView => ({
  sid,
  from: '+15550199',
  to: 'client:agent-me',
  direction: 'outbound-api',
  status,
  transcript: [],
  awaiting: null,
  queue: null,
  conference: null,
});

describe('simulatedDeviceState', () => {
  it('rings for calls ringing at the device (not yet for queued ones), and is in a call while one is in progress', () => {
    expect(
      simulatedDeviceState([
        aSimCall('CA0', 'queued'),
        aSimCall('CA1', 'ringing'),
        aSimCall('CA2', 'in-progress'),
        aSimCall('CA3', 'completed'),
      ]),
    ).toEqual({
      ringing: [{ id: 'CA1', from: '+15550199' }],
      inCall: true,
    });
    expect(simulatedDeviceState([])).toEqual({ ringing: [], inCall: false });
  });
});
