import type { TwimlNode } from '../../twiml/twimlNode';
import type { VerbOutcome, VerbScope } from '../verbScope';
import { dialConference } from './dialConference';
import { dialEndpoints } from './dialEndpoints';
import { dialOptions } from './dialOptions';
import { dialQueue } from './dialQueue';

/** `<Dial>`: to a conference, to a queue's first caller, or to numbers and clients. */
export async function dial(scope: VerbScope, verb: TwimlNode): Promise<VerbOutcome> {
  const options = dialOptions(verb, scope.documentUrl);
  const noun = verb.children[0];
  if (noun?.name === 'Conference') return dialConference(scope, options, noun);
  if (noun?.name === 'Queue') return dialQueue(scope, options, noun);
  return dialEndpoints(scope, verb, options);
}
