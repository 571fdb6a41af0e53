import type { Presence } from '../../../server/http/apiTypes';

/** Decorative: the presence is always written next to it, so colour is not the only cue. */
export function PresenceDot({ presence }: { presence: Presence }) {
  return <span className={`presence-dot presence-dot--${presence}`} aria-hidden="true" />;
}
