import MarkdownIt from 'markdown-it';

// Raw HTML in an article is shown as text (html: false), so an article can never put script or markup of its own into
// the help center; markdown-it also refuses javascript: and data: (except images) links.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** The article's Markdown as the help center and the console preview show it. */
export const renderMarkdown = (body: string) => markdown.render(body);

/** The words a reader sees, without Markdown syntax: for snippets, meta descriptions and answers inserted as text. */
export function markdownPlainText(body: string): string {
  const parts: string[] = [];
  for (const block of markdown.parse(body, {})) {
    if (block.type === 'inline') {
      parts.push(
        (block.children ?? [])
          .map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : t.type.endsWith('break') ? ' ' : ''))
          .join(''),
      );
    } else if (block.type === 'fence' || block.type === 'code_block') parts.push(block.content.trim());
  }
  return parts.filter(Boolean).join('\n');
}
