import MarkdownIt from 'markdown-it';
import { staffFileUrl } from './staffFileUrl';

// `html: false`: an article's raw HTML shows as text, so a writer cannot put script or styles into the console.
// markdown-it's own link check already refuses javascript:, vbscript:, file: and non-image data: addresses.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: false });

const defaultLinkOpen =
  markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));

const defaultImage =
  markdown.renderer.rules.image ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));

// The article's own files (a draft's too) are read through the staff route: see staffFileUrl.
markdown.renderer.rules.image = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('src', staffFileUrl(String(tokens[idx].attrGet('src') ?? '')));
  return defaultImage(tokens, idx, options, env, self);
};

// A link in the preview opens beside the console, and the opened page gets no handle back to it.
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('href', staffFileUrl(String(tokens[idx].attrGet('href') ?? '')));
  tokens[idx].attrSet('target', '_blank');
  tokens[idx].attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** An article's Markdown as the HTML the console shows it with. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
