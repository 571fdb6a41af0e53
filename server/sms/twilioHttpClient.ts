import twilio from 'twilio';

type RequestOptions = Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0];

/**
 * The official client's own HTTP client, with every request re-aimed from api.twilio.com (and its regional
 * hosts) at `baseUrl`, path and query kept: a local stand-in of Twilio's REST API that another process serves.
 * Authentication, form encoding and error answers stay exactly what the client does for Twilio.
 */
export function twilioHttpClientAt(baseUrl: string) {
  const inner = new twilio.RequestClient({ autoRetry: false });
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  return {
    request(opts: RequestOptions) {
      const original = new URL(opts.uri);
      const uri = `${base.protocol}//${base.host}${basePath}${original.pathname}${original.search}`;
      return inner.request({ ...opts, uri });
    },
  };
}
