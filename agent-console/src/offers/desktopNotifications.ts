export type NotificationPermissionState = NotificationPermission | 'unsupported';

const listeners = new Set<() => void>();

/** 'unsupported' where the browser has no Notification API (or blocks it, e.g. an insecure origin). */
export function notificationPermission(): NotificationPermissionState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export function subscribeNotificationPermission(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Asks once; call it only from a click or key press, browsers ignore (or punish) prompts without one. */
export async function requestNotificationPermission(): Promise<void> {
  if (notificationPermission() !== 'default') return;
  try {
    await Notification.requestPermission();
  } catch {
    // Denied, dismissed or unavailable: the console works without notifications.
  } finally {
    listeners.forEach((listener) => listener());
  }
}

/** Shows a notification if allowed; clicking it brings the console to the front. Null when not shown. */
export function showDesktopNotification(title: string, body: string, tag: string): Notification | null {
  if (notificationPermission() !== 'granted') return null;
  try {
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
    return notification;
  } catch {
    // Some browsers only allow notifications from a service worker.
    return null;
  }
}
