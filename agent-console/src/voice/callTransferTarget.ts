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
