import type { SimContext } from '../context';
import type { SimCall } from '../calls/simCall';
import { SimulatorStopped } from '../simClock';
import { parseTwiml } from '../twiml/parseTwiml';
import { TwimlError, type TwimlContext, type TwimlNode } from '../twiml/twimlNode';
import { callParams } from '../webhooks/callParams';
import { sendSignedWebhook } from '../webhooks/signedWebhook';
import { ApplicationError } from './applicationError';
import { Interruption, type Instruction } from './instruction';

export interface LoadedDocument {
  verbs: TwimlNode[];
  /** The URL the document came from (what its relative URLs resolve against); null for inline TwiML. */
  url: string | null;
}

const TWIML_CONTENT_TYPES = ['text/xml', 'application/xml', 'text/html'];

/**
 * Gets the next TwiML document for the call: inline, or requested from the app with the standard voice
 * parameters (plus the instruction's and `extraParams`). Anything Twilio could not run is an ApplicationError.
 */
export async function loadDocument(
  ctx: SimContext,
  call: SimCall,
  instruction: Extract<Instruction, { kind: 'fetch' | 'twiml' }>,
  context: TwimlContext,
  signal: AbortSignal,
  extraParams: Record<string, string> = {},
): Promise<LoadedDocument> {
  if (instruction.kind === 'twiml') return { verbs: parse(instruction.xml, context, null), url: null };
  const { url, method } = instruction;
  const params = { ...callParams(ctx.accountSid, call), ...extraParams, ...instruction.params };
  let response;
  try {
    // The request is not aborted with the call: like Twilio, the simulator lets it finish and ignores the answer.
    response = await ctx.clock.abortable(sendSignedWebhook(ctx.webhook, url, method, params), signal);
  } catch (error) {
    if (error instanceof Interruption || error instanceof SimulatorStopped) throw error;
    throw new ApplicationError(`HTTP retrieval failure: ${method} ${url}: ${(error as Error).message}`, 11200, url);
  }
  if (response.status < 200 || response.status > 299)
    throw new ApplicationError(`HTTP retrieval failure: ${method} ${url} answered ${response.status}`, 11200, url);
  const contentType = response.contentType.split(';')[0].trim().toLowerCase();
  if (!TWIML_CONTENT_TYPES.includes(contentType))
    throw new ApplicationError(`Invalid Content-Type "${response.contentType}" from ${url}`, 12300, url);
  return { verbs: parse(response.body, context, url), url };
}

function parse(xml: string, context: TwimlContext, url: string | null) {
  try {
    return parseTwiml(xml, context);
  } catch (error) {
    if (error instanceof TwimlError)
      throw new ApplicationError(`Document parse failure${url ? ` (${url})` : ''}: ${error.message}`, error.code, url);
    throw error;
  }
}
