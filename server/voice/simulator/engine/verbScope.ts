import type { SimContext } from '../context';
import type { SimCall } from '../calls/simCall';
import type { TwimlContext, TwimlNode } from '../twiml/twimlNode';
import type { Instruction } from './instruction';

/** Where a verb runs: its call, the signal that interrupts it, and the document it came from. */
export interface VerbScope {
  ctx: SimContext;
  call: SimCall;
  signal: AbortSignal;
  documentUrl: string | null;
  context: TwimlContext;
  /** Extra parameters for requests made from this document (queue details in a waitUrl document). */
  extraParams?: () => Record<string, string>;
}

/**
 * What a verb leaves the call to do: go on with the next verb, run another document (`answersInput` when it
 * answers the party's keys or speech), hang up, leave the queue (wait documents), or nothing more (the verb
 * ended the call itself).
 */
export type VerbOutcome =
  | { kind: 'continue' }
  | { kind: 'next'; to: Instruction; answersInput?: boolean }
  | { kind: 'hangup' }
  | { kind: 'leave' }
  | { kind: 'ended' };

export type VerbHandler = (scope: VerbScope, verb: TwimlNode) => Promise<VerbOutcome>;

export const CONTINUE: VerbOutcome = { kind: 'continue' };
