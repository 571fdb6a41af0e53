import type { TFunction } from 'i18next';
import type { AgentGridRow, AgentState } from '../../../server/http/wallApiTypes';
import { awayReasonLabel } from '../presence/presenceChoices';

const STATE_KEYS = {
  available: 'available',
  ringing: 'ringing',
  on_call: 'onCall',
  on_hold: 'onHold',
  wrap_up: 'wrapUp',
  handling: 'handling',
  away: 'away',
  offline: 'offline',
} as const satisfies Record<AgentState, string>;

const AWAY_REASONS = ['busy', 'console', 'missed-offer', 'supervisor'] as const;
type AwayReason = (typeof AWAY_REASONS)[number];
const isKnownReason = (reason: string | null): reason is AwayReason => AWAY_REASONS.includes(reason as AwayReason);

/**
 * What the grid says an agent is doing: "On a call", "Handling 3 tickets", "Away — Lunch" (the reason chosen, in the
 * reader's language), "Away: missed an offer" (who or what set them away, when no reason was chosen).
 */
export function agentStateLabel(
  agent: Pick<AgentGridRow, 'state' | 'awayReason' | 'handling'> & Partial<Pick<AgentGridRow, 'awayReasonLabels'>>,
  t: TFunction,
  language = 'en',
): string {
  if (agent.state === 'handling') {
    const count = Object.values(agent.handling).reduce((total, n) => total + n, 0);
    return t('agentGrid.handlingTickets', { count });
  }
  if (agent.state === 'away' && agent.awayReasonLabels)
    return t('agentGrid.awayWithReason', { reason: awayReasonLabel(agent.awayReasonLabels, language) });
  if (agent.state === 'away' && agent.awayReason) {
    const reason = isKnownReason(agent.awayReason) ? t(`agentGrid.awayReasons.${agent.awayReason}`) : agent.awayReason;
    return t('agentGrid.awayReason', { reason });
  }
  return t(`agentGrid.states.${STATE_KEYS[agent.state]}`);
}

/** On a call a supervisor may monitor: connected, the customer maybe on hold. */
export const isMonitorable = (phase: string | null) => phase === 'connected' || phase === 'on_hold';
