import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
export const AUTH_TOKEN = 'a-test-auth-token-of-32-chars-xx';
export const aRecordingSid = () => `RE${randomBytes(16).toString('hex')}`;

/**
 * Twilio's recording media endpoint, played on 127.0.0.1 (the server reaches it through TWILIO_API_BASE_URL, as
 * it would reach https://api.twilio.com): serves `<RecordingUrl>.mp3` as audio/mpeg only with the account's Basic
 * credentials (401 otherwise), honours a single Range, 404s an unknown recording, 500s "REbroken…".
 */
export async function startFakeTwilioMedia() {
  const recordings = new Map<string, Buffer>();
  const seen: { path: string; authorization: string | undefined; range: string | undefined }[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
  const server = http.createServer((req, res) => {
    seen.push({ path: req.url ?? '', authorization: req.headers.authorization, range: req.headers.range });
    if (req.headers.authorization !== expectedAuth)
      return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"code":20003}');
    const sid = req.url?.match(/^\/2010-04-01\/Accounts\/AC\w+\/Recordings\/(RE\w+)\.mp3$/)?.[1];
    if (sid?.startsWith('REbroken')) return void res.writeHead(500).end();
    const audio = sid && recordings.get(sid);
    if (!audio) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"code":20404}');
    const range = req.headers.range?.match(/^bytes=(\d+)-(\d*)$/);
    if (!range)
      return void res
        .writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': audio.length, 'accept-ranges': 'bytes' })
        .end(audio);
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), audio.length - 1) : audio.length - 1;
    res.writeHead(206, {
      'content-type': 'audio/mpeg',
      'content-length': end - start + 1,
      'content-range': `bytes ${start}-${end}/${audio.length}`,
      'accept-ranges': 'bytes',
    });
    res.end(audio.subarray(start, end + 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // What Twilio posts as RecordingUrl.
  const base = 'https://api.twilio.com';
  return {
    local,
    expectedAuth,
    seen,
    /** Keeps `audio` as a new recording; returns its RecordingSid and RecordingUrl (no extension, as Twilio posts it). */
    add(audio: Buffer, sid = aRecordingSid()) {
      recordings.set(sid, audio);
      return { sid, url: `${base}/2010-04-01/Accounts/${ACCOUNT_SID}/Recordings/${sid}` };
    },
    /** Twilio deletes the recording: from now on it answers 404 for it. */
    remove: (sid: string) => void recordings.delete(sid),
    urlOf: (sid: string) => `${base}/2010-04-01/Accounts/${ACCOUNT_SID}/Recordings/${sid}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
