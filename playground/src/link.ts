/**
 * The page's state in its URL fragment (`#endpoint=...&filter=...`), so that a link reopens it.
 * What the page reads from a link is bounded: a fragment longer than any the page writes for a
 * filter of `maxFilter` characters ({@link maxLinkLength}) is not read at all (a pasted link of
 * megabytes would otherwise be decoded and lexed whole), and a filter longer than `maxFilter` is
 * not opened; either way the page says so. Every link the page writes, it reopens.
 * @module
 */

/** What a link opens: the endpoint and filter it names (each when it names one), and why not, when it is too long. */
export interface Link {
  readonly endpoint?: string;
  readonly filter?: string;
  readonly notice?: string;
}

/**
 * Characters a fragment may spend on everything but the filter's text: `#`, the parameter names,
 * `&` and the endpoint's name (an OpenAPI operation's key, a few dozen characters).
 */
const FRAME_LENGTH = 1024;

/**
 * The longest fragment read for filters of up to `maxFilter` characters: form-encoded, one UTF-16
 * unit takes at most 9 characters (`€` is `%E2%82%AC`; an astral character, two units, 12).
 */
export function maxLinkLength(maxFilter: number): number {
  return 9 * maxFilter + FRAME_LENGTH;
}

/** Reads `hash` (`location.hash`, with its `#`), opening a filter of at most `maxFilter` characters. */
export function readLink(hash: string, maxFilter: number): Link {
  const maxHash = maxLinkLength(maxFilter);
  if (hash.length > maxHash) {
    return {
      notice: `This link is ${hash.length} characters long; the playground opens links of up to ${maxHash}.`,
    };
  }
  const params = new URLSearchParams(hash.slice(1));
  const endpoint = params.get('endpoint') ?? undefined;
  const filter = params.get('filter') ?? undefined;
  const named = endpoint === undefined ? {} : { endpoint };
  if (filter !== undefined && filter.length > maxFilter) {
    return {
      ...named,
      notice: `This link's filter is ${filter.length} characters long; the playground opens filters of up to ${maxFilter}.`,
    };
  }
  return { ...named, ...(filter === undefined ? {} : { filter }) };
}

/**
 * The fragment for `endpoint` and `filter`. What a link could not reopen is left out: a filter
 * longer than `maxFilter`, and (with an endpoint name past the frame's room) the filter, then the
 * endpoint.
 */
export function writeLink(endpoint: string, filter: string, maxFilter: number): string {
  const fits = (params: URLSearchParams) => `#${params}`.length <= maxLinkLength(maxFilter);
  const named = new URLSearchParams({ endpoint });
  const both = new URLSearchParams({ endpoint, filter });
  if (filter.length <= maxFilter && fits(both)) return `#${both}`;
  return fits(named) ? `#${named}` : '#';
}
