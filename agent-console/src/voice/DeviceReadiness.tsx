import { useTranslation } from 'react-i18next';
import type { VoiceDeviceResponse } from '../../../server/http/voiceApiTypes';
import type { DeviceKind } from './deviceKind';
import type { VoiceDeviceState } from './voiceDevice';

interface Props {
  info: VoiceDeviceResponse | null;
  kind: DeviceKind | null;
  state: VoiceDeviceState;
  /** My presence is offline: routing offers me nothing, so nothing rings here, whatever the device. */
  offline: boolean;
}

/** The idle call bar's line: where calls will ring, or why they cannot (offline, or no working device). */
export function DeviceReadiness({ info, kind, state, offline }: Props) {
  const { t } = useTranslation();
  const text = (() => {
    if (state.error) return t('voice.unavailable', { reason: state.error });
    if (offline) return t('voice.offline');
    switch (kind) {
      case null:
        return t('voice.connecting');
      case 'phone':
        return t('voice.readyPhone', { number: info?.phoneNumber ?? '' });
      case 'simulator':
        return t('voice.readySimulator');
      case 'twilio':
        return state.ready ? t('voice.readyBrowser') : t('voice.connecting');
      case 'none':
        return t('voice.unavailable', { reason: t('voice.noDevice') });
    }
  })();
  return (
    <span
      className="call-bar__idle muted"
      data-testid="call-device"
      data-ready={String(state.ready)}
      data-offline={String(offline)}
    >
      <strong className="call-bar__idle-label">{t('voice.idle')}</strong> · {text}
    </span>
  );
}
