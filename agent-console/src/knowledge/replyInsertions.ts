/** An article's text on its way into a ticket's reply. */
export interface ReplyInsertion {
  articleId: string;
  text: string;
}

type Receiver = (insertion: ReplyInsertion) => void;

// An insertion made from a screen pop waits for the ticket's composer, which opens once the offer is accepted. One
// whose composer never opens (the offer went to someone else) must not land in a later reply to that ticket.
export const STAGED_FOR_MS = 60_000;

/**
 * Carries article text from wherever it is picked (the screen pop, the ticket page's suggestions) into the reply
 * composer of that ticket, and remembers which articles the reply holds, so the reply names them when it is sent.
 */
export class ReplyInsertions {
  private readonly receivers = new Map<string, Receiver>();
  private readonly staged = new Map<string, (ReplyInsertion & { at: number })[]>();
  private readonly inReply = new Map<string, Set<string>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Into the ticket's composer now, or as soon as it opens. */
  send(ticketId: string, insertion: ReplyInsertion): void {
    const receiver = this.receivers.get(ticketId);
    if (receiver) return this.deliver(ticketId, receiver, insertion);
    this.staged.set(ticketId, [...(this.staged.get(ticketId) ?? []), { ...insertion, at: this.now() }]);
  }

  /** The ticket's composer takes insertions (first the ones waiting for it) until the returned function is called. */
  receive(ticketId: string, receiver: Receiver): () => void {
    this.receivers.set(ticketId, receiver);
    const waiting = this.staged.get(ticketId) ?? [];
    this.staged.delete(ticketId);
    for (const insertion of waiting) {
      if (this.now() - insertion.at <= STAGED_FOR_MS) this.deliver(ticketId, receiver, insertion);
    }
    return () => {
      if (this.receivers.get(ticketId) === receiver) this.receivers.delete(ticketId);
    };
  }

  /** The articles inserted into the ticket's reply since it was last empty. */
  articlesInReply(ticketId: string): string[] {
    return [...(this.inReply.get(ticketId) ?? [])];
  }

  /** The reply was sent or emptied: the articles in it are no longer in it. */
  replyCleared(ticketId: string): void {
    this.inReply.delete(ticketId);
  }

  /** The ticket's composer closed, its text with it: unless another one took its place, the reply is gone. */
  composerClosed(ticketId: string): void {
    if (!this.receivers.has(ticketId)) this.replyCleared(ticketId);
  }

  private deliver(ticketId: string, receiver: Receiver, insertion: ReplyInsertion) {
    this.inReply.set(ticketId, new Set([...(this.inReply.get(ticketId) ?? []), insertion.articleId]));
    receiver(insertion);
  }
}

/** The console's one carrier: the screen pop, the ticket page and the composer all use it. */
export const replyInsertions = new ReplyInsertions();

/** The reply's text with an article added at its end, a blank line apart from what was already written. */
export function appendToReply(current: string, insertion: string): string {
  return current.trim() ? `${current.trimEnd()}\n\n${insertion}` : insertion;
}
