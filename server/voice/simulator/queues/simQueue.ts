import type { Bridge } from '../calls/bridge';
import type { SimCall } from '../calls/simCall';
import type { Instruction } from '../engine/instruction';
import { deferred, type Deferred, type SimClock } from '../simClock';
import { newSid } from '../sids';

/** Why a member left the queue other than by its own wait document or hanging up. */
export type Dequeue =
  | {
      kind: 'bridged';
      by: SimCall;
      whisper: { url: string; method: 'GET' | 'POST' } | null;
      connected: Deferred<Bridge | null>;
      abandoned: boolean;
    }
  | { kind: 'redirected'; to: Instruction };

export interface QueueMember {
  call: SimCall;
  enqueuedAt: number;
  dequeued: Deferred<Dequeue>;
}

/** A named FIFO call queue, as `<Enqueue>` creates on first use. */
export class SimQueue {
  readonly sid = newSid('QU');
  readonly createdAt = Date.now();
  updatedAt = Date.now();
  maxSize = 1000;
  readonly members: QueueMember[] = [];
  private readonly pastWaits: number[] = [];
  private arrival = deferred<void>();

  constructor(
    public name: string,
    private readonly clock: SimClock,
  ) {}

  add(call: SimCall): QueueMember {
    const member: QueueMember = { call, enqueuedAt: Date.now(), dequeued: deferred() };
    this.members.push(member);
    call.queue = this;
    this.changed();
    this.arrival.resolve();
    this.arrival = deferred();
    return member;
  }

  /** Takes the call out (idempotent); the members behind it move up. */
  remove(call: SimCall) {
    const index = this.members.findIndex((m) => m.call === call);
    if (call.queue === this) call.queue = null;
    if (index < 0) return;
    const [member] = this.members.splice(index, 1);
    this.pastWaits.push(this.waitSeconds(member));
    if (this.pastWaits.length > 100) this.pastWaits.shift();
    this.changed();
    call.touch();
  }

  member(callSid: string) {
    return this.members.find((m) => m.call.sid === callSid);
  }

  /** 1-based position, 0 when not queued. */
  position(call: SimCall) {
    return this.members.findIndex((m) => m.call === call) + 1;
  }

  waitSeconds(member: QueueMember) {
    return this.clock.secondsBetween(member.enqueuedAt);
  }

  averageWaitSeconds() {
    const waits = [...this.pastWaits, ...this.members.map((m) => this.waitSeconds(m))];
    return waits.length ? Math.round(waits.reduce((a, b) => a + b, 0) / waits.length) : 0;
  }

  /** Resolves when the next call joins. */
  nextArrival(): Promise<void> {
    return this.arrival.promise;
  }

  private changed() {
    this.updatedAt = Date.now();
    for (const m of this.members) m.call.touch();
  }
}
