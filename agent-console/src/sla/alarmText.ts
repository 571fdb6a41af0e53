import type { TFunction } from 'i18next';
import type { SlaAlarmEvent } from '../../../server/http/slaApiTypes';

/** "Ticket #12 “Refund”: First response is overdue." */
export const alarmText = (alarm: SlaAlarmEvent, t: TFunction) =>
  t(`sla.alarm.${alarm.kind}`, {
    number: alarm.ticketNumber,
    subject: alarm.subject,
    target: t(`sla.target.${alarm.target}`),
  });
