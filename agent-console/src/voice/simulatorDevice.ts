import type { SimulatedCallView } from '../../../server/http/voiceApiTypes';
import { answerSimulatedDeviceCall, getSimulatedDevice, rejectSimulatedDeviceCall } from '../api/voiceEndpoints';
import { createDeviceStateStore, IDLE_DEVICE_STATE, type VoiceDevice, type VoiceDeviceState } from './voiceDevice';

/** What my simulated device shows, from the calls the simulator has at it. */
export function simulatedDeviceState(
  calls: readonly SimulatedCallView[],
): Pick<VoiceDeviceState, 'ringing' | 'inCall'> {
  return {
    ringing: calls.filter((call) => call.status === 'ringing').map((call) => ({ id: call.sid, from: call.from })),
    inCall: calls.some((call) => call.status === 'in-progress'),
  };
}

/**
 * The simulator's stand-in for a browser phone (no Twilio): the server's simulated Twilio rings `client:agent-<me>`,
 * this device reads what rings there and answers or rejects it over HTTP. `refresh` runs on `voice.simulator.changed`.
 */
export function createSimulatorDevice(): VoiceDevice {
  const store = createDeviceStateStore({ ...IDLE_DEVICE_STATE, ready: true });
  let latest = 0;
  let destroyed = false;

  const refresh = () => {
    const request = ++latest;
    getSimulatedDevice().then(
      ({ calls }) => {
        if (request === latest && !destroyed) store.set({ ...simulatedDeviceState(calls), error: null });
      },
      (error: unknown) => {
        if (request === latest && !destroyed)
          store.set({ error: error instanceof Error ? error.message : String(error) });
      },
    );
  };

  const settle = async (send: (sid: string) => Promise<void>, sid: string) => {
    // Shown at once; the re-read below (and the change event) tells the truth.
    store.set({ ringing: store.get().ringing.filter((call) => call.id !== sid) });
    try {
      await send(sid);
    } finally {
      refresh();
    }
  };

  refresh();
  return {
    kind: 'simulator',
    getState: store.get,
    subscribe: store.subscribe,
    refresh,
    answer: (sid) => settle(answerSimulatedDeviceCall, sid),
    reject: (sid) => settle(rejectSimulatedDeviceCall, sid),
    // The server mutes the simulated conference participant; there is no local microphone.
    setMuted: () => undefined,
    disconnect: () => undefined,
    destroy: () => {
      destroyed = true;
    },
  };
}
