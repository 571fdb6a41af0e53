import type { AdminUserView, UserInput, UserUpdate } from './adminApi';

const CHANNELS = ['voice', 'sms', 'email'] as const;

/** The user form as typed: text for every input, so a half-typed number is still what the admin sees. */
export interface UserDraft {
  name: string;
  email: string;
  role: AdminUserView['role'];
  password: string;
  phoneNumber: string;
  active: boolean;
  capacity: Record<(typeof CHANNELS)[number], string>;
  skills: string[];
  teamIds: string[];
}

/** The server's own defaults for a new user (1 call, 3 SMS, 5 emails at once). */
export const newUserDraft = (): UserDraft => ({
  name: '',
  email: '',
  role: 'agent',
  password: '',
  phoneNumber: '',
  active: true,
  capacity: { voice: '1', sms: '3', email: '5' },
  skills: [],
  teamIds: [],
});

export const userDraft = (user: AdminUserView): UserDraft => ({
  name: user.name,
  email: user.email,
  role: user.role,
  password: '',
  phoneNumber: user.phoneNumber ?? '',
  active: user.active,
  capacity: { voice: String(user.capacity.voice), sms: String(user.capacity.sms), email: String(user.capacity.email) },
  skills: user.skills,
  teamIds: user.teamIds,
});

// A blank or non-numeric capacity goes to the server as it is, which answers with an error by that field.
const capacityOf = (draft: UserDraft) =>
  Object.fromEntries(CHANNELS.map((c) => [c, draft.capacity[c].trim() === '' ? null : Number(draft.capacity[c])])) as {
    voice: number;
    sms: number;
    email: number;
  };

export const createUserInput = (draft: UserDraft): UserInput => ({
  name: draft.name,
  email: draft.email,
  role: draft.role,
  password: draft.password,
  phoneNumber: draft.phoneNumber.trim() || null,
  capacity: capacityOf(draft),
  skills: draft.skills,
  teamIds: draft.teamIds,
});

/** Every field as shown; the password only when a new one was typed (an admin's reset). */
export const updateUserInput = (draft: UserDraft): UserUpdate => ({
  name: draft.name,
  email: draft.email,
  role: draft.role,
  phoneNumber: draft.phoneNumber.trim() || null,
  active: draft.active,
  capacity: capacityOf(draft),
  skills: draft.skills,
  teamIds: draft.teamIds,
  ...(draft.password ? { password: draft.password } : {}),
});
