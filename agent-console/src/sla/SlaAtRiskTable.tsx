import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SlaAtRiskItem } from '../../../server/http/slaApiTypes';
import { ChannelBadge } from '../channels/ChannelBadge';
import { Timestamp } from '../format/Timestamp';
import { SlaBadge } from './SlaBadge';

/** One row per ticket at risk, its badge counting live (a due soon turns overdue on screen at the due moment). */
export function SlaAtRiskTable({ tickets }: { tickets: SlaAtRiskItem[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="sla-at-risk-table">
        <thead>
          <tr>
            <th scope="col">{t('sla.atRisk.ticket')}</th>
            <th scope="col">{t('sla.atRisk.subject')}</th>
            <th scope="col">{t('sla.atRisk.target')}</th>
            <th scope="col">{t('sla.atRisk.state')}</th>
            <th scope="col">{t('sla.atRisk.due')}</th>
            <th scope="col">{t('sla.atRisk.queue')}</th>
            <th scope="col">{t('sla.atRisk.assignee')}</th>
            <th scope="col">{t('sla.atRisk.priority')}</th>
            <th scope="col">{t('sla.atRisk.channel')}</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((item) => (
            <tr
              key={`${item.ticketId}:${item.target}`}
              data-testid="sla-at-risk-row"
              data-ticket-id={item.ticketId}
              data-level={item.level}
            >
              <td className="numeric">#{item.number}</td>
              <td>
                <Link to="/tickets/$ticketId" params={{ ticketId: item.ticketId }}>
                  {item.subject}
                </Link>
              </td>
              <td>{t(`sla.target.${item.target}`)}</td>
              <td>
                <SlaBadge
                  sla={{ target: item.target, level: item.level, dueAt: item.dueAt, minutesLeftWhenPaused: null }}
                />
              </td>
              <td>
                <Timestamp iso={item.dueAt} />
              </td>
              <td>{item.queue?.name ?? <span className="muted">{t('sla.atRisk.noQueue')}</span>}</td>
              <td>{item.assignee?.name ?? <span className="muted">{t('sla.atRisk.unassigned')}</span>}</td>
              <td>{t(`ticketPriority.${item.priority}`)}</td>
              <td>
                <ChannelBadge channel={item.channel} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
