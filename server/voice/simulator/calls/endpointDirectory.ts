import type { EndpointBehaviour } from '../types';

/** How each simulated endpoint answers calls; unknown ones follow the default for their kind. */
export class EndpointDirectory {
  private readonly behaviours = new Map<string, EndpointBehaviour>();

  constructor(private readonly defaults: { number: EndpointBehaviour; client: EndpointBehaviour }) {}

  set(address: string, behaviour: EndpointBehaviour) {
    this.behaviours.set(address, behaviour);
  }

  behaviour(address: string): EndpointBehaviour {
    return (
      this.behaviours.get(address) ?? (address.startsWith('client:') ? this.defaults.client : this.defaults.number)
    );
  }
}

const E164 = /^\+[1-9]\d{6,14}$/;
const CLIENT = /^client:[\w.@+-]{1,256}$/;

/** A callable endpoint: an E.164 number or `client:<identity>`. */
export function isEndpointAddress(address: string) {
  return E164.test(address) || CLIENT.test(address);
}
