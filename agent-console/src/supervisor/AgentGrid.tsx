import { useTranslation } from 'react-i18next';
import type { AgentGridRow, LiveCallView } from '../../../server/http/wallApiTypes';
import { PresenceDot } from '../presence/PresenceDot';
import { ElapsedClock } from '../wall/ElapsedClock';
import { AgentContacts } from './AgentContacts';
import { AgentStateControl } from './AgentStateControl';
import { agentStateLabel, isMonitorable } from './agentStateLabel';
import { MonitorControls } from './MonitorControls';

interface Props {
  agents: AgentGridRow[];
  /** Live calls with my monitoring sessions; null where the server offers no call monitoring. */
  calls: LiveCallView[] | null;
  now: number;
  onAgentChanged: (row: AgentGridRow) => void;
}

/** Each agent: what they do and for how long, their contacts, and what a supervisor can do about it. */
export function AgentGrid({ agents, calls, now, onAgentChanged }: Props) {
  const { t, i18n } = useTranslation();
  if (agents.length === 0) return <p className="muted">{t('agentGrid.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table agent-grid" data-testid="agent-table">
        <thead>
          <tr>
            <th scope="col">{t('agentGrid.agent')}</th>
            <th scope="col">{t('agentGrid.state')}</th>
            <th scope="col">{t('agentGrid.timeInState')}</th>
            <th scope="col">{t('agentGrid.contacts')}</th>
            <th scope="col">{t('agentGrid.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((agent) => {
            const call = agent.contacts.find((contact) => contact.callId && isMonitorable(contact.callPhase));
            const live = call ? calls?.find((known) => known.callId === call.callId) : undefined;
            return (
              <tr
                key={agent.id}
                data-testid="agent-row"
                data-agent-id={agent.id}
                data-agent-email={agent.email}
                data-presence={agent.presence}
                data-state={agent.state}
                data-away-reason={agent.awayReasonCode ?? undefined}
              >
                <td>
                  <div>{agent.name}</div>
                  <div className="muted small">{agent.email}</div>
                </td>
                <td>
                  <span className={`presence-label agent-state agent-state--${agent.state}`} data-testid="agent-state">
                    <PresenceDot presence={agent.presence} />
                    {agentStateLabel(agent, t, i18n.language)}
                  </span>
                </td>
                <td>
                  <ElapsedClock since={agent.stateSince} now={now} testId="agent-time-in-state" />
                </td>
                <td>
                  <AgentContacts contacts={agent.contacts} now={now} />
                </td>
                <td className="agent-grid__actions">
                  <AgentStateControl agent={agent} onChanged={onAgentChanged} />
                  {call?.callId && calls && (
                    <MonitorControls callId={call.callId} agentName={agent.name} session={live?.monitoring ?? null} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
