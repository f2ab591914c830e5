/**
 * An error meant for the person who caused it: an HTTP status and an i18n key for the
 * message, rendered as RFC 9457 problem+json for the API and as an error page for the web.
 * @example throw new HttpProblem(404, 'errors.notFound')
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    /** i18n key of the human message. */
    readonly key: string,
    readonly params: Record<string, unknown> = {},
    /** Per-field message keys, for forms and API clients. */
    readonly fields: Record<string, string> = {},
    /** Extra headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(key);
    this.name = 'HttpProblem';
  }
}

/** The problem types Concord uses, so clients can switch on `type` rather than on prose. */
export function problemType(status: number): string {
  const names: Record<number, string> = {
    400: 'bad-request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not-found',
    405: 'method-not-allowed',
    409: 'conflict',
    413: 'payload-too-large',
    415: 'unsupported-media-type',
    422: 'validation',
    429: 'too-many-requests',
    500: 'internal',
  };
  return `https://concord.invalid/problems/${names[status] ?? 'error'}`;
}
