import { useTranslation } from 'react-i18next';
import type { WallRow } from './wallRows';

/** A wall line's name: the queue's, the channel's (translated), or "All queues". */
export function useRowLabel(): (row: WallRow) => string {
  const { t } = useTranslation();
  return (row) => row.name ?? (row.channel ? t(`channel.${row.channel}`) : t('wall.total'));
}
