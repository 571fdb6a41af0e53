import type { Role } from '../../../server/http/apiTypes';

/** Who may open a page: everyone signed in, supervisors (and admins), or admins only. */
export type Access = 'everyone' | 'supervisors' | 'admins';

export function canSupervise(role: Role): boolean {
  return role === 'supervisor' || role === 'admin';
}

export function mayOpen(access: Access | undefined, role: Role): boolean {
  if (access === 'supervisors') return canSupervise(role);
  if (access === 'admins') return role === 'admin';
  return true;
}

/** An entry of the side navigation; `page` names its label (nav.<page>) and which routes highlight it. */
export interface NavEntry<Page extends string = string, To extends string = string> {
  page: Page;
  to: To;
  access: Access;
  /** Listed only while a simulator runs (its page still opens by address, and says when it is off). */
  whileSimulating?: boolean;
}

/** The entries this role sees, in order. */
export function visibleNavigation<E extends NavEntry>(
  entries: readonly E[],
  role: Role,
  { simulator = false }: { simulator?: boolean } = {},
): E[] {
  return entries.filter((entry) => mayOpen(entry.access, role) && (simulator || !entry.whileSimulating));
}
