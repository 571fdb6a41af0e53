import { describe, expect, it } from 'vitest';
import { parseTwiml } from './parseTwiml';

describe('parseTwiml', () => {
  it('when a document uses what Twilio accepts, then its verbs come back in order with their attributes and text', () => {
    const verbs = parseTwiml(
      `<?xml version="1.0" encoding="UTF-8"?>
      <Response>
        <Say voice="Polly.Joanna">Your number is <say-as interpret-as="digits">123</say-as> &amp; more</Say>
        <Dial callerId="+15005550006"><Client><Identity>alice</Identity><Parameter name="ticket" value="7"/></Client><Number url="/whisper">+15551234567</Number></Dial>
        <Dial>+15557654321</Dial>
      </Response>`,
      'call',
    );
    expect(verbs.map((v) => v.name)).toEqual(['Say', 'Dial', 'Dial']);
    expect(verbs[0].innerText).toBe('Your number is 123 & more');
    expect(verbs[0].attrs.voice).toBe('Polly.Joanna');
    expect(verbs[1].children.map((c) => c.name)).toEqual(['Client', 'Number']);
    expect(verbs[2].text).toBe('+15557654321');
  });

  it('when a wait document leaves or gathers, then that is allowed there but not in hold music', () => {
    const wait = '<Response><Gather numDigits="1"><Play>https://example.com/a.mp3</Play></Gather><Leave/></Response>';
    expect(parseTwiml(wait, 'queue-wait').map((v) => v.name)).toEqual(['Gather', 'Leave']);
    expect(() => parseTwiml(wait, 'music')).toThrow(/<Gather> is not allowed in a wait, hold or whisper document/);
    expect(() => parseTwiml('<Response><Dial>+15551234567</Dial></Response>', 'queue-wait')).toThrow(
      /<Dial> is not allowed in an <Enqueue> waitUrl document/,
    );
  });

  it('when nouns are mixed or missing, then the document is refused', () => {
    expect(() =>
      parseTwiml('<Response><Dial><Conference>a</Conference><Number>+15551234567</Number></Dial></Response>', 'call'),
    ).toThrow(/must be the only noun/);
    expect(() => parseTwiml('<Response><Dial/></Response>', 'call')).toThrow(/needs a number or a noun/);
    expect(() => parseTwiml('<Response><Redirect/></Response>', 'call')).toThrow(/<Redirect> needs text/);
    expect(() => parseTwiml('<Response>hello<Say>hi</Say></Response>', 'call')).toThrow(/<Response> takes no text/);
    expect(() => parseTwiml('<Response><Hangup>now</Hangup></Response>', 'call')).toThrow(/<Hangup> takes no text/);
    expect(() => parseTwiml('', 'call')).toThrow(/empty/);
  });
});
