import type { Presence } from '../../../server/http/apiTypes';
import type { AgentEntry } from '../api/directoryEndpoints';
import type { TransferTarget } from '../api/ticketEndpoints';

/** The transfer select's option values: "queue:<id>" or "agent:<id>". */
export const queueOption = (id: string) => `queue:${id}`;
export const agentOption = (id: string) => `agent:${id}`;

export function transferTargetOf(value: string): TransferTarget | null {
  const colon = value.indexOf(':');
  const [kind, id] = [value.slice(0, colon), value.slice(colon + 1)];
  if (colon < 0 || !id) return null;
  if (kind === 'queue') return { queueId: id };
  if (kind === 'agent') return { agentId: id };
  return null;
}

/** A colleague in the call transfer picker, with what their presence means for a caller handed to them. */
export interface AgentChoice {
  id: string;
  name: string;
  presence: Presence;
  /** Offline: nothing rings for them, and the caller would wait on hold for nobody. */
  disabled: boolean;
  /** Which label (i18n key under `transfer`) says so. */
  label: 'agentOption' | 'agentAway' | 'agentOffline';
}

const PRESENCE_ORDER: Record<Presence, number> = { available: 0, busy: 1, away: 2, offline: 3 };

/** The agents a call can go to: everyone but me, those who can pick up first (the directory's order kept within each presence). */
export function agentChoices(agents: readonly AgentEntry[], myId: string): AgentChoice[] {
  return agents
    .filter((agent) => agent.id !== myId)
    .map((agent) => ({
      id: agent.id,
      name: agent.name,
      presence: agent.presence,
      disabled: agent.presence === 'offline',
      label:
        agent.presence === 'offline'
          ? ('agentOffline' as const)
          : agent.presence === 'away'
            ? ('agentAway' as const)
            : ('agentOption' as const),
    }))
    .sort((a, b) => PRESENCE_ORDER[a.presence] - PRESENCE_ORDER[b.presence]);
}
