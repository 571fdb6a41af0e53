import type { Channel, TicketPriority } from '../../../server/http/apiTypes';
import type { SlaPreviewInput } from '../../../server/http/slaApiTypes';
import { parseTags } from '../customers/parseTags';

/** The preview's form: a local date and time as `<input type="datetime-local">` holds it, and the ticket's facts. */
export interface PreviewForm {
  createdAt: string;
  queueId: string;
  priority: TicketPriority;
  channel: Channel;
  customerTags: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** This minute, in the browser's zone, as a datetime-local value. */
export function localMinute(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export const newPreviewForm = (now = new Date()): PreviewForm => ({
  createdAt: localMinute(now),
  queueId: '',
  priority: 'normal',
  channel: 'email',
  customerTags: '',
});

/** The request for the form, or null while the date is unfinished (the preview then waits instead of failing). */
export function previewInput(form: PreviewForm): SlaPreviewInput | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(form.createdAt)) return null;
  // A datetime-local value has no zone: the browser reads it as its own local time.
  const createdAt = new Date(form.createdAt);
  if (Number.isNaN(createdAt.getTime())) return null;
  return {
    createdAt: createdAt.toISOString(),
    queueId: form.queueId || null,
    priority: form.priority,
    channel: form.channel,
    customerTags: parseTags(form.customerTags),
  };
}

/** A due time as the calendar counts it: in its zone (the zone named), or the browser's for a 24/7 policy. */
export function formatDue(iso: string, locale: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}
