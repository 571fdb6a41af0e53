import { errorsByPath, type PathErrors } from '../admin/fieldErrors';

/**
 * The server's complaints by field. A list is one text field here, so a complaint about one entry
 * ("smsRecipients.1", "escalation.emailRecipients.0") shows by the list's field.
 */
export function policyErrors(error: unknown): PathErrors {
  const folded: PathErrors = {};
  for (const [path, messages] of Object.entries(errorsByPath(error))) {
    const field = path.replace(/(\.\d+)+$/, '');
    const list = (folded[field] ??= []);
    for (const message of messages ?? []) if (!list.includes(message)) list.push(message);
  }
  return folded;
}
