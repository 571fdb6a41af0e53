/** A run of a search snippet: matched words are marked. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };

const decode = (html: string) => html.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name]);

/**
 * The server's snippet (escaped text with <mark> around matched words) as text runs React renders itself: only the
 * marks become elements, so even a snippet that were not escaped could never put markup into the console.
 */
export function snippetParts(snippetHtml: string): SnippetPart[] {
  return snippetHtml
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter(Boolean)
    .map((piece) => {
      const marked = piece.startsWith('<mark>') && piece.endsWith('</mark>');
      return { text: decode(marked ? piece.slice(6, -7) : piece), marked };
    });
}
