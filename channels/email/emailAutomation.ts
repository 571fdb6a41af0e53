// Mail that no person typed: out-of-office replies, list traffic, bounces. Intake stores it on the ticket but
// never answers it (an auto-reply to an auto-reply loops) and never pages an agent for it. The signals follow
// RFC 3834 (Auto-Submitted), the long-standing Precedence convention, RFC 2919 (List-Id) and the vendor headers
// autoresponders still send.

/** Parsed headers keyed by lowercase name, as mailparser returns them (`ParsedMail.headers`) or any plain map. */
export type MailHeaders = ReadonlyMap<string, unknown>;

export interface AutomationVerdict {
  automated: boolean;
  /** Which header (or the sender) gave it away, for the agent and the logs. */
  reason: string | null;
}

const BULK_PRECEDENCE = new Set(['bulk', 'junk', 'list']);
const SYSTEM_SENDERS = new Set(['mailer-daemon', 'postmaster']);

export function classifyAutomation(headers: MailHeaders, from: string | null | undefined): AutomationVerdict {
  const autoSubmitted = headerText(headers, 'auto-submitted');
  // "Auto-Submitted: no" is how a person's mail says it is not automated; parameters may follow a ';'.
  if (autoSubmitted && autoSubmitted.split(';')[0].trim().toLowerCase() !== 'no')
    return automated(`Auto-Submitted: ${autoSubmitted}`);

  const precedence = headerText(headers, 'precedence');
  if (precedence && BULK_PRECEDENCE.has(precedence.trim().toLowerCase()))
    return automated(`Precedence: ${precedence.trim()}`);

  // mailparser folds List-* headers into one `list` entry (List-Id under `id`); a plain map keeps `list-id`.
  const list = headers.get('list') as { id?: unknown } | undefined;
  if (headers.has('list-id') || list?.id) return automated('List-Id');

  if (headers.has('x-autoreply')) return automated('X-Autoreply');
  if (headers.has('x-autorespond')) return automated('X-Autorespond');
  // X-Auto-Response-Suppress only asks *others* not to auto-reply; Outlook puts it on ordinary mail too.

  const localPart = (from ?? '').split('@')[0].trim().toLowerCase();
  if (SYSTEM_SENDERS.has(localPart)) return automated(`From: ${from}`);

  return { automated: false, reason: null };
}

const automated = (reason: string): AutomationVerdict => ({ automated: true, reason });

function headerText(headers: MailHeaders, name: string): string | null {
  const value = headers.get(name);
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() ? first.trim() : null;
}
