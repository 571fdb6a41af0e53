// Reply templates and signatures on the wire, shared with the console (import type only: no runtime code here).
import type { Locale } from './apiTypes';

export const TEMPLATE_SCOPES = ['personal', 'team', 'global'] as const;
/** personal: yours only; team: a team's (its supervisors keep them); global: everyone's (admins keep them). */
export type TemplateScope = (typeof TEMPLATE_SCOPES)[number];

export interface TemplateVariant {
  locale: Locale;
  /**
   * The text, with variables filled in when rendered — `{{customer.name|there}}` (the part after `|` stands in
   * when there is no value) — and placeholders the agent must replace before sending: `[[order number]]`.
   */
  body: string;
}

export interface TemplateView {
  id: string;
  scope: TemplateScope;
  /** The owner of a personal template, the team of a team template; null otherwise. */
  ownerId: string | null;
  teamId: string | null;
  name: string;
  /** Inserted by typing `/shortcut` in the composer. */
  shortcut: string | null;
  keywords: string[];
  variants: TemplateVariant[];
  usageCount: number;
  lastUsedAt: string | null;
  /** Whether you may change or delete it. */
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RenderedTemplate {
  /** The variant's body with every variable filled in; placeholders are left for the agent. */
  text: string;
  /** The variant used: the one asked for, else the agent's language, else English, else any. */
  locale: Locale;
  /** The `[[…]]` placeholders still in `text`, each once: a reply holding any is refused. */
  placeholders: string[];
  /** Variables that had neither a value nor a fallback (rendered as nothing). */
  emptyVariables: string[];
}

export interface TemplateSuggestion {
  template: TemplateView;
  /** Matched keywords count three, matched words of the body one. */
  score: number;
  /** The words of the customer's message the template matched on. */
  matchedWords: string[];
}

export interface TemplateSuggestionsResponse {
  /** The customer's last message on the ticket the suggestions are for; null when they have written none. */
  messageId: string | null;
  suggestions: TemplateSuggestion[];
}
