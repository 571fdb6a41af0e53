import { useTranslation } from 'react-i18next';
import type { ReturnVisitView } from '../../../server/http/surveyApiTypes';
import { errorMessage } from '../api/errorMessage';
import { Timestamp } from '../format/Timestamp';
import { useCancelReturnVisit } from './surveyQueries';
import { CustomerLink, TicketLink } from './SurveyRowLinks';

/** What an open return visit became, or why it failed. */
function ReturnVisitResult({ visit }: { visit: ReturnVisitView }) {
  const { t } = useTranslation();
  if (visit.failure) return <span className="field-error">{visit.failure}</span>;
  if (visit.followUpTicketId) return <span>{t('surveys.returnVisits.results.followUpTicket')}</span>;
  if (visit.callbackId) return <span>{t('surveys.returnVisits.results.callback')}</span>;
  if (visit.surveyId) return <span>{t('surveys.returnVisits.results.survey')}</span>;
  return <span className="muted">–</span>;
}

export function ReturnVisitRow({ visit }: { visit: ReturnVisitView }) {
  const { t } = useTranslation();
  const cancel = useCancelReturnVisit();
  return (
    <tr data-testid="return-visit-row" data-return-visit-id={visit.id} data-status={visit.status}>
      <td>
        <Timestamp iso={visit.dueAt} />
      </td>
      <td>
        <TicketLink ticketId={visit.ticketId} number={visit.ticketNumber} />
      </td>
      <td>
        <CustomerLink customer={visit.customer} />
      </td>
      <td>{t(`surveys.returnVisits.methods.${visit.method}`)}</td>
      <td>{t(`surveys.returnVisits.reasons.${visit.reason}`)}</td>
      <td data-testid="return-visit-status">{t(`surveys.returnVisits.statuses.${visit.status}`)}</td>
      <td>
        <ReturnVisitResult visit={visit} />
      </td>
      <td className="survey-comment-cell">{visit.note}</td>
      <td>
        {visit.status === 'open' && (
          <button
            type="button"
            className="button button--small"
            data-testid="return-visit-cancel"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(visit.id)}
          >
            {cancel.isPending ? t('surveys.returnVisits.canceling') : t('surveys.returnVisits.cancel')}
          </button>
        )}
        {cancel.error != null && (
          <p role="alert" className="field-error">
            {errorMessage(cancel.error, t)}
          </p>
        )}
      </td>
    </tr>
  );
}
