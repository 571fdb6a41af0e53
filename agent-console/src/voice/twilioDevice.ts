import type { Call } from '@twilio/voice-sdk';
import { createDeviceStateStore, IDLE_DEVICE_STATE, type VoiceDevice } from './voiceDevice';

const TOKEN_REFRESH_MS = 60_000;

/** Asks the server for a fresh Voice access token (null when it has none to give). */
export type TokenSource = () => Promise<string | null>;

/**
 * A browser phone on Twilio Voice: `@twilio/voice-sdk`'s Device registered as `client:agent-<me>`. Every call starts at
 * the server (it rings this identity when I accept a voice offer), so the device only takes incoming calls. Loaded on
 * demand so consoles without Twilio never download the SDK. Not exercised by the tests (they run without Twilio).
 */
export async function createTwilioDevice(token: string, freshToken: TokenSource): Promise<VoiceDevice> {
  const { Device } = await import('@twilio/voice-sdk');
  const store = createDeviceStateStore(IDLE_DEVICE_STATE);
  const calls = new Map<string, Call>();
  // Closing the tab during a call asks first; `tokenWillExpire` fires a minute before the token runs out.
  const device = new Device(token, { closeProtection: true, tokenRefreshMs: TOKEN_REFRESH_MS });

  const publish = () =>
    store.set({
      ringing: [...calls]
        .filter(([, call]) => call.status() === 'pending')
        .map(([id, call]) => ({ id, from: call.parameters.From ?? '' })),
      inCall: [...calls.values()].some((call) => call.status() !== 'pending' && call.status() !== 'closed'),
    });

  device.on('incoming', (call: Call) => {
    const id = call.parameters.CallSid ?? `call-${calls.size + 1}`;
    calls.set(id, call);
    const forget = () => {
      calls.delete(id);
      publish();
    };
    call.on('accept', publish);
    call.on('cancel', forget);
    call.on('reject', forget);
    call.on('disconnect', forget);
    call.on('error', (error: { message?: string }) => store.set({ error: error.message ?? 'Call error' }));
    publish();
  });
  device.on('registered', () => store.set({ ready: true, error: null }));
  device.on('unregistered', () => store.set({ ready: false }));
  device.on('error', (error: { message?: string }) => store.set({ error: error.message ?? 'Voice device error' }));
  device.on('tokenWillExpire', () => {
    freshToken().then(
      (next) => next && device.updateToken(next),
      () => undefined, // The device reports the expiry as an error; the next reconnect re-reads the token.
    );
  });

  await device
    .register()
    .catch((error: { message?: string }) =>
      store.set({ error: error.message ?? 'Could not register the voice device' }),
    );

  const liveCall = () => [...calls.values()].find((call) => call.status() !== 'pending' && call.status() !== 'closed');
  return {
    kind: 'twilio',
    getState: store.get,
    subscribe: store.subscribe,
    refresh: () => undefined,
    answer: async (id) => calls.get(id)?.accept(),
    reject: async (id) => calls.get(id)?.reject(),
    setMuted: (muted) => liveCall()?.mute(muted),
    disconnect: () => liveCall()?.disconnect(),
    destroy: () => {
      device.disconnectAll();
      device.destroy();
    },
  };
}
