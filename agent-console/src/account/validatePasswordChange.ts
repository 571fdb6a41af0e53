// Same rule as the server's; checked here too so the agent gets an answer before a round trip.
export const MIN_PASSWORD_LENGTH = 10;

export type PasswordChangeProblem = 'currentRequired' | 'tooShort' | 'mismatch';

export interface PasswordChangeInput {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The first problem with the form, or null when it may be sent. */
export function validatePasswordChange(input: PasswordChangeInput): PasswordChangeProblem | null {
  if (input.currentPassword === '') return 'currentRequired';
  // Count code points, not UTF-16 units, so an emoji is one character as a person would count it.
  if ([...input.newPassword].length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (input.newPassword !== input.confirmPassword) return 'mismatch';
  return null;
}
