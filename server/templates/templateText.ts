// What a template's body may hold, and how it becomes reply text:
// - variables, filled in when rendered: `{{customer.name|there}}` — the value, else what follows `|`, else nothing;
// - placeholders the agent must replace before sending: `[[order number]]`. A reply still holding one is refused.

export const TEMPLATE_VARIABLES = [
  'customer.name',
  'customer.email',
  'customer.phone',
  'ticket.number',
  'ticket.subject',
  'agent.name',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Record<TemplateVariable, string | null>;

const VARIABLE = /\{\{\s*([A-Za-z][\w.]*)\s*(?:\|([^{}]*))?\}\}/g;
const PLACEHOLDER = /\[\[([^[\]\n]{1,100})\]\]/g;

const isKnown = (name: string): name is TemplateVariable => (TEMPLATE_VARIABLES as readonly string[]).includes(name);

/** The variables a body names that do not exist, each once: a template naming one is refused when saved. */
export function unknownVariables(body: string): string[] {
  return [...new Set([...body.matchAll(VARIABLE)].map((m) => m[1]).filter((name) => !isKnown(name)))];
}

/** The body with every variable filled in, and the variables that had neither a value nor a fallback. */
export function fillVariables(body: string, values: TemplateValues): { text: string; emptyVariables: string[] } {
  const empty = new Set<string>();
  const text = body.replace(VARIABLE, (whole, name: string, fallback: string | undefined) => {
    if (!isKnown(name)) return whole;
    const value = values[name]?.trim();
    if (value) return value;
    if (fallback === undefined) empty.add(name);
    return fallback?.trim() ?? '';
  });
  return { text, emptyVariables: [...empty] };
}

/** The `[[…]]` placeholders in a text, each once, in order. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1].trim()))];
}

/** A body without its variables, for the words a template is about. */
export const withoutVariables = (body: string) => body.replace(VARIABLE, ' ');
