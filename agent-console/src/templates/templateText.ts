// The console's reading of template text; the same rules as server/templates/templateText.ts (the console imports no
// server runtime code), which stays the judge: the reply route refuses text still holding a placeholder.
const PLACEHOLDER = /\[\[([^[\]\n]{1,100})\]\]/g;

/** The `[[…]]` placeholders left in a text, each once, in order. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1].trim()))];
}

/** A `/word` being typed at the caret: where its slash is and the word so far. */
export interface SlashCommand {
  start: number;
  query: string;
}

/**
 * The template command the caret is in: a `/` at the start of the text or after a space or line break, followed
 * by letters, digits, `-` or `_` (a URL's slashes, or `and/or`, open nothing).
 */
export function slashCommandAt(text: string, caret: number): SlashCommand | null {
  const match = /(^|\s)\/([\p{L}\p{N}_-]*)$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2].length - 1, query: match[2] };
}

/** The text with the command (from its slash to the caret) replaced by `insert`, and where the caret goes. */
export function replaceCommand(text: string, command: SlashCommand, caret: number, insert: string) {
  return { text: text.slice(0, command.start) + insert + text.slice(caret), caret: command.start + insert.length };
}
