import type { MailboxState } from '../api/mailboxEndpoints';

export type BadgeKind = 'success' | 'warning' | 'danger' | 'neutral';

const KINDS: Record<MailboxState, BadgeKind> = {
  connected: 'success',
  connecting: 'warning',
  error: 'danger',
  disabled: 'neutral',
};

/** The colour of a mailbox's state: connected green, connecting amber, error red, disabled grey. */
export function mailboxBadgeKind(state: MailboxState): BadgeKind {
  return KINDS[state] ?? 'neutral';
}
