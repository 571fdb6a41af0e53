import type { PresenceView } from '../../../server/http/apiTypes';

type Stamped = Pick<PresenceView, 'presenceChangedAt'>;

/**
 * Whether `candidate` describes a change at least as recent as `current`. HTTP snapshots and
 * socket events can arrive in either order, so the server's timestamp decides, not arrival order.
 */
export function isAtLeastAsRecent(candidate: Stamped, current: Stamped): boolean {
  return Date.parse(candidate.presenceChangedAt) >= Date.parse(current.presenceChangedAt);
}

/** `target` with the presence from `change` applied, unless `target` already holds a newer one. */
export function withLatestPresence<T extends Pick<PresenceView, 'presence' | 'presenceChangedAt'>>(
  target: T,
  change: Pick<PresenceView, 'presence' | 'presenceChangedAt'>,
): T {
  if (!isAtLeastAsRecent(change, target)) return target;
  if (change.presence === target.presence && change.presenceChangedAt === target.presenceChangedAt) return target;
  return { ...target, presence: change.presence, presenceChangedAt: change.presenceChangedAt };
}
