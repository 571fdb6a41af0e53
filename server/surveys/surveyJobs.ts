import type { AppContext } from '../context';

export type SendSurveyData = { surveyId: string };

/**
 * Asks a worker to send a survey when it is due. The job id names the survey and its send time, so adding it again
 * (the reconciler, a retried commit) changes nothing, while a survey moved to another time gets a job of its own.
 */
export function enqueueSurveySend(ctx: Pick<AppContext, 'queues'>, survey: { id: string; sendAt: Date }) {
  return ctx.queues.timers.add('send-survey', { surveyId: survey.id } satisfies SendSurveyData, {
    jobId: `survey-${survey.id}-${survey.sendAt.getTime()}`,
    delay: Math.max(0, survey.sendAt.getTime() - Date.now()),
  });
}

/** After a commit that scheduled surveys on a ticket: their jobs. */
export async function enqueueTicketSurveys(ctx: Pick<AppContext, 'queues' | 'sql'>, ticketId: string) {
  const scheduled = await ctx.sql<{ id: string; sendAt: Date }[]>`
    select id, send_at from surveys where ticket_id = ${ticketId} and status = 'scheduled'`;
  for (const survey of scheduled) await enqueueSurveySend(ctx, survey);
}
