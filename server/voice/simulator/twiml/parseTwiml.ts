import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { TwimlError, type TwimlContext, type TwimlNode } from './twimlNode';
import { validateVerbs } from './twimlSchema';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Parses a TwiML document into the verbs of its `<Response>`, refusing what Twilio would refuse in `context`. */
export function parseTwiml(xml: string, context: TwimlContext): TwimlNode[] {
  if (!xml.trim()) throw new TwimlError('the document is empty');
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new TwimlError(`the document is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const roots = (parser.parse(xml) as Ordered[]).map(toNode).filter((n): n is TwimlNode => n !== null);
  if (roots.length !== 1 || roots[0].name !== 'Response')
    throw new TwimlError(
      `the root element must be <Response>, got ${roots.map((r) => `<${r.name}>`).join(', ') || 'none'}`,
    );
  if (roots[0].text) throw new TwimlError(`<Response> takes no text, got "${roots[0].text}"`);
  validateVerbs(roots[0].children, context);
  return roots[0].children;
}

function toNode(entry: Ordered): TwimlNode | null {
  const name = Object.keys(entry).find((k) => k !== ':@');
  if (!name || name === '#text') return null;
  const items = (entry[name] as Ordered[]) ?? [];
  const children: TwimlNode[] = [];
  const text: string[] = [];
  const inner: string[] = [];
  for (const item of items) {
    if ('#text' in item) {
      text.push(String(item['#text']));
      inner.push(String(item['#text']));
    } else {
      const child = toNode(item);
      if (child) {
        children.push(child);
        inner.push(` ${child.innerText} `);
      }
    }
  }
  return {
    name,
    attrs: { ...(entry[':@'] ?? {}) },
    children,
    text: text.join('').trim(),
    innerText: inner.join('').replace(/\s+/g, ' ').trim(),
  };
}
