import type { Role } from '../../../server/http/apiTypes';
import type { TemplateScope, TemplateView } from '../../../server/http/templateApiTypes';
import type { NewTemplate, TemplateFields } from './templateEndpoints';

/** A template as its form holds it: keywords as typed, one text box per language (empty: no variant). */
export interface TemplateDraft {
  name: string;
  shortcut: string;
  keywords: string;
  scope: TemplateScope;
  teamId: string;
  bodyEn: string;
  bodyZh: string;
}

export const emptyDraft = (): TemplateDraft => ({
  name: '',
  shortcut: '',
  keywords: '',
  scope: 'personal',
  teamId: '',
  bodyEn: '',
  bodyZh: '',
});

export function draftOf(template: TemplateView): TemplateDraft {
  const body = (locale: string) => template.variants.find((v) => v.locale === locale)?.body ?? '';
  return {
    name: template.name,
    shortcut: template.shortcut ?? '',
    keywords: template.keywords.join(', '),
    scope: template.scope,
    teamId: template.teamId ?? '',
    bodyEn: body('en'),
    bodyZh: body('zh-CN'),
  };
}

/** The fields to send: keywords split on commas (Chinese ones too), empty languages left out. */
export function fieldsOf(draft: TemplateDraft): TemplateFields {
  return {
    name: draft.name,
    shortcut: draft.shortcut.trim() || null,
    keywords: draft.keywords
      .split(/[,，、]/)
      .map((k) => k.trim())
      .filter(Boolean),
    variants: [
      ...(draft.bodyEn.trim() ? [{ locale: 'en' as const, body: draft.bodyEn }] : []),
      ...(draft.bodyZh.trim() ? [{ locale: 'zh-CN' as const, body: draft.bodyZh }] : []),
    ],
  };
}

export const newTemplateOf = (draft: TemplateDraft): NewTemplate => ({
  ...fieldsOf(draft),
  scope: draft.scope,
  teamId: draft.scope === 'team' ? draft.teamId || null : null,
});

/** Personal for everyone; team templates for supervisors and admins; global ones for admins. */
export function scopesFor(role: Role): TemplateScope[] {
  if (role === 'admin') return ['personal', 'team', 'global'];
  if (role === 'supervisor') return ['personal', 'team'];
  return ['personal'];
}
