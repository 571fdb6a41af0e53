import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../server/http/apiTypes';
import { errorsByPath } from '../admin/fieldErrors';
import { SaveStatus } from '../admin/SaveStatus';
import { newReturnVisitDraft, scheduleInputOf, type ReturnVisitDraft } from './returnVisitDraft';
import { ReturnVisitFields } from './ReturnVisitFields';
import { ScheduleResult } from './ScheduleResult';
import { useScheduleReturnVisits } from './surveyQueries';

/** Supervisors, on a resolved ticket: a return visit (回访) to its customer, as a callback or an SMS or email survey. */
export function ScheduleReturnVisit({ ticket }: { ticket: TicketSummary }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ReturnVisitDraft>(newReturnVisitDraft);
  const schedule = useScheduleReturnVisits();
  if (ticket.status !== 'resolved' && ticket.status !== 'closed') {
    return <p className="muted small">{t('surveys.returnVisits.schedule.onlyResolved')}</p>;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    schedule.mutate(scheduleInputOf(draft, { ticketIds: [ticket.id] }));
  };
  return (
    <form className="form survey-return-visit" data-testid="schedule-return-visit" onSubmit={submit} noValidate>
      <h3>{t('surveys.returnVisits.schedule.singleHeading')}</h3>
      <ReturnVisitFields
        draft={draft}
        onChange={(change) => setDraft((current) => ({ ...current, ...change }))}
        errors={errorsByPath(schedule.error)}
      />
      <div className="button-row">
        <button type="submit" className="button" data-testid="return-visit-submit" disabled={schedule.isPending}>
          {schedule.isPending
            ? t('surveys.returnVisits.schedule.scheduling')
            : t('surveys.returnVisits.schedule.submitOne')}
        </button>
      </div>
      <SaveStatus error={schedule.error} saved={false} />
      {schedule.data && <ScheduleResult result={schedule.data} />}
    </form>
  );
}
