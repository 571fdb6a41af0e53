import { useEffect, useRef } from 'react';
import { appendToReply, replyInsertions } from './replyInsertions';

interface Props {
  ticketId: string;
  text: string;
  setText: (text: string) => void;
}

/**
 * In the composer: takes the articles picked for this ticket (on its page or in its screen pop) into the reply's
 * text, and forgets them once the reply is sent or emptied. Shows nothing itself.
 */
export function ReplyArticles({ ticketId, text, setText }: Props) {
  // The text as of now: an insertion may arrive between renders.
  const current = useRef(text);
  current.current = text;

  const filled = useRef(false);

  useEffect(() => {
    const stop = replyInsertions.receive(ticketId, (insertion) => {
      current.current = appendToReply(current.current, insertion.text);
      setText(current.current);
    });
    return () => {
      stop();
      // The composer's text goes with it, unless it opens again at once (React's development double mount).
      setTimeout(() => replyInsertions.composerClosed(ticketId), 0);
    };
  }, [ticketId, setText]);

  // Sent (the composer empties itself) or deleted by hand: the articles are no longer in the reply.
  useEffect(() => {
    if (text.trim()) filled.current = true;
    else if (filled.current) {
      filled.current = false;
      replyInsertions.replyCleared(ticketId);
    }
  }, [ticketId, text]);

  return null;
}

/** The articles the ticket's reply carries, for the reply request (`knowledgeArticleIds`). */
export const articlesInReply = (ticketId: string) => {
  const ids = replyInsertions.articlesInReply(ticketId);
  return ids.length ? ids : undefined;
};
