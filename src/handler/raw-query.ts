/**
 * The raw query string of a request target (`/path?a=1&b=2` gives `a=1&b=2`), undecoded, so the
 * handler decodes it exactly once and sees repeated and malformed parameters as sent. Adapters
 * read it from the URL rather than from the framework's parsed query object, which merges
 * repeated parameters and decodes leniently.
 */
export function rawQueryOf(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return '';
  // A request target has no fragment, but a full URL handed over by a runtime might.
  const hash = url.indexOf('#', at);
  return hash < 0 ? url.slice(at + 1) : url.slice(at + 1, hash);
}
