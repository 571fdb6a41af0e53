/** The request the twilio client hands its `httpClient`. */
export interface TwilioHttpRequest {
  method: string;
  uri: string;
  params?: Record<string, unknown>;
  data?: Record<string, unknown>;
  headers?: Record<string, string>;
  username?: string;
  password?: string;
}

export interface TwilioHttpResponse {
  statusCode: number;
  body: string;
  headers: Record<string, string>;
}

export function json(statusCode: number, body: unknown): TwilioHttpResponse {
  return { statusCode, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}

export function noContent(): TwilioHttpResponse {
  return { statusCode: 204, body: '', headers: {} };
}

/** Twilio's error body: code, message, more_info, status. */
export function twilioError(status: number, code: number, message: string): TwilioHttpResponse {
  return json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

export function notFound(path: string) {
  return twilioError(404, 20404, `The requested resource ${path} was not found`);
}

/** Form fields as the client sends them: strings, or arrays for repeated fields (StatusCallbackEvent). */
export class Form {
  constructor(private readonly fields: Record<string, unknown> = {}) {}

  one(name: string): string | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    return Array.isArray(value) ? String(value[0]) : String(value);
  }

  many(name: string): string[] {
    const value = this.fields[name];
    if (value === undefined || value === null) return [];
    return (Array.isArray(value) ? value.map(String) : [String(value)])
      .flatMap((v) => v.split(/[\s,]+/))
      .filter(Boolean);
  }

  bool(name: string): boolean | undefined {
    const value = this.one(name);
    return value === undefined ? undefined : value === 'true';
  }

  int(name: string): number | undefined {
    const value = this.one(name);
    if (value === undefined || value === '') return undefined;
    const n = Number(value);
    return Number.isInteger(n) ? n : NaN;
  }

  method(name: string): 'GET' | 'POST' | undefined | null {
    const value = this.one(name)?.toUpperCase();
    if (value === undefined || value === '') return undefined;
    return value === 'GET' || value === 'POST' ? value : null;
  }
}

/** A page of a list resource as Twilio lays it out. */
export function page(key: string, uri: string, items: unknown[], pageSize: number) {
  return {
    [key]: items.slice(0, pageSize),
    end: Math.max(0, Math.min(items.length, pageSize) - 1),
    first_page_uri: `${uri}?PageSize=${pageSize}&Page=0`,
    next_page_uri: null,
    page: 0,
    page_size: pageSize,
    previous_page_uri: null,
    start: 0,
    uri: `${uri}?PageSize=${pageSize}&Page=0`,
  };
}
