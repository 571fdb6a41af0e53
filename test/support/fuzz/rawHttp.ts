import net from 'node:net';

/** An HTTP/1.1 request written byte for byte: fetch would fix a bad path, a wrong Content-Length or a cut body. */
export interface RawRequest {
  method: string;
  /** The request target exactly as written on the request line: path and query, bad percent-escapes and all. */
  target: string;
  /** Written in this order; Host, Content-Length (unless given here) and Connection: close are added. */
  headers: [string, string][];
  body?: Buffer;
  /** Write only this many bytes of the body (Content-Length still announces all of it), then close our side. */
  truncateAt?: number;
}

export interface RawResponse {
  /** null when the server closed or reset the connection without a status line, or did not answer in time. */
  status: number | null;
  /** The start of the response body, to show in a failure. */
  bodyStart: string;
  timedOut: boolean;
}

/** The request's bytes as they go on the wire. */
function requestBytes(host: string, req: RawRequest): Buffer {
  const headers: [string, string][] = [['Host', host], ...req.headers];
  const body = req.body ?? Buffer.alloc(0);
  const framed = req.headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name));
  if (!framed && (body.length > 0 || !['GET', 'HEAD'].includes(req.method)))
    headers.push(['Content-Length', String(body.length)]);
  headers.push(['Connection', 'close']);
  const head = `${req.method} ${req.target} HTTP/1.1\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([
    Buffer.from(head, 'utf8'),
    req.truncateAt === undefined ? body : body.subarray(0, req.truncateAt),
  ]);
}

/** Sends one request on its own connection and reads the status line of the answer. */
export function sendRaw(baseUrl: string, req: RawRequest, timeoutMs: number): Promise<RawResponse> {
  const { hostname, port, host } = new URL(baseUrl);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let timedOut = false;
    const socket = net.connect({ host: hostname, port: Number(port) });
    const timer = setTimeout(() => {
      timedOut = true;
      socket.destroy();
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A reset after (or instead of) the answer: what was read so far is the answer.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      const bodyAt = text.indexOf('\r\n\r\n');
      resolve({
        status: status ? Number(status[1]) : null,
        bodyStart: bodyAt === -1 ? '' : text.slice(bodyAt + 4, bodyAt + 4 + 300),
        timedOut,
      });
    });
    socket.write(requestBytes(host, req));
    if (req.truncateAt !== undefined) socket.end();
  });
}
