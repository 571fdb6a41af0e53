import type { InboxResponse, Locale, MeResponse, Presence, PresenceView } from '../../../server/http/apiTypes';
import { requestJson } from './request';

export const getMe = () => requestJson<MeResponse>('/api/me');

export const signIn = (email: string, password: string) =>
  requestJson<MeResponse>('/api/auth/sign-in', { method: 'POST', body: { email, password } });

export const signOut = () => requestJson<void>('/api/auth/sign-out', { method: 'POST' });

export const changePassword = (currentPassword: string, newPassword: string) =>
  requestJson<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });

export const setPresence = (presence: Presence) =>
  requestJson<PresenceView>('/api/me/presence', { method: 'PUT', body: { presence } });

export const setLocale = (locale: Locale) =>
  requestJson<{ locale: Locale }>('/api/me/locale', { method: 'PUT', body: { locale } });

export const getInbox = () => requestJson<InboxResponse>('/api/inbox');
