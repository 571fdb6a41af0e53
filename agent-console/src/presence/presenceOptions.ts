import type { Presence } from '../../../server/http/apiTypes';

// Mirrors PRESENCES in apiTypes (type-only import allowed); order is the order shown in the switch.
export const PRESENCE_OPTIONS = ['available', 'busy', 'away', 'offline'] as const satisfies readonly Presence[];
