import { snippetParts } from './snippetParts';

/** A search snippet with the matched words highlighted. */
export function ArticleSnippet({ html }: { html: string }) {
  return (
    <span className="knowledge-snippet" data-testid="article-snippet">
      {snippetParts(html).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text))}
    </span>
  );
}
