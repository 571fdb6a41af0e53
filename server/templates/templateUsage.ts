import type { SessionUser } from '../auth/sessions';
import type { TransactionSql } from '../db/client';
import { HttpError } from '../http/httpError';
import { placeholdersIn } from './templateText';
import { usableTemplatesCondition } from './templateAccess';

type Viewer = Pick<SessionUser, 'userId' | 'role'>;

/** A reply must not reach the customer with `[[order number]]` in it: the agent fills every placeholder first. */
export function refuseUnfilledPlaceholders(text: string) {
  const left = placeholdersIn(text);
  if (!left.length) return;
  const message = `still holds placeholders to fill: ${left.map((p) => `[[${p}]]`).join(', ')}`;
  throw new HttpError(400, 'invalid_input', `Invalid body: text: ${message}`, [{ path: 'text', message }]);
}

/**
 * Counts a reply written from a template, in the reply's transaction: its use count and last use. A template the
 * agent may not use is refused as if it did not exist (400 naming templateId), and the reply is not stored.
 */
export async function countTemplateUse(tx: TransactionSql, viewer: Viewer, templateId: string) {
  const [used] = await tx`
    update reply_templates rt set usage_count = usage_count + 1, last_used_at = now()
    where rt.id = ${templateId} and ${usableTemplatesCondition(tx, viewer)} returning rt.id`;
  if (!used)
    throw new HttpError(400, 'invalid_input', 'No such template.', [
      { path: 'templateId', message: 'no such template' },
    ]);
}
