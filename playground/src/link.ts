/**
 * The page's state in its URL fragment (`#endpoint=...&filter=...`), so that a link reopens it.
 * What the page reads from a link is bounded: a fragment longer than four times `maxFilter` is
 * not read at all (a pasted link of megabytes would otherwise be decoded and lexed whole), and a
 * filter longer than `maxFilter` is not opened; either way the page says so.
 * @module
 */

/** What a link opens: the endpoint and filter it names (each when it names one), and why not, when it is too long. */
export interface Link {
  readonly endpoint?: string;
  readonly filter?: string;
  readonly notice?: string;
}

/** Reads `hash` (`location.hash`, with its `#`), opening a filter of at most `maxFilter` characters. */
export function readLink(hash: string, maxFilter: number): Link {
  const maxHash = 4 * maxFilter;
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

/** The fragment for `endpoint` and `filter`; a filter longer than `maxFilter` is left out (a link could not reopen it). */
export function writeLink(endpoint: string, filter: string, maxFilter: number): string {
  const params = new URLSearchParams({ endpoint });
  if (filter.length <= maxFilter) params.set('filter', filter);
  return `#${params}`;
}
