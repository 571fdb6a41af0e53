import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../server/http/apiTypes';
import type { SurveyView } from '../../../server/http/surveyApiTypes';
import { useCurrentUser } from '../app/session';
import { canSupervise } from '../router/access';
import { ScheduleReturnVisit } from './ScheduleReturnVisit';
import { SurveyList } from './SurveyList';

interface Props {
  ticket: TicketSummary;
  /** Absent from a server older than the surveys: then there are none to show. */
  surveys: SurveyView[] | undefined;
}

/**
 * On the ticket page: its surveys with score and comment; supervisors schedule a return visit (回访) from here once
 * it is resolved. Left out while there is neither (an open ticket has no survey yet: no empty panel on every ticket).
 */
export function TicketSurveyPanel({ ticket, surveys = [] }: Props) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const resolved = ticket.status === 'resolved' || ticket.status === 'closed';
  const mayRevisit = canSupervise(user.role) && resolved;
  if (surveys.length === 0 && !mayRevisit) return null;
  return (
    <section className="panel" data-testid="ticket-surveys" aria-labelledby="ticket-surveys-heading">
      <h2 id="ticket-surveys-heading">{t('surveys.ticketPanel.heading')}</h2>
      <SurveyList surveys={surveys} empty={t('surveys.ticketPanel.none')} />
      {canSupervise(user.role) && <ScheduleReturnVisit ticket={ticket} />}
    </section>
  );
}
