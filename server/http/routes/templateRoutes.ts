import { z } from 'zod';
import { renderTemplate } from '../../templates/renderTemplate';
import {
  createTemplate,
  deleteTemplate,
  templateInput,
  templateUpdate,
  updateTemplate,
} from '../../templates/templateCommands';
import { findUsableTemplate, listTemplates } from '../../templates/templateQueries';
import { suggestTemplates } from '../../templates/templateSuggestions';
import { LOCALES } from '../apiTypes';
import { notFound } from '../httpError';
import { TEMPLATE_SCOPES, type RenderedTemplate, type TemplateSuggestionsResponse } from '../templateApiTypes';
import { ANY_ROLE, route } from '../route';
import { idParams } from '../validate';

// Personal templates are their owner's; a team's are kept by its supervisors (and admins); global ones by admins.
// One the caller may not use answers 404; one they use but may not keep, 403.
export const templateRoutes = [
  route({
    method: 'get',
    path: '/api/templates',
    access: ANY_ROLE,
    summary:
      'The reply templates you may use, searched by q (a shortcut, with or without its leading /, or part of a name): exact shortcut first, then your own, your teams’, global; most used first.',
    query: z.object({
      q: z.string().trim().max(100, 'must be at most 100 characters').optional(),
      scope: z.enum(TEMPLATE_SCOPES).optional(),
      limit: z.coerce
        .number('must be a number')
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(200, 'must be at most 200')
        .default(50),
    }),
    async handler({ ctx, query, session }) {
      return { templates: await listTemplates(ctx.sql, session, query) };
    },
  }),
  route({
    method: 'post',
    path: '/api/templates',
    access: ANY_ROLE,
    summary:
      'Add a reply template: scope personal (anyone), team (with teamId: that team’s supervisors, admins) or global (admins); name, shortcut, keywords, and one body per locale (en, zh-CN) with variables {{customer.name|fallback}}, {{customer.email}}, {{customer.phone}}, {{ticket.number}}, {{ticket.subject}}, {{agent.name}} and placeholders [[to fill]].',
    body: templateInput,
    async handler({ ctx, body, res, session }) {
      res.status(201);
      return { template: await createTemplate(ctx.sql, session, body) };
    },
  }),
  route({
    method: 'get',
    path: '/api/templates/:id',
    access: ANY_ROLE,
    summary: 'One reply template you may use.',
    params: idParams,
    async handler({ ctx, params: { id }, session }) {
      const template = await findUsableTemplate(ctx.sql, session, id);
      if (!template) throw notFound('Template');
      return { template };
    },
  }),
  route({
    method: 'patch',
    path: '/api/templates/:id',
    access: ANY_ROLE,
    summary:
      'Change a template you keep: name, shortcut, keywords, or its variants (the ones given replace all). Scope and team stay.',
    params: idParams,
    body: templateUpdate,
    async handler({ ctx, params: { id }, body, session }) {
      return { template: await updateTemplate(ctx.sql, session, id, body) };
    },
  }),
  route({
    method: 'delete',
    path: '/api/templates/:id',
    access: ANY_ROLE,
    summary: 'Delete a template you keep.',
    params: idParams,
    async handler({ ctx, params: { id }, session }) {
      await deleteTemplate(ctx.sql, session, id);
    },
  }),
  route({
    method: 'post',
    path: '/api/templates/:id/render',
    access: ANY_ROLE,
    summary:
      'A template as reply text for a ticket you may open: {text, locale, placeholders, emptyVariables}. The variant in locale, else your language, else English; variables filled; the [[placeholders]] left in text are listed.',
    params: idParams,
    body: z.object({ ticketId: z.uuid('must be a UUID'), locale: z.enum(LOCALES).optional() }),
    async handler({ ctx, params: { id }, body, session }): Promise<RenderedTemplate> {
      return renderTemplate(ctx.sql, session, id, body.ticketId, body.locale);
    },
  }),
  route({
    method: 'get',
    path: '/api/tickets/:id/template-suggestions',
    access: ANY_ROLE,
    summary:
      'Templates for answering the customer’s last message on a ticket you may open, best first: its words (Chinese segmented) against each template’s keywords and body.',
    params: idParams,
    async handler({ ctx, params: { id }, session }): Promise<TemplateSuggestionsResponse> {
      return suggestTemplates(ctx.sql, session, id);
    },
  }),
];
