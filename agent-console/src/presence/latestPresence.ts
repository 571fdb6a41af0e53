import type { PresenceView } from '../../../server/http/apiTypes';

type Stamped = Pick<PresenceView, 'presenceChangedAt'>;

/**
 * Whether `candidate` describes a change at least as recent as `current`. HTTP snapshots and
 * socket events can arrive in either order, so the server's timestamp decides, not arrival order.
 */
export function isAtLeastAsRecent(candidate: Stamped, current: Stamped): boolean {
  return Date.parse(candidate.presenceChangedAt) >= Date.parse(current.presenceChangedAt);
}

type PresenceFields = Pick<PresenceView, 'presence' | 'presenceChangedAt'> & Partial<Pick<PresenceView, 'awayReason'>>;

/** `target` with the presence (and away reason, when `change` has one) applied, unless `target` holds a newer one. */
export function withLatestPresence<T extends PresenceFields>(target: T, change: PresenceFields): T {
  if (!isAtLeastAsRecent(change, target)) return target;
  const reason = change.awayReason === undefined ? {} : { awayReason: change.awayReason };
  if (
    change.presence === target.presence &&
    change.presenceChangedAt === target.presenceChangedAt &&
    (change.awayReason === undefined || change.awayReason === target.awayReason)
  )
    return target;
  return { ...target, presence: change.presence, presenceChangedAt: change.presenceChangedAt, ...reason };
}
