import { deferred } from '../simClock';
import type { SimCall } from './simCall';

/** Two legs that hear each other (a Dial to a number, a client or a queue member) until one leaves. */
export class Bridge {
  readonly startedAt = Date.now();
  private readonly done = deferred<SimCall>();

  constructor(
    readonly a: SimCall,
    readonly b: SimCall,
  ) {
    a.bridge = this;
    b.bridge = this;
    a.note('bridged', { text: b.party, details: { callSid: b.sid } });
    b.note('bridged', { text: a.party, details: { callSid: a.sid } });
  }

  /** Resolves with the leg that left. */
  get ended(): Promise<SimCall> {
    return this.done.promise;
  }

  get isOver() {
    return this.done.settled;
  }

  other(call: SimCall) {
    return call === this.a ? this.b : this.a;
  }

  end(leaving: SimCall) {
    if (this.done.settled) return;
    for (const leg of [this.a, this.b]) {
      if (leg.bridge === this) leg.bridge = null;
      if (leg.isLive) leg.note('unbridged', { details: { leftBy: leaving.sid } });
    }
    this.done.resolve(leaving);
  }
}
