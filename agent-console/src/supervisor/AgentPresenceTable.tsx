import { useTranslation } from 'react-i18next';
import type { MonitorAgent } from '../../../server/http/apiTypes';
import { SinceLabel } from '../format/SinceLabel';
import { PresenceDot } from '../presence/PresenceDot';

export function AgentPresenceTable({ agents, now }: { agents: MonitorAgent[]; now: number }) {
  const { t } = useTranslation();
  if (agents.length === 0) return <p className="muted">{t('monitor.noAgents')}</p>;
  return (
    <table className="data-table" data-testid="agent-table">
      <thead>
        <tr>
          <th scope="col">{t('monitor.agent')}</th>
          <th scope="col">{t('monitor.presence')}</th>
          <th scope="col">{t('monitor.since')}</th>
        </tr>
      </thead>
      <tbody>
        {agents.map((agent) => (
          <tr key={agent.id} data-testid="agent-row" data-agent-email={agent.email} data-presence={agent.presence}>
            <td>
              <div>{agent.name}</div>
              <div className="muted small">{agent.email}</div>
            </td>
            <td>
              <span className="presence-label">
                <PresenceDot presence={agent.presence} />
                {t(`presence.${agent.presence}`)}
              </span>
            </td>
            <td>
              <SinceLabel since={agent.presenceChangedAt} now={now} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
