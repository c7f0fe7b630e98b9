// The HTTP client of the connector (replies sent to serviceUrl) in anonymous mode: the SDK's default
// has no timeout, so a serviceUrl that accepts the connection and never answers held each request
// for more than ten minutes. This one uses fetch with a deadline and does not follow redirects
// (a redirect could lead away from the allowed hosts).

interface HeadersLike { toJson(o?: { preserveCase?: boolean }): Record<string, string> }
interface RequestLike { url: string; method: string; headers: HeadersLike; body?: unknown }

function headersOf(h: Record<string, string>): HeadersLike & { get(name: string): string | undefined; contains(name: string): boolean } {
  return {
    toJson: () => ({ ...h }),
    get: (name) => h[name.toLowerCase()],
    contains: (name) => name.toLowerCase() in h,
  };
}

export function timeoutHttpClient(timeoutMs: number, fetchImpl: typeof fetch = fetch) {
  return {
    async sendRequest(request: RequestLike) {
      const body = typeof request.body === 'string' || request.body instanceof Uint8Array ? request.body : request.body === undefined || request.body === null ? undefined : JSON.stringify(request.body);
      const res = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers.toJson({ preserveCase: true }),
        body: body as BodyInit | undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      // replies are small; a huge answer is cut off rather than held
      const text = (await res.text()).slice(0, 1024 * 1024);
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => { headers[k] = v; });
      return { request, status: res.status, headers: headersOf(headers), bodyAsText: text };
    },
  };
}
