/** One element of a TwiML document: its name, attributes, child elements, and its own direct text (trimmed). */
export interface TwimlNode {
  name: string;
  attrs: Record<string, string>;
  children: TwimlNode[];
  text: string;
  /** All text inside, children's included, in document order, whitespace collapsed (what `<Say>` speaks). */
  innerText: string;
}

/**
 * Where a document runs, which decides the verbs it may use: a call's own document; an `<Enqueue>` waitUrl
 * document (and what its Gather action returns); music-like documents (conference wait, hold, `<Queue url>`).
 */
export type TwimlContext = 'call' | 'queue-wait' | 'music';

/** A document Twilio would refuse: the call fails with an application error. */
export class TwimlError extends Error {
  constructor(
    message: string,
    readonly code = 12100,
  ) {
    super(message);
    this.name = 'TwimlError';
  }
}

export function attr(node: TwimlNode, name: string): string | undefined {
  return node.attrs[name];
}

export function intAttr(node: TwimlNode, name: string, fallback: number): number {
  const raw = node.attrs[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new TwimlError(`<${node.name}> ${name}="${raw}" is not a number`, 12200);
  return value;
}

export function boolAttr(node: TwimlNode, name: string, fallback: boolean): boolean {
  const raw = node.attrs[name];
  if (raw === undefined) return fallback;
  return raw === 'true';
}

export function methodAttr(node: TwimlNode, name: string, fallback: 'GET' | 'POST' = 'POST'): 'GET' | 'POST' {
  const raw = node.attrs[name]?.toUpperCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'GET' && raw !== 'POST')
    throw new TwimlError(`<${node.name}> ${name}="${node.attrs[name]}" is not GET or POST`, 12200);
  return raw;
}

/** Space- or comma-separated lists such as statusCallbackEvent. */
export function listAttr(node: TwimlNode, name: string): string[] {
  return (node.attrs[name] ?? '').split(/[\s,]+/).filter(Boolean);
}
