import { answerCall } from '../calls/callLifecycle';
import { TwimlError, type TwimlNode } from '../twiml/twimlNode';
import { ApplicationError } from './applicationError';
import { dial } from './verbs/dial';
import { enqueue } from './verbs/enqueue';
import { hangup, leave, redirect, reject } from './verbs/flow';
import { gather } from './verbs/gather';
import { pause, play, say } from './verbs/media';
import { record } from './verbs/record';
import { CONTINUE, type VerbHandler, type VerbOutcome, type VerbScope } from './verbScope';

function handlerFor(name: string): VerbHandler {
  switch (name) {
    case 'Say':
      return say;
    case 'Play':
      return play;
    case 'Pause':
      return pause;
    case 'Gather':
      return gather;
    case 'Record':
      return record;
    case 'Redirect':
      return redirect;
    case 'Hangup':
      return hangup;
    case 'Leave':
      return leave;
    case 'Reject':
      return reject;
    case 'Enqueue':
      return enqueue;
    case 'Dial':
      return dial;
    default:
      throw new TwimlError(`<${name}> is not a TwiML verb`);
  }
}

/**
 * Runs a document's verbs in order until one moves the call elsewhere. In a call's own document every verb but
 * `<Reject>` (and a `<Dial answerOnBridge>`) answers a ringing inbound call first, as Twilio picks up then.
 */
export async function executeVerbs(scope: VerbScope, verbs: TwimlNode[]): Promise<VerbOutcome> {
  for (const verb of verbs) {
    if (!scope.call.isLive) return { kind: 'ended' };
    if (
      scope.context === 'call' &&
      verb.name !== 'Reject' &&
      !(verb.name === 'Dial' && verb.attrs.answerOnBridge === 'true')
    )
      answerCall(scope.ctx, scope.call);
    let outcome: VerbOutcome;
    try {
      outcome = await handlerFor(verb.name)(scope, verb);
    } catch (error) {
      if (error instanceof TwimlError)
        throw new ApplicationError(`<${verb.name}>: ${error.message}`, error.code, scope.documentUrl);
      if (error instanceof Error && error.message.includes('is not an absolute URL'))
        throw new ApplicationError(`<${verb.name}>: ${error.message}`, 11100, scope.documentUrl);
      throw error;
    }
    if (outcome.kind !== 'continue') return outcome;
  }
  return CONTINUE;
}
