import { TwimlError, type TwimlContext, type TwimlNode } from './twimlNode';

const VERBS: Record<TwimlContext, string[]> = {
  call: ['Say', 'Play', 'Pause', 'Gather', 'Redirect', 'Hangup', 'Reject', 'Enqueue', 'Dial', 'Record'],
  'queue-wait': ['Say', 'Play', 'Pause', 'Gather', 'Redirect', 'Hangup', 'Leave'],
  music: ['Say', 'Play', 'Pause', 'Redirect'],
};

const SSML = [
  'break',
  'emphasis',
  'lang',
  'p',
  'phoneme',
  'prosody',
  's',
  'say-as',
  'sub',
  'w',
  'amazon:effect',
  'amazon:domain',
];

/** Real TwiML that this simulator does not emulate: such a document fails loudly instead of half-working. */
const NOT_EMULATED = [
  'Connect',
  'Stream',
  'Start',
  'Stop',
  'Pay',
  'Prompt',
  'Refer',
  'Sms',
  'Message',
  'Echo',
  'Sip',
  'Application',
  'Siprec',
  'Transcription',
  'VirtualAgent',
];

const CHILDREN: Record<string, string[]> = {
  Say: SSML,
  Gather: ['Say', 'Play', 'Pause'],
  Dial: ['Number', 'Client', 'Conference', 'Queue'],
  Client: ['Identity', 'Parameter'],
  Enqueue: ['Task'],
  ...Object.fromEntries(SSML.map((tag) => [tag, SSML])),
};

const TAKES_TEXT = new Set([
  'Say',
  'Play',
  'Redirect',
  'Enqueue',
  'Dial',
  'Number',
  'Client',
  'Identity',
  'Conference',
  'Queue',
  'Task',
  ...SSML,
]);

/** Checks the verbs of a `<Response>` against Twilio's nesting rules for the context they run in. */
export function validateVerbs(verbs: TwimlNode[], context: TwimlContext) {
  for (const verb of verbs) {
    if (!VERBS[context].includes(verb.name)) {
      if (NOT_EMULATED.includes(verb.name))
        throw new TwimlError(`<${verb.name}> is real TwiML but the simulator does not emulate it`);
      if (VERBS.call.includes(verb.name) || verb.name === 'Leave')
        throw new TwimlError(`<${verb.name}> is not allowed ${contextName(context)}`);
      throw new TwimlError(`<${verb.name}> is not a TwiML verb`);
    }
    validateNode(verb);
  }
}

function validateNode(node: TwimlNode) {
  const allowed = CHILDREN[node.name] ?? [];
  for (const child of node.children) {
    if (!allowed.includes(child.name)) {
      if (NOT_EMULATED.includes(child.name))
        throw new TwimlError(
          `<${child.name}> inside <${node.name}> is real TwiML but the simulator does not emulate it`,
        );
      throw new TwimlError(`<${child.name}> cannot be nested in <${node.name}>`);
    }
    validateNode(child);
  }
  if (node.text && !TAKES_TEXT.has(node.name)) throw new TwimlError(`<${node.name}> takes no text, got "${node.text}"`);
  if (
    ['Play', 'Redirect', 'Number', 'Conference', 'Queue', 'Identity'].includes(node.name) &&
    !node.text &&
    !(node.name === 'Play' && node.attrs.digits)
  )
    throw new TwimlError(`<${node.name}> needs text`);
  if (node.name === 'Enqueue' && !node.text && !node.attrs.workflowSid)
    throw new TwimlError('<Enqueue> needs a queue name');
  if (node.name === 'Client' && !node.text && !node.children.some((c) => c.name === 'Identity'))
    throw new TwimlError('<Client> needs an identity');
  if (node.name === 'Dial') validateDial(node);
}

function validateDial(dial: TwimlNode) {
  if (dial.text && dial.children.length) throw new TwimlError('<Dial> cannot mix a bare number with nouns');
  if (!dial.text && !dial.children.length) throw new TwimlError('<Dial> needs a number or a noun');
  const exclusive = dial.children.filter((c) => c.name === 'Conference' || c.name === 'Queue');
  if (exclusive.length && dial.children.length > 1)
    throw new TwimlError(`<${exclusive[0].name}> must be the only noun in <Dial>`);
}

function contextName(context: TwimlContext) {
  return context === 'call'
    ? 'in a call document'
    : context === 'queue-wait'
      ? 'in an <Enqueue> waitUrl document'
      : 'in a wait, hold or whisper document';
}
