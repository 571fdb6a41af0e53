import { useSyncExternalStore } from 'react';
import {
  notificationPermission,
  subscribeNotificationPermission,
  type NotificationPermissionState,
} from './desktopNotifications';

export function useNotificationPermission(): NotificationPermissionState {
  return useSyncExternalStore(subscribeNotificationPermission, notificationPermission, () => 'unsupported' as const);
}
