import type {
  AwayReasonListResponse,
  InboxResponse,
  Locale,
  MeResponse,
  Presence,
  PresenceView,
} from '../../../server/http/apiTypes';
import { requestJson } from './request';

export const getMe = () => requestJson<MeResponse>('/api/me');

export const signIn = (email: string, password: string) =>
  requestJson<MeResponse>('/api/auth/sign-in', { method: 'POST', body: { email, password } });

export const signOut = () => requestJson<void>('/api/auth/sign-out', { method: 'POST' });

export const changePassword = (currentPassword: string, newPassword: string) =>
  requestJson<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });

/** With away, `reason` is an away reason code (lunch, meeting, …). */
export const setPresence = (presence: Presence, reason: string | null = null) =>
  requestJson<PresenceView>('/api/me/presence', { method: 'PUT', body: reason ? { presence, reason } : { presence } });

export const getAwayReasons = () => requestJson<AwayReasonListResponse>('/api/away-reasons');

export const setLocale = (locale: Locale) =>
  requestJson<{ locale: Locale }>('/api/me/locale', { method: 'PUT', body: { locale } });

export const getInbox = () => requestJson<InboxResponse>('/api/inbox');
