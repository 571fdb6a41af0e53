/** Tags typed as "vip, Billing ,  vip": trimmed, lower-case (as the server stores them), no empties or repeats. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[,，]/)
    .map((tag) => tag.trim().replace(/\s+/g, ' ').toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

/** The text a tag list is edited as. */
export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
