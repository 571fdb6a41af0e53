import type { SessionUser } from '../auth/sessions';
import { requireVisibleTicket } from '../auth/ticketAccess';
import type { Sql } from '../db/client';
import type { Locale } from '../http/apiTypes';
import { notFound } from '../http/httpError';
import type { RenderedTemplate } from '../http/templateApiTypes';
import { findUsableTemplate } from './templateQueries';
import { fillVariables, placeholdersIn, type TemplateValues } from './templateText';

type Viewer = Pick<SessionUser, 'userId' | 'role'>;

/** What the variables stand for on this ticket, for this agent. */
async function templateValues(
  sql: Sql,
  viewerId: string,
  ticketId: string,
): Promise<TemplateValues & { agentLocale: Locale }> {
  const [row] = await sql<
    {
      customerName: string | null;
      email: string | null;
      phone: string | null;
      number: string;
      subject: string;
      agentName: string;
      agentLocale: Locale;
    }[]
  >`
    select c.name as customer_name, t.number, t.subject, u.name as agent_name, u.locale as agent_locale,
      (select i.value from customer_identities i where i.customer_id = c.id and i.kind = 'email' order by i.created_at limit 1) as email,
      (select i.value from customer_identities i where i.customer_id = c.id and i.kind = 'phone' order by i.created_at limit 1) as phone
    from tickets t join customers c on c.id = t.customer_id, users u
    where t.id = ${ticketId} and u.id = ${viewerId}`;
  return {
    'customer.name': row.customerName,
    'customer.email': row.email,
    'customer.phone': row.phone,
    'ticket.number': row.number,
    'ticket.subject': row.subject,
    'agent.name': row.agentName,
    agentLocale: row.agentLocale,
  };
}

/**
 * A template as reply text for a ticket: the variant in the language asked for, else the agent's, else English,
 * else any; its variables filled in; its placeholders listed for the agent to fill. 404 for a template or ticket
 * the viewer may not use or open.
 */
export async function renderTemplate(
  sql: Sql,
  viewer: Viewer,
  templateId: string,
  ticketId: string,
  locale?: Locale,
): Promise<RenderedTemplate> {
  const template = await findUsableTemplate(sql, viewer, templateId);
  if (!template) throw notFound('Template');
  await requireVisibleTicket(sql, viewer, ticketId);
  const values = await templateValues(sql, viewer.userId, ticketId);
  const preference = [locale, values.agentLocale, 'en'];
  const variant =
    preference.map((l) => template.variants.find((v) => v.locale === l)).find(Boolean) ?? template.variants[0];
  const { text, emptyVariables } = fillVariables(variant.body, values);
  return { text, locale: variant.locale, placeholders: placeholdersIn(text), emptyVariables };
}
