import type { HttpMethod } from '../types';

/** What a call runs next: a document fetched from a URL, inline TwiML, or (a Dial's child leg) staying in its bridge. */
export type Instruction =
  | { kind: 'fetch'; url: string; method: HttpMethod; params?: Record<string, string> }
  | { kind: 'twiml'; xml: string }
  | { kind: 'bridged-leg' };

export type InterruptReason = { kind: 'hangup' } | { kind: 'redirect'; to: Instruction };

/** The abort reason of a call's current activity: it hung up, or the REST API sent it elsewhere. */
export class Interruption extends Error {
  constructor(readonly reason: InterruptReason) {
    super(`call ${reason.kind === 'hangup' ? 'hung up' : 'redirected'}`);
    this.name = 'Interruption';
  }
}

/** A verb URL resolved as Twilio does: relative to the document that contained it. */
export function resolveUrl(url: string, documentUrl: string | null): string {
  try {
    return new URL(url, documentUrl ?? undefined).toString();
  } catch {
    throw new Error(`"${url}" is not an absolute URL and the document has none to resolve it against`);
  }
}
