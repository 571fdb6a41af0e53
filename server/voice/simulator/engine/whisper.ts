import type { SimContext } from '../context';
import type { SimCall } from '../calls/simCall';
import type { HttpMethod } from '../types';
import { ApplicationError } from './applicationError';
import { executeVerbs } from './executeVerbs';
import type { Instruction } from './instruction';
import { loadDocument } from './loadDocument';

// A whisper document's Redirects are followed this many times at most.
const MAX_REDIRECTS = 5;

/**
 * Plays a document once to one leg before it is connected (`<Queue url>`, `<Number url>`, `<Client url>`):
 * Say, Play, Pause and Redirect. A failing document is noted and skipped; the connection goes ahead.
 */
export async function playWhisper(
  ctx: SimContext,
  call: SimCall,
  url: string,
  method: HttpMethod,
  extraParams: () => Record<string, string>,
  signal: AbortSignal,
) {
  let next: Instruction = { kind: 'fetch', url, method };
  try {
    for (let hops = 0; hops <= MAX_REDIRECTS; hops++) {
      const doc = await loadDocument(
        ctx,
        call,
        next as Extract<Instruction, { kind: 'fetch' }>,
        'music',
        signal,
        extraParams(),
      );
      const outcome = await executeVerbs(
        { ctx, call, signal, documentUrl: doc.url, context: 'music', extraParams },
        doc.verbs,
      );
      if (outcome.kind !== 'next') return;
      next = outcome.to;
    }
  } catch (error) {
    if (!(error instanceof ApplicationError)) throw error;
    call.note('error', { text: error.message, details: { code: error.code, url: error.url } });
  }
}
