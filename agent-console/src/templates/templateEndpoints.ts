import type { Locale } from '../../../server/http/apiTypes';
import type {
  RenderedTemplate,
  TemplateScope,
  TemplateSuggestionsResponse,
  TemplateVariant,
  TemplateView,
} from '../../../server/http/templateApiTypes';
import { requestJson } from '../api/request';

export interface TemplateFields {
  name: string;
  shortcut: string | null;
  keywords: string[];
  variants: TemplateVariant[];
}

export interface NewTemplate extends TemplateFields {
  scope: TemplateScope;
  teamId: string | null;
}

const templatePath = (id: string) => `/api/templates/${encodeURIComponent(id)}`;

export const listTemplates = (q: string, limit = 50) =>
  requestJson<{ templates: TemplateView[] }>(`/api/templates?${new URLSearchParams({ q, limit: String(limit) })}`);

export const createTemplate = (template: NewTemplate) =>
  requestJson<{ template: TemplateView }>('/api/templates', { method: 'POST', body: template });

export const updateTemplate = (id: string, changes: TemplateFields) =>
  requestJson<{ template: TemplateView }>(templatePath(id), { method: 'PATCH', body: changes });

export const deleteTemplate = (id: string) => requestJson<void>(templatePath(id), { method: 'DELETE' });

export const renderTemplate = (id: string, ticketId: string, locale?: Locale) =>
  requestJson<RenderedTemplate>(`${templatePath(id)}/render`, { method: 'POST', body: { ticketId, locale } });

export const getTemplateSuggestions = (ticketId: string) =>
  requestJson<TemplateSuggestionsResponse>(`/api/tickets/${encodeURIComponent(ticketId)}/template-suggestions`);
