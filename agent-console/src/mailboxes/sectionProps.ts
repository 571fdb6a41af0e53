import type { FieldErrors } from '../campaigns/fieldErrors';
import type { MailboxFormValues } from './mailboxFormValues';

/** What every section of the mailbox form gets: the values, a way to change some, and the errors by request field. */
export interface SectionProps {
  values: MailboxFormValues;
  update: (change: Partial<MailboxFormValues>) => void;
  errors: FieldErrors;
  editing: boolean;
}
