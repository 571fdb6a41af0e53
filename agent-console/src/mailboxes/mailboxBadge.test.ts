import { describe, expect, it } from 'vitest';
import type { MailboxState } from '../api/mailboxEndpoints';
import { mailboxBadgeKind } from './mailboxBadge';

describe('mailboxBadgeKind', () => {
  it('maps each state to its colour', () => {
    expect(mailboxBadgeKind('connected')).toBe('success');
    expect(mailboxBadgeKind('connecting')).toBe('warning');
    expect(mailboxBadgeKind('error')).toBe('danger');
    expect(mailboxBadgeKind('disabled')).toBe('neutral');
  });

  it('shows an unknown state as neutral', () => {
    expect(mailboxBadgeKind('rebooting' as MailboxState)).toBe('neutral');
  });
});
