import type { KbQuery } from '../db';

/**
 * Who reads: the public help center (published and live), agents (internal, and published once live) or the people
 * who write (every state, scheduled ones too). Articles are aliased `a` in every query that uses this.
 */
export type Audience = 'public' | 'agent' | 'editor';

export function visibleTo(sql: KbQuery, audience: Audience) {
  // A scheduled article is simply not live yet: every reader asks the time, so it appears at publish_at exactly.
  const live = sql`a.state = 'published' and (a.publish_at is null or a.publish_at <= now())`;
  if (audience === 'public') return live;
  if (audience === 'agent') return sql`(a.state = 'internal' or (${live}))`;
  return sql`true`;
}

/** The help center address of an article variant (path only; the server's PUBLIC_URL goes before it). */
export const articlePath = (locale: string, articleId: string, slug: string) =>
  `/help/${locale}/articles/${articleId}${slug ? `-${slug}` : ''}`;

/** A URL-safe slug of a title: lowercase ASCII words joined by dashes; Chinese titles keep none (the id suffices). */
export const slugOf = (title: string) =>
  title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
