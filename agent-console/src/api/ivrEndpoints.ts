import type { IvrSettings } from '../../../server/voice/ivrSettings';
import { requestJson } from './request';

export type { IvrSettings };
export type IvrMenu = IvrSettings['menus'][number];
export type IvrOption = IvrMenu['options'][number];
export type IvrAction = IvrOption['action'];
export type IvrLanguage = IvrSettings['language'];

export interface BusinessHoursEntry {
  id: string;
  name: string;
  timezone: string;
}

/** Admins: the phone line as it answers now (the built-in default until an admin saves one). */
export const getIvr = () => requestJson<{ ivr: IvrSettings }>('/api/admin/ivr');

/** Replaces the whole phone line; 400 with `fields` naming each wrong path ("menus.0.options.1.key"). */
export const saveIvr = (ivr: IvrSettings) =>
  requestJson<{ ivr: IvrSettings }>('/api/admin/ivr', { method: 'PUT', body: ivr });

/** Admins: the business-hours schedules the line can follow. */
export const listBusinessHours = () =>
  requestJson<{ businessHours: BusinessHoursEntry[] }>('/api/admin/business-hours');
