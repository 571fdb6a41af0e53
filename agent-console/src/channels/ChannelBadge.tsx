import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../server/http/apiTypes';
import { ChannelIcon } from './ChannelIcon';

export function ChannelBadge({ channel }: { channel: Channel | 'note' }) {
  const { t } = useTranslation();
  return (
    <span className={`channel-badge channel-badge--${channel}`} data-channel={channel}>
      <ChannelIcon channel={channel} />
      {t(`channel.${channel}`)}
    </span>
  );
}
