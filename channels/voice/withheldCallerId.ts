// What Twilio puts in `From` when the caller withholds their number or the network passes none on. Carriers send a
// word (anonymous, restricted, …); Twilio often turns that word into the digits that spell it on a keypad
// (+266696687 is A-N-O-N-Y-M-O-U-S), so both forms are recognised.
const WITHHELD_WORDS = ['anonymous', 'restricted', 'unknown', 'private', 'unavailable', 'blocked', 'withheld'];

const KEYPAD: Record<string, string> = {
  a: '2',
  b: '2',
  c: '2',
  d: '3',
  e: '3',
  f: '3',
  g: '4',
  h: '4',
  i: '4',
  j: '5',
  k: '5',
  l: '5',
  m: '6',
  n: '6',
  o: '6',
  p: '7',
  q: '7',
  r: '7',
  s: '7',
  t: '8',
  u: '8',
  v: '8',
  w: '9',
  x: '9',
  y: '9',
  z: '9',
};
const spelled = (word: string) => [...word].map((c) => KEYPAD[c]).join('');

const WITHHELD = new Set([...WITHHELD_WORDS, ...WITHHELD_WORDS.map(spelled)]);

/**
 * True when a call's caller ID names nobody: empty, a "withheld" word in any case, its keypad spelling with or
 * without +, or an anonymous SIP address (sip:anonymous@anonymous.invalid). Such a caller cannot be recognised or
 * called back on that number.
 */
export function isWithheldCallerId(from: string): boolean {
  const id = from.trim().toLowerCase();
  if (!id) return true;
  const user = id.startsWith('sip:') ? id.slice(4).split('@')[0] : id.replace(/^\+/, '');
  return WITHHELD.has(user);
}
