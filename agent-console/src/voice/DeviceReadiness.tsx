import { useTranslation } from 'react-i18next';
import type { VoiceDeviceResponse } from '../../../server/http/voiceApiTypes';
import type { DeviceKind } from './deviceKind';
import type { VoiceDeviceState } from './voiceDevice';

interface Props {
  info: VoiceDeviceResponse | null;
  kind: DeviceKind | null;
  state: VoiceDeviceState;
}

/** The idle call bar's line: where calls will ring, or why they cannot. */
export function DeviceReadiness({ info, kind, state }: Props) {
  const { t } = useTranslation();
  const text = (() => {
    if (state.error) return t('voice.unavailable', { reason: state.error });
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
    <span className="call-bar__idle muted" data-testid="call-device" data-ready={String(state.ready)}>
      <strong className="call-bar__idle-label">{t('voice.idle')}</strong> · {text}
    </span>
  );
}
