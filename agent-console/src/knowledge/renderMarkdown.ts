import MarkdownIt from 'markdown-it';

// `html: false`: an article's raw HTML shows as text, so a writer cannot put script or styles into the console.
// markdown-it's own link check already refuses javascript:, vbscript:, file: and non-image data: addresses.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: false });

const defaultLinkOpen =
  markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));

// A link in the preview opens beside the console, and the opened page gets no handle back to it.
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('target', '_blank');
  tokens[idx].attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** An article's Markdown as the HTML the console shows it with. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
