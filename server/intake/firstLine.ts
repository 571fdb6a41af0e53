/** A ticket's subject from a message without one (SMS, calls): its first line, shortened at a word. */
export function firstLine(text: string, max = 80) {
  const line = text.trim().split(/\r?\n/, 1)[0].trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length)}…`;
}
