import type { MouseEvent } from 'react';

/** A left click without modifiers: the browser's own handling (new tab, download…) is left alone otherwise. */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
