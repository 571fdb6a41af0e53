import type { DeviceKind } from './deviceKind';

/** A call ringing this console's device. `from` is what the device knows of the caller (the company number, for our own legs). */
export interface RingingCall {
  id: string;
  from: string;
}

export interface VoiceDeviceState {
  /** Registered and able to ring (the Voice SDK), or polling the simulator. */
  ready: boolean;
  ringing: RingingCall[];
  /** A call is up on this device (answered here). */
  inCall: boolean;
  /** Why the device cannot take calls, when it cannot. */
  error: string | null;
}

/**
 * Where calls ring for this agent. The server decides everything about the call (conference, hold, transfer, hang-up);
 * the device only rings, answers or declines, and under Twilio carries the audio (and mutes the microphone locally).
 */
export interface VoiceDevice {
  readonly kind: DeviceKind;
  getState(): VoiceDeviceState;
  /** Called after every state change (for useSyncExternalStore); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Re-reads what rings: the simulator after `voice.simulator.changed` or a reconnect; a no-op where the device pushes its state. */
  refresh(): void;
  answer(id: string): Promise<void>;
  reject(id: string): Promise<void>;
  setMuted(muted: boolean): void;
  /** Drops this device's side of the call (the server hangs up the call itself). */
  disconnect(): void;
  destroy(): void;
}

export const IDLE_DEVICE_STATE: VoiceDeviceState = { ready: false, ringing: [], inCall: false, error: null };

/** The state of a device and its listeners: the part every implementation shares. */
export function createDeviceStateStore(initial: VoiceDeviceState) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(change: Partial<VoiceDeviceState>) {
      state = { ...state, ...change };
      listeners.forEach((listener) => listener());
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** Nothing rings in this browser: the agent's own phone rings (Twilio calls it), or the agent cannot take calls. */
export function createPassiveDevice(kind: 'phone' | 'none', error: string | null = null): VoiceDevice {
  const store = createDeviceStateStore({ ...IDLE_DEVICE_STATE, ready: kind === 'phone', error });
  return {
    kind,
    getState: store.get,
    subscribe: store.subscribe,
    refresh: () => undefined,
    answer: async () => undefined,
    reject: async () => undefined,
    setMuted: () => undefined,
    disconnect: () => undefined,
    destroy: () => undefined,
  };
}
