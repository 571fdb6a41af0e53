import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { VoiceDeviceResponse } from '../../../server/http/voiceApiTypes';
import { getVoiceDevice } from '../api/voiceEndpoints';
import { queryKeys } from '../data/queryKeys';
import { useRealtime } from '../realtime/realtimeContext';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';
import { deviceKindFor, type DeviceKind } from './deviceKind';
import { createSimulatorDevice } from './simulatorDevice';
import { concernsAddress } from './simulatorEvents';
import { createTwilioDevice } from './twilioDevice';
import { createPassiveDevice, IDLE_DEVICE_STATE, type VoiceDevice, type VoiceDeviceState } from './voiceDevice';

export interface VoiceDeviceHandle {
  /** How the server says I take calls; null until read. */
  info: VoiceDeviceResponse | null;
  kind: DeviceKind | null;
  device: VoiceDevice | null;
  state: VoiceDeviceState;
}

const freshToken = () => getVoiceDevice().then((info) => info.token);
const noSubscription = () => () => undefined;
const idleState = () => IDLE_DEVICE_STATE;

/**
 * The device calls ring on, chosen from GET /api/voice/device. It lives as long as the kind stays the same: a reconnect
 * re-reads the settings (and the simulator's device) but never tears down a Voice SDK device that may carry a call.
 */
export function useVoiceDevice(): VoiceDeviceHandle {
  const { connectionGeneration } = useRealtime();
  const info = useQuery({ queryKey: queryKeys.voiceDevice, queryFn: getVoiceDevice }).data ?? null;
  const kind = info ? deviceKindFor(info) : null;
  const [device, setDevice] = useState<VoiceDevice | null>(null);
  // The token the device starts with; later ones reach it through `tokenWillExpire`.
  const token = useRef<string | null>(null);
  useEffect(() => {
    if (info?.token) token.current = info.token;
  }, [info]);

  useEffect(() => {
    if (!kind) return;
    let disposed = false;
    let created: VoiceDevice | null = null;
    const use = (next: VoiceDevice) => {
      if (disposed) return next.destroy();
      created = next;
      setDevice(next);
    };
    if (kind === 'twilio') {
      createTwilioDevice(token.current ?? '', freshToken).then(use, (error: unknown) =>
        use(createPassiveDevice('none', error instanceof Error ? error.message : String(error))),
      );
    } else {
      use(kind === 'simulator' ? createSimulatorDevice() : createPassiveDevice(kind));
    }
    return () => {
      disposed = true;
      created?.destroy();
      setDevice(null);
    };
  }, [kind]);

  useEffect(() => {
    if (connectionGeneration > 1) device?.refresh();
  }, [connectionGeneration, device]);

  const identity = info?.identity;
  useRealtimeEvent('voice.simulator.changed', (event) => {
    if (identity && device?.kind === 'simulator' && concernsAddress(event, `client:${identity}`)) device.refresh();
  });

  const state = useSyncExternalStore(device?.subscribe ?? noSubscription, device?.getState ?? idleState);
  return { info, kind, device, state };
}
