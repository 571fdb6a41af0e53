import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SlaBreachRow } from '../../../server/http/slaApiTypes';
import { ChannelBadge } from '../channels/ChannelBadge';
import { Timestamp } from '../format/Timestamp';

/** Every breached clock of the period, newest first. */
export function SlaBreachTable({ breaches }: { breaches: SlaBreachRow[] }) {
  const { t } = useTranslation();
  const none = <span className="muted">{t('sla.report.none')}</span>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="sla-breach-table">
        <thead>
          <tr>
            <th scope="col">{t('sla.report.ticket')}</th>
            <th scope="col">{t('sla.report.subject')}</th>
            <th scope="col">{t('sla.report.target')}</th>
            <th scope="col" className="numeric">
              {t('sla.report.cycle')}
            </th>
            <th scope="col">{t('sla.report.channel')}</th>
            <th scope="col">{t('sla.report.queue')}</th>
            <th scope="col">{t('sla.report.assignee')}</th>
            <th scope="col">{t('sla.report.policy')}</th>
            <th scope="col">{t('sla.report.due')}</th>
            <th scope="col">{t('sla.report.stopped')}</th>
          </tr>
        </thead>
        <tbody>
          {breaches.map((row) => (
            <tr
              key={`${row.ticketId}:${row.target}:${row.cycle}`}
              data-testid="sla-breach-row"
              data-ticket-id={row.ticketId}
            >
              <td className="numeric">#{row.number}</td>
              <td>
                <Link to="/tickets/$ticketId" params={{ ticketId: row.ticketId }}>
                  {row.subject}
                </Link>
              </td>
              <td>{t(`sla.target.${row.target}`)}</td>
              <td className="numeric">{row.cycle}</td>
              <td>
                <ChannelBadge channel={row.channel} />
              </td>
              <td>{row.queueName ?? none}</td>
              <td>{row.assigneeName ?? none}</td>
              <td>{row.policyName ?? none}</td>
              <td>
                <Timestamp iso={row.dueAt} />
              </td>
              <td>{row.stoppedAt ? <Timestamp iso={row.stoppedAt} /> : t('sla.report.stillRunning')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
