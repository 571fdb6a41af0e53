// How many SMS segments a text costs. GSM-7 carries 160 characters in one segment and 153 per segment once
// concatenated; any character outside GSM-7 (Chinese, emoji, many accents) switches the whole text to UCS-2:
// 70, then 67 per segment, counted in UTF-16 code units. Pure: the console imports it for the composer.

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// These take two septets (an escape plus the character).
const GSM_EXTENDED = '^{}\\[~]|€\f';

export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  /** Characters in the encoding's units: septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
  /** How many more units fit before another segment starts. */
  remainingInSegment: number;
}

export function countSmsSegments(text: string): SmsSegments {
  let septets = 0;
  for (const ch of text) {
    if (GSM_BASIC.includes(ch)) septets += 1;
    else if (GSM_EXTENDED.includes(ch)) septets += 2;
    else return split('UCS-2', text.length, 70, 67);
  }
  return split('GSM-7', septets, 160, 153);
}

function split(encoding: SmsSegments['encoding'], units: number, single: number, multi: number): SmsSegments {
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1, remainingInSegment: single - units };
  const segments = Math.ceil(units / multi);
  return { encoding, units, segments, remainingInSegment: segments * multi - units };
}
